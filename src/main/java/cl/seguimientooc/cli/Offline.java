package cl.seguimientooc.cli;

import cl.seguimientooc.Services;
import cl.seguimientooc.config.ConfigException;
import cl.seguimientooc.config.Setting;
import cl.seguimientooc.config.Settings;
import cl.seguimientooc.db.Database;
import cl.seguimientooc.extraction.ConfirmationExtractor;
import cl.seguimientooc.extraction.LayoutRegistry;
import java.nio.file.Path;

/**
 * The database and the domain services for a command that runs without the service. With the
 * embedded database the service must be stopped first (or use the API instead).
 */
final class Offline {

    /** What a command does with the services; may throw. */
    interface Work {
        int run(Services services, Settings settings) throws Exception;
    }

    private Offline() {
    }

    static Settings settings(Cli.Context ctx) {
        return Settings.load(Settings.standardLookup(ctx.workingDir(), ctx.env()));
    }

    static int run(Cli.Context ctx, Work work) {
        Settings settings;
        try {
            settings = settings(ctx);
        } catch (ConfigException e) {
            return CheckConfigCommand.check(ctx, false);
        }
        Path layouts = ctx.workingDir().resolve(settings.get(Setting.LAYOUTS_DIR));
        try (Database database = Database.open(settings, ctx.workingDir().resolve(settings.get(Setting.DATA_DIR)))) {
            Services services = new Services(settings, database, new ConfirmationExtractor(LayoutRegistry.load(layouts)),
                    "consola@" + Services.hostName() + "-" + ProcessHandle.current().pid());
            try (services.instance) {
                return work.run(services, settings);
            }
        } catch (Exception e) {
            ctx.err().println("Error: " + e.getMessage());
            if (settings.embeddedDatabase()) {
                ctx.err().println("Con la base embebida el servicio no puede estar corriendo a la vez; deténgalo o use la API.");
            }
            return 1;
        }
    }
}
