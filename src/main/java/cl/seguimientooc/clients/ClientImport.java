package cl.seguimientooc.clients;

import cl.seguimientooc.store.ClientStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Imports a client CSV and reports what it created, updated, left unchanged and could not read. */
public final class ClientImport {

    private final ClientStore clients;

    public ClientImport(ClientStore clients) {
        this.clients = clients;
    }

    public Map<String, Object> importCsv(String csv, String actor) {
        return importCsv(csv, actor, (done, total) -> { });
    }

    /** As {@link #importCsv(String, String)}, telling {@code progress} (clients done, clients in the file) after each one. */
    public Map<String, Object> importCsv(String csv, String actor, java.util.function.BiConsumer<Integer, Integer> progress) {
        ClientCsv.Parsed parsed = ClientCsv.parse(csv);
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        int reevaluated = 0;
        for (ClientCsv.LineError e : parsed.errors()) {
            errors.add(Map.of("linea", e.line(), "error", e.message()));
        }
        for (int i = 0; i < parsed.clients().size(); i++) {
            ClientStore.ClientInput in = parsed.clients().get(i);
            try {
                ClientStore.Saved saved = clients.save(in, actor);
                reevaluated += saved.reservationsReevaluated();
                (switch (saved.change()) {
                    case CREADO -> created;
                    case ACTUALIZADO -> updated;
                    case SIN_CAMBIOS -> unchanged;
                }).add(in.name());
            } catch (RuntimeException e) {
                errors.add(Map.of("linea", parsed.lines().get(i), "error", "«" + in.name() + "»: " + e.getMessage()));
            }
            progress.accept(i + 1, parsed.clients().size());
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("creados", created.size());
        report.put("actualizados", updated.size());
        report.put("sin_cambios", unchanged.size());
        report.put("con_error", errors.size());
        report.put("reservas_reevaluadas", reevaluated);
        report.put("detalle_creados", created);
        report.put("detalle_actualizados", updated);
        report.put("errores", errors);
        report.put("advertencias", parsed.warnings().stream()
                .map(w -> Map.<String, Object>of("linea", w.line(), "aviso", w.message())).toList());
        return report;
    }
}
