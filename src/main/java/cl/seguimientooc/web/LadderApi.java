package cl.seguimientooc.web;

import cl.seguimientooc.mailout.LadderRunner;
import cl.seguimientooc.mailout.ServiceClock;
import cl.seguimientooc.store.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;

/** {@code POST /api/process-now} and the test clock ({@code /api/test/clock}, only with OC_TEST_CLOCK=true). */
public final class LadderApi {

    private final LadderRunner runner;
    private final ServiceClock clock;

    public LadderApi(LadderRunner runner, ServiceClock clock) {
        this.runner = runner;
        this.clock = clock;
    }

    public String processNow(Exchange exchange) {
        return json(exchange, Json.write(runner.run()));
    }

    public String clockGet(Exchange exchange) {
        requireTestClock();
        return json(exchange, Json.write(clockView()));
    }

    public String clockSet(Exchange exchange) {
        requireTestClock();
        String body = exchange.getMessage().getBody(String.class);
        String value = null;
        if (body != null && !body.isBlank()) {
            try {
                var node = Json.read(body);
                value = node.isObject() ? node.path("ahora").asText(node.path("desplazamiento").asText(null)) : node.asText();
            } catch (IllegalArgumentException e) {
                value = body.strip(); // plain text: an instant or an offset
            }
        }
        if (value == null || value.isBlank()) {
            value = exchange.getMessage().getHeader("ahora", String.class);
        }
        try {
            clock.set(value);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage());
        }
        return json(exchange, Json.write(clockView()));
    }

    public String clockReset(Exchange exchange) {
        requireTestClock();
        clock.reset();
        return json(exchange, Json.write(clockView()));
    }

    private Map<String, Object> clockView() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ahora", clock.now().toString());
        m.put("simulado", clock.simulated());
        return m;
    }

    private void requireTestClock() {
        if (!clock.testable()) {
            throw new ApiError(403, "el reloj de prueba está desactivado; se habilita solo con OC_TEST_CLOCK=true");
        }
    }

    private static String json(Exchange exchange, String body) {
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
        return body;
    }
}
