package cl.seguimientooc.web.pages;

import cl.seguimientooc.web.Api;
import cl.seguimientooc.web.OcApi;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Header;

/** OC sin asignar, Mensajes and Clientes: the queues a person works through, from the API's JSON. */
public final class QueuePages {

    static final int PAGE_SIZE = 50;
    private final Api api;
    private final OcApi ocApi;

    public QueuePages(Api api, OcApi ocApi) {
        this.api = api;
        this.ocApi = ocApi;
    }

    public Page unassigned(@Header("pagina") Integer pageNumber) {
        int page = page(pageNumber);
        return page("oc-sin-asignar.ftl", Dashboard.read(ocApi.unassigned(PAGE_SIZE, (page - 1) * PAGE_SIZE)), page);
    }

    public Page messages(@Header("resultado") String outcome, @Header("tipo") String kind, @Header("pagina") Integer pageNumber) {
        int page = page(pageNumber);
        Page p = page("mensajes.ftl", Dashboard.read(api.messages(blank(outcome), blank(kind), PAGE_SIZE, (page - 1) * PAGE_SIZE)), page);
        p.model().put("resultado", outcome == null ? "" : outcome);
        p.model().put("tipo", kind == null ? "" : kind);
        p.model().put("resultados", List.of("procesado", "error", "ignorado", "duplicado", "en_proceso"));
        return p;
    }

    public Page clients(@Header("pagina") Integer pageNumber) {
        int page = page(pageNumber);
        return page("clientes.ftl", Dashboard.read(api.clients(100, (page - 1) * 100)), page);
    }

    private static Page page(String template, Map<String, Object> data, int page) {
        Map<String, Object> model = new HashMap<>();
        model.put("d", data);
        model.put("pagina", page);
        return new Page(template, model);
    }

    private static int page(Integer n) {
        return n == null || n < 1 ? 1 : Math.min(n, 100_000);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
