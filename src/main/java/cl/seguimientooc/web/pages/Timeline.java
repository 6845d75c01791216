package cl.seguimientooc.web.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** One reservation's history as a single list, oldest first: intake, e-mails sent, OCs and the audit trail. */
public final class Timeline {

    /** An entry: when, what kind (for the icon and style), a title, and a detail line. */
    public record Entry(String fecha, String tipo, String titulo, String detalle, List<Link> enlaces) {
    }

    /** A link from an entry: the e-mail as sent, an OC's file, the source message. */
    public record Link(String texto, String url) {
    }

    private Timeline() {
    }

    static List<Entry> of(Map<String, Object> r) {
        List<Entry> out = new ArrayList<>();
        for (Map<?, ?> m : list(r.get("origen"))) {
            out.add(new Entry(str(m.get("fecha")), "ingreso", "Correo recibido (" + str(m.get("efecto")) + ")",
                    "De " + str(m.get("remitente")) + ": «" + str(m.get("asunto")) + "»",
                    List.of(new Link("PDF de la confirmación", "/api/reservas/" + str(r.get("id_reserva")) + "/pdf"))));
        }
        for (Map<?, ?> m : list(r.get("correos_enviados"))) {
            String when = m.get("enviado") != null ? str(m.get("enviado")) : str(m.get("proximo_intento"));
            String detail = "Para " + str(m.get("para")) + " · estado " + str(m.get("estado"))
                    + (m.get("error") != null ? " · " + str(m.get("error")) : "");
            out.add(new Entry(when, "correo", (Boolean.TRUE.equals(m.get("manual")) ? "Reenvío manual: " : "Correo enviado: ")
                    + str(m.get("paso")) + (m.get("asunto") != null ? " — «" + str(m.get("asunto")) + "»" : ""), detail,
                    m.get("asunto") == null ? List.of() : List.of(new Link("ver el correo", "/correos/" + str(m.get("id")) + "/vista"))));
        }
        for (Map<?, ?> m : list(r.get("ordenes_compra"))) {
            out.add(new Entry(str(m.get("recibida")), "oc", "OC " + (m.get("numero_oc") == null ? "sin número" : str(m.get("numero_oc")))
                    + " (" + str(m.get("estado")) + ")", "De " + str(m.get("remitente")) + " · método " + str(m.get("metodo")),
                    files(m.get("archivos"))));
        }
        for (Map<?, ?> m : list(r.get("eventos"))) {
            out.add(new Entry(str(m.get("fecha")), "auditoria", str(m.get("accion")).replace('_', ' ') + " — " + str(m.get("actor")),
                    details(m.get("detalle")), List.of()));
        }
        out.sort(Comparator.comparing(e -> e.fecha() == null ? "" : e.fecha()));
        return out;
    }

    private static List<Link> files(Object archivos) {
        List<Link> out = new ArrayList<>();
        for (Map<?, ?> f : list(archivos)) {
            out.add(new Link(str(f.get("nombre")), "/api/oc/archivos/" + str(f.get("id"))));
        }
        return out;
    }

    /** An audit event's details as «key: value · key: value» (nested values as JSON). */
    static String details(Object detail) {
        if (!(detail instanceof Map<?, ?> m) || m.isEmpty()) {
            return detail == null ? "" : String.valueOf(detail);
        }
        List<String> parts = new ArrayList<>();
        m.forEach((k, v) -> parts.add(String.valueOf(k).replace('_', ' ') + ": "
                + (v instanceof Map<?, ?> || v instanceof List<?> ? cl.seguimientooc.store.Json.write(v) : String.valueOf(v))));
        return String.join(" · ", parts);
    }

    private static List<Map<?, ?>> list(Object o) {
        List<Map<?, ?>> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            for (Object x : l) {
                if (x instanceof Map<?, ?> m) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
