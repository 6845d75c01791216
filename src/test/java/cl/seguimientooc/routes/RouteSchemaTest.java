package cl.seguimientooc.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every route file is valid against the YAML DSL schema shipped in camel-yaml-dsl (what Kaoto and
 * {@code camel run} read), and every node carries an id: health checks, JMX and metrics name nodes by it.
 */
class RouteSchemaTest {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Lists whose items are nodes, and single nodes, that must have an id. */
    static final List<String> NODE_LISTS = List.of("steps", "when", "onException", "get", "post", "put", "delete", "patch");
    static final List<String> NODES = List.of("otherwise", "doFinally");

    static List<Path> routeFiles() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            return files.filter(f -> f.toString().endsWith(".camel.yaml")).sorted().toList();
        }
    }

    @Test
    void everyRouteFileIsValidAgainstTheYamlDslSchema() throws Exception {
        Schema schema;
        try (InputStream in = org.apache.camel.dsl.yaml.YamlRoutesBuilderLoader.class.getResourceAsStream("/schema/camelYamlDsl.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        }
        List<Path> files = routeFiles();
        assertFalse(files.isEmpty());
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            schema.validate(YAML.readTree(f.toFile())).forEach(e -> problems.add(f.getFileName() + ": " + e));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyNodeHasAnId() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Path f : routeFiles()) {
            for (JsonNode top : YAML.readTree(f.toFile())) {
                Map.Entry<String, JsonNode> kind = top.fields().next();
                JsonNode body = kind.getValue();
                // the API's error configuration has no id on purpose: that is what applies it to the REST routes
                if (!body.has("id") && !(kind.getKey().equals("routeConfiguration") && body.has("description"))) {
                    missing.add(f.getFileName() + ": " + kind.getKey() + " sin id");
                }
                walk(f.getFileName() + " " + body.path("id").asText(kind.getKey()), body, missing);
            }
        }
        assertEquals(List.of(), missing, "nodes without an id");
    }

    /** Finds node lists and nodes anywhere under {@code n}; each node (a one-key map, or a when) needs an id. */
    static void walk(String where, JsonNode n, List<String> missing) {
        if (n.isArray()) {
            n.forEach(c -> walk(where, c, missing));
            return;
        }
        if (!n.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (NODE_LISTS.contains(e.getKey()) && e.getValue().isArray()) {
                for (JsonNode item : e.getValue()) {
                    JsonNode node = item.size() == 1 && item.fields().next().getValue().isObject() && !item.has("steps")
                            ? item.fields().next().getValue() : item;
                    String name = item.size() == 1 ? item.fieldNames().next() : e.getKey();
                    if (!node.has("id")) {
                        missing.add(where + " → " + name + " sin id");
                    }
                    walk(where + " → " + node.path("id").asText(name), node, missing);
                }
            } else if (NODES.contains(e.getKey()) && e.getValue().isObject()) {
                if (!e.getValue().has("id")) {
                    missing.add(where + " → " + e.getKey() + " sin id");
                }
                walk(where, e.getValue(), missing);
            } else {
                walk(where, e.getValue(), missing);
            }
        }
    }
}
