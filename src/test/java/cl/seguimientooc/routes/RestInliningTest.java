package cl.seguimientooc.routes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Camel inlines the route a REST verb calls ({@code to: direct:x}) into the REST route: direct:x then
 * has no consumer of its own. Any other route that sends to direct:x would wait 30 s and fail, as
 * the ladder's timer once did with direct:ladder-run. So a REST verb's direct endpoint is its alone.
 */
class RestInliningTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> VERBS = Set.of("get", "post", "put", "delete", "patch", "head");

    @Test
    void noRouteSendsToAnEndpointThatARestVerbInlines() throws Exception {
        Map<String, String> restTargets = new TreeMap<>();
        Map<String, String> otherSenders = new TreeMap<>();
        for (Path f : RouteSchemaTest.routeFiles()) {
            for (JsonNode item : YAML.readTree(f.toFile())) {
                if (item.has("rest")) {
                    for (String verb : VERBS) {
                        for (JsonNode v : item.get("rest").path(verb)) {
                            String to = v.path("to").isTextual() ? v.path("to").asText() : v.path("to").path("uri").asText();
                            restTargets.put(to, f.getFileName() + " " + v.path("id").asText());
                        }
                    }
                } else {
                    collect(item, f.getFileName().toString(), otherSenders);
                }
            }
        }
        assertFalse(restTargets.isEmpty(), "the REST verbs were found");
        assertTrue(restTargets.containsKey("direct:ladder-run-now"), restTargets.toString());
        Set<String> shared = new TreeSet<>(restTargets.keySet());
        shared.retainAll(otherSenders.keySet());
        assertTrue(shared.isEmpty(), "sent to by a route and by a REST verb (inlined, so the route finds no consumer): "
                + shared + " " + otherSenders);
    }

    /** Every to/toD/wireTap target of a route or template, by where it is. */
    private static void collect(JsonNode node, String where, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (Set.of("to", "toD", "wireTap", "enrich").contains(e.getKey())) {
                    JsonNode target = e.getValue();
                    String uri = target.isTextual() ? target.asText() : target.path("uri").asText();
                    if (uri.startsWith("direct:")) {
                        out.put(uri, where);
                    }
                }
                collect(e.getValue(), where, out);
            }
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, where, out));
        }
    }
}
