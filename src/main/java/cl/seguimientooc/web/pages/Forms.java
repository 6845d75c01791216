package cl.seguimientooc.web.pages;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;

/** Reading a posted form (application/x-www-form-urlencoded) and request cookies, leniently and bounded. */
final class Forms {

    private static final int MAX_FIELDS = 50;

    private Forms() {
    }

    /**
     * The form's fields; a field given twice keeps its first value. Camel's platform-http may have
     * read the form into a map (or into headers) already; otherwise the body is decoded here.
     */
    static Map<String, String> fields(Exchange exchange, String... names) {
        Object raw = exchange.getMessage().getBody();
        Map<String, String> out = new HashMap<>();
        if (raw instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.put(String.valueOf(k), first(v)));
            return out;
        }
        String body = exchange.getMessage().getBody(String.class);
        if (body == null || body.isEmpty()) {
            for (String name : names) {
                Object v = exchange.getMessage().getHeader(name);
                if (v != null) {
                    out.put(name, first(v));
                }
            }
            return out;
        }
        if (body == null || body.isEmpty()) {
            return out;
        }
        for (String pair : body.split("&", MAX_FIELDS + 1)) {
            if (out.size() >= MAX_FIELDS) {
                break;
            }
            int eq = pair.indexOf('=');
            try {
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.putIfAbsent(key, value);
            } catch (IllegalArgumentException e) {
                // a malformed %-escape: the field is ignored, the rest of the form still counts
            }
        }
        return out;
    }

    private static String first(Object v) {
        if (v instanceof java.util.List<?> l) {
            return l.isEmpty() ? "" : String.valueOf(l.get(0));
        }
        return v == null ? "" : String.valueOf(v);
    }

    /** One cookie from the request's Cookie header, or null. */
    static String cookie(Exchange exchange, String name) {
        return cl.seguimientooc.web.auth.Authenticator.cookie(exchange.getMessage().getHeader("Cookie", String.class), name);
    }

    /** A same-site path to go to after login; anything else (other hosts, //x, odd characters) is the home page. */
    static String localTarget(String target) {
        if (target == null || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")
                || target.length() > 500 || target.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return "/";
        }
        return target;
    }
}
