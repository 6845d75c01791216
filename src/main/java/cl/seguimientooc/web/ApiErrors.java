package cl.seguimientooc.web;

import cl.seguimientooc.store.Json;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.TypeConversionException;
import org.apache.camel.component.bean.ParameterBindingException;

/**
 * The API's error answers, {"error": "..."} in Spanish. Which exception gives which status is
 * decided in routes/rest-api.camel.yaml; this bean only words the answer.
 */
public final class ApiErrors {

    /**
     * The caught exception's message as the error body; a parameter that could not be read as its
     * type (Camel matches onException on the deepest cause, so those arrive here too) is worded as such.
     */
    public String body(Exchange exchange) {
        Throwable e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String parameter = badParameter(exchange, e);
        if (parameter != null) {
            return parameter;
        }
        return Json.write(Map.of("error", e == null || e.getMessage() == null ? "error desconocido" : e.getMessage()));
    }

    /** A parameter that could not be read as its declared type: which one, what came, what is expected. */
    public String badParameter(Exchange exchange) {
        Throwable e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String parameter = badParameter(exchange, e);
        return parameter != null ? parameter : Json.write(Map.of("error", String.valueOf(e == null ? null : e.getMessage())));
    }

    private static String badParameter(Exchange exchange, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ParameterBindingException p) {
                return Json.write(Map.of("error", "«" + name(p.getMethod(), p.getIndex()) + "» no es válido (recibido «"
                        + p.getParameterValue() + "»): se espera " + expected(p.getParameterType())));
            }
            if (t instanceof TypeConversionException c) {
                // the parameter is the header that carried the value
                String name = exchange.getMessage().getHeaders().entrySet().stream()
                        .filter(h -> h.getValue() != null && h.getValue().equals(c.getValue())).map(Map.Entry::getKey)
                        .findFirst().orElse("parámetro");
                return Json.write(Map.of("error", "«" + name + "» no es válido (recibido «" + c.getValue() + "»): se espera "
                        + expected(c.getToType())));
            }
        }
        return null;
    }

    /** An unexpected failure: named, never a stack trace. */
    public String internal(Exchange exchange) {
        Throwable e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return Json.write(Map.of("error", "error interno: " + (e == null ? "desconocido" : e.getClass().getSimpleName() + ": "
                + e.getMessage())));
    }

    private static String name(Method method, int index) {
        if (method != null && index >= 0 && index < method.getParameterCount()) {
            for (Annotation a : method.getParameterAnnotations()[index]) {
                if (a instanceof Header h) {
                    return h.value();
                }
            }
        }
        return "parámetro";
    }

    private static String expected(Class<?> type) {
        if (type == LocalDate.class) {
            return "una fecha AAAA-MM-DD";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "un número entero";
        }
        if (type.isEnum()) {
            List<String> values = new ArrayList<>();
            for (Object c : type.getEnumConstants()) {
                values.add(((Enum<?>) c).name().toLowerCase(Locale.ROOT));
            }
            return "uno de: " + String.join(", ", values);
        }
        return "un valor de tipo " + type.getSimpleName();
    }
}
