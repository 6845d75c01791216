package cl.seguimientooc.web.pages;

import cl.seguimientooc.mailout.ChileanFormat;
import cl.seguimientooc.web.auth.Caller;
import cl.seguimientooc.web.auth.Role;
import freemarker.cache.ClassTemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Renders the dashboard's pages (FreeMarker, {@code src/main/resources/web/}, HTML output format:
 * everything is escaped unless a template says otherwise). Every page gets the user, their role, the
 * session's CSRF token and Chilean formatting functions.
 */
public final class PageRenderer {

    private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");
    private final Configuration config;

    public PageRenderer() {
        config = new Configuration(Configuration.VERSION_2_3_34);
        config.setDefaultEncoding("UTF-8");
        config.setOutputEncoding("UTF-8");
        config.setOutputFormat(HTMLOutputFormat.INSTANCE);
        config.setRecognizeStandardFileExtensions(false);
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setTemplateLoader(new ClassTemplateLoader(PageRenderer.class, "/web"));
        config.setNumberFormat("computer");
        config.setSharedVariable("plata", (TemplateMethodModelEx) args -> ChileanFormat.money(
                args.get(0) == null ? null : new BigDecimal(args.get(0).toString()), args.size() > 1 ? String.valueOf(args.get(1)) : "CLP"));
        config.setSharedVariable("fecha", (TemplateMethodModelEx) args -> args.get(0) == null ? "" : date(args.get(0).toString()));
        config.setSharedVariable("fechaLarga", (TemplateMethodModelEx) args -> args.get(0) == null ? ""
                : ChileanFormat.longDate(LocalDate.parse(args.get(0).toString().substring(0, 10))));
        config.setSharedVariable("miles", (TemplateMethodModelEx) args -> args.get(0) == null ? ""
                : String.format(java.util.Locale.ROOT, "%,d", Long.parseLong(args.get(0).toString())).replace(',', '.'));
    }

    /** The route's last step: the page in the body becomes HTML. */
    public String render(Exchange exchange) {
        Page page = exchange.getMessage().getBody(Page.class);
        Map<String, Object> model = new HashMap<>(page.model());
        Caller caller = Caller.of(exchange);
        Role r = caller == null ? Role.LECTOR : caller.role();
        model.put("usuario", caller == null ? "" : caller.username());
        model.put("rol", r.code());
        model.put("puedeActuar", caller != null && r.atLeast(Role.OPERADOR));
        model.put("esAdmin", caller != null && r == Role.ADMIN);
        model.putIfAbsent("csrf", caller == null || caller.csrf() == null ? "" : caller.csrf());
        // Camel would echo the request's headers in the response; a page answers only with its own.
        exchange.getMessage().removeHeaders("*", "Set-Cookie", "Location", "Retry-After", Exchange.HTTP_RESPONSE_CODE);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/html; charset=UTF-8");
        return render(page.template(), model);
    }

    /** A page's error, in Spanish, inside the dashboard's frame (the status is set by the route). */
    public String error(Exchange exchange) {
        Throwable e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 500, Integer.class);
        String title = switch (status) {
            case 404 -> "No encontrado";
            case 400 -> "Solicitud no válida";
            default -> "Error";
        };
        String message = status >= 500 || e == null || e.getMessage() == null
                ? "Ocurrió un error inesperado; quedó registrado en el log del servicio." : e.getMessage();
        exchange.getMessage().setBody(new Page("error.ftl", Map.of("titulo", title, "mensaje", message)));
        return render(exchange);
    }

    public String render(String template, Map<String, Object> model) {
        try {
            StringWriter out = new StringWriter();
            config.getTemplate(template).process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException("la página " + template + " no se pudo generar: " + e.getMessage(), e);
        }
    }

    /** An ISO date or timestamp (from PostgreSQL's JSON) as dd-MM-yyyy, with HH:mm in Santiago time when it has one. */
    static String date(String iso) {
        try {
            if (iso.length() <= 10) {
                return ChileanFormat.shortDate(LocalDate.parse(iso));
            }
            return OffsetDateTime.parse(iso).atZoneSameInstant(SANTIAGO).format(STAMP);
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

}
