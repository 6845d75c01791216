package cl.seguimientooc.mailout;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileNameGlobMatcher;
import freemarker.cache.FirstMatchTemplateConfigurationFactory;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateConfiguration;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders the ladder e-mails from the FreeMarker templates in {@code templates/} (or the copy in
 * the jar): subject, HTML and plain text for each kind. {@link #check} renders all of them with a
 * sample model so a broken template is reported at startup.
 */
public final class MailTemplates {

    /** Notices outside the ladder: an OC for a suspended reservation, the acknowledgement to its sender. */
    public static final List<String> NOTICES = List.of("aviso_oc_suspendida", "acuse_oc");
    /** The three files of a template. */
    public static final List<String> PARTS = List.of(".asunto.ftl", ".html.ftl", ".txt.ftl");

    /** A rendered e-mail. */
    public record Rendered(String kind, String subject, String html, String text) {
    }

    private final Configuration config;
    private final String source;
    private final Path dir;

    public MailTemplates(Path dir) {
        config = new Configuration(Configuration.VERSION_2_3_34);
        config.setDefaultEncoding("UTF-8");
        config.setOutputEncoding("UTF-8");
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setFallbackOnNullLoopVariable(false);
        // Everything from a PDF or a mail is escaped in HTML bodies by default (HTML output format);
        // subjects and plain-text bodies are plain text. layout.ftl holds HTML macros, with its
        // plain-text macros inside an #outputformat "plainText" block.
        config.setRecognizeStandardFileExtensions(false);
        TemplateConfiguration html = new TemplateConfiguration();
        html.setOutputFormat(HTMLOutputFormat.INSTANCE);
        TemplateConfiguration plain = new TemplateConfiguration();
        plain.setOutputFormat(PlainTextOutputFormat.INSTANCE);
        config.setTemplateConfigurations(new FirstMatchTemplateConfigurationFactory(
                new ConditionalTemplateConfigurationFactory(new FileNameGlobMatcher("*.html.ftl"), html),
                new ConditionalTemplateConfigurationFactory(new FileNameGlobMatcher("layout*.ftl"), html),
                new ConditionalTemplateConfigurationFactory(new FileNameGlobMatcher("*.ftl"), plain)));
        List<TemplateLoader> loaders = new ArrayList<>();
        String from = "las plantillas incluidas en el servicio";
        if (dir != null && Files.isDirectory(dir)) {
            try {
                loaders.add(new FileTemplateLoader(dir.toFile()));
                from = dir.toAbsolutePath().toString();
            } catch (IOException e) {
                throw new IllegalStateException("no se puede leer el directorio de plantillas " + dir + ": " + e.getMessage(), e);
            }
        }
        loaders.add(new ClassTemplateLoader(MailTemplates.class, "/templates"));
        config.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        source = from;
        this.dir = dir;
    }

    /** The FreeMarker configuration the ladder route's {@code freemarker:} endpoints use. */
    public Configuration configuration() {
        return config;
    }

    /**
     * The file name to use for a template: {@code recordatorio} is still read from a customised
     * {@code recordatorio_dia2.*} when the templates directory has only the old name.
     */
    public String resolve(String template) {
        String current = cl.seguimientooc.ladder.LegacyNames.current(template);
        String old = cl.seguimientooc.ladder.LegacyNames.old(current);
        if (old != null && dir != null && !Files.isRegularFile(dir.resolve(current + ".html.ftl"))
                && Files.isRegularFile(dir.resolve(old + ".html.ftl"))) {
            return old;
        }
        return current;
    }

    public String source() {
        return source;
    }

    public Rendered render(String template, Map<String, Object> model) {
        String kind = resolve(template);
        String subject = one(kind + ".asunto.ftl", model).strip().replaceAll("\\s+", " ");
        return new Rendered(kind, subject, one(kind + ".html.ftl", model), one(kind + ".txt.ftl", model).strip() + "\n");
    }

    /** Renders each named template with a sample; returns the problems (empty when all render). */
    public List<String> check(java.util.Collection<String> names, Map<String, Object> sample) {
        List<String> problems = new ArrayList<>();
        for (String kind : names) {
            try {
                Rendered r = render(kind, sample);
                if (r.subject().isBlank()) {
                    problems.add(kind + ".asunto.ftl: el asunto quedó vacío");
                }
            } catch (RuntimeException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    private String one(String name, Map<String, Object> model) {
        try {
            Template t = config.getTemplate(name);
            StringWriter out = new StringWriter();
            t.process(model, out);
            return out.toString();
        } catch (TemplateException e) {
            throw new IllegalStateException("plantilla " + name + " (línea " + e.getLineNumber() + "): "
                    + firstLine(e.getMessageWithoutStackTop()), e);
        } catch (IOException e) {
            throw new IllegalStateException("plantilla " + name + ": " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "error desconocido";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
