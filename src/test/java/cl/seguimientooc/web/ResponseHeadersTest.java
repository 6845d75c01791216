package cl.seguimientooc.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.MultiMap;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What may leave in a response's headers: ours, never an echo of the request. */
class ResponseHeadersTest {

    @Test
    void onlyKnownHeadersLeaveAndNoneNamedByTheQuery() {
        MultiMap h = MultiMap.caseInsensitiveMultiMap()
                .add("Content-Type", "text/html").add("Set-Cookie", "soc_sesion=x").add("Location", "/login")
                .add("X-Secreto", "eco").add("CamelHttpUri", "/x").add("Retry-After", "60").add("accept", "*/*");
        ResponseHeaders.clean(h, Set.of("location"));
        assertEquals(new TreeSet<>(Set.of("Content-Type", "Set-Cookie", "Retry-After")), new TreeSet<>(h.names()));
    }

    @Test
    void queryNamesAreCompared() {
        MultiMap q = MultiMap.caseInsensitiveMultiMap().add("Set-Cookie", "a").add("q", "b");
        assertEquals(Set.of("set-cookie", "q"), ResponseHeaders.queryNames(q));
    }
}
