package cl.seguimientooc;

import cl.seguimientooc.config.Setting;
import cl.seguimientooc.config.Settings;
import cl.seguimientooc.web.Api;
import cl.seguimientooc.web.HttpGuard;
import cl.seguimientooc.web.auth.Authenticator;
import cl.seguimientooc.web.auth.LoginThrottle;
import cl.seguimientooc.web.auth.Sessions;
import cl.seguimientooc.web.auth.Users;
import cl.seguimientooc.web.pages.Dashboard;
import cl.seguimientooc.web.pages.LoginPage;
import cl.seguimientooc.web.pages.PageRenderer;
import cl.seguimientooc.web.pages.ReservationExport;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Users and sessions, the HTTP guard in front of everything, and the dashboard's page beans. */
final class WebBeans {

    private static final Logger LOG = LoggerFactory.getLogger(WebBeans.class);

    private WebBeans() {
    }

    static void bind(CamelContext context, Settings settings, Services services, cl.seguimientooc.mailout.MailTemplates templates,
                     cl.seguimientooc.ladder.LadderConfig ladders) {
        var jdbc = services.db.jdbc();
        Users users = new Users(jdbc);
        String admin = settings.get(Setting.ADMIN_USERNAME);
        if (users.bootstrap(admin, settings.get(Setting.ADMIN_PASSWORD))) {
            LOG.warn("Administrador «{}» creado (o reactivado) desde ADMIN_USERNAME/ADMIN_PASSWORD; cambie la contraseña en /cuenta", admin);
        }
        Sessions sessions = new Sessions(jdbc, settings.getInt(Setting.WEB_SESSION_IDLE_MINUTES));
        sessions.expireIdle();
        LoginThrottle throttle = new LoginThrottle(jdbc, settings.getInt(Setting.WEB_LOGIN_MAX_FAILURES),
                settings.getInt(Setting.WEB_LOGIN_LOCK_MINUTES));
        boolean open = settings.get(Setting.ADMIN_PASSWORD).isEmpty() && users.activeAdmins() == 0;
        Authenticator auth = new Authenticator(users, sessions, throttle, open);
        new HttpGuard(auth, settings.getInt(Setting.WEB_MAX_BODY_BYTES)).install(context);

        var registry = context.getRegistry();
        registry.bind("authenticator", Authenticator.class, auth);
        registry.bind("pageRenderer", PageRenderer.class, new PageRenderer());
        registry.bind("loginPage", LoginPage.class, new LoginPage(auth));
        registry.bind("accountApi", cl.seguimientooc.web.AccountApi.class, new cl.seguimientooc.web.AccountApi(auth));
        registry.bind("accountPages", cl.seguimientooc.web.pages.AccountPages.class, new cl.seguimientooc.web.pages.AccountPages(auth));
        Api api = registry.lookupByNameAndType("api", Api.class);
        registry.bind("dashboard", Dashboard.class, new Dashboard(jdbc, api, services.clock, ladders.defaults().levels().stream()
                .filter(l -> l.action() == cl.seguimientooc.ladder.Level.Action.NOTIFY).map(cl.seguimientooc.ladder.Level::name).toList(),
                new cl.seguimientooc.web.pages.HomeCharts(jdbc, services.clock)));
        registry.bind("reservationExport", ReservationExport.class, new ReservationExport(api));
        registry.bind("queuePages", cl.seguimientooc.web.pages.QueuePages.class, new cl.seguimientooc.web.pages.QueuePages(api,
                registry.lookupByNameAndType("ocApi", cl.seguimientooc.web.OcApi.class)));
        registry.bind("ladderPages", cl.seguimientooc.web.pages.LadderPages.class, new cl.seguimientooc.web.pages.LadderPages(jdbc,
                registry.lookupByNameAndType("ladderApi", cl.seguimientooc.web.LadderApi.class), services.clock));
        registry.bind("templatePages", cl.seguimientooc.web.pages.TemplatePages.class, new cl.seguimientooc.web.pages.TemplatePages(
                templates, ladders.templates(), api, jdbc, Services.sender(settings)));
        registry.bind("ocDownloads", cl.seguimientooc.web.OcDownloads.class, new cl.seguimientooc.web.OcDownloads(jdbc,
                java.nio.file.Path.of(settings.get(Setting.OC_FILES_DIR))));
    }
}
