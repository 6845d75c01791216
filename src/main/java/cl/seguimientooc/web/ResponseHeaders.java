package cl.seguimientooc.web;

import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The last look at a response's headers before they are written. Camel's platform-http copies a
 * message's headers into the response, and a message starts with the request's headers and query
 * parameters, so {@code ?Set-Cookie=…} or {@code ?Location=…} would come back as real headers. Only
 * the headers a response of ours can mean are kept, and never one named by a query parameter.
 */
final class ResponseHeaders {

    static final Set<String> ALLOWED = Set.of("content-type", "content-length", "content-disposition", "content-encoding",
            "content-range", "transfer-encoding", "connection", "keep-alive", "date", "vary", "etag", "last-modified",
            "accept-ranges", "cache-control", "location", "set-cookie", "retry-after", "www-authenticate",
            "content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy");

    private ResponseHeaders() {
    }

    /** Removes every header not in {@link #ALLOWED}, and every header a query parameter names. */
    static void clean(MultiMap headers, Set<String> queryNames) {
        List<String> drop = new ArrayList<>();
        for (String name : headers.names()) {
            String n = name.toLowerCase(Locale.ROOT);
            if (!ALLOWED.contains(n) || queryNames.contains(n)) {
                drop.add(name);
            }
        }
        drop.forEach(headers::remove);
    }

    /** The query's parameter names, lower case. */
    static Set<String> queryNames(MultiMap params) {
        Set<String> out = new java.util.HashSet<>();
        for (String name : params.names()) {
            out.add(name.toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
