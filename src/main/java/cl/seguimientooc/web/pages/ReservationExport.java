package cl.seguimientooc.web.pages;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

/** Reservas → CSV: the list's filters, up to {@link #MAX_ROWS} rows, semicolon-separated for Excel in Chile. */
public final class ReservationExport {

    static final int MAX_ROWS = 10_000;
    /** The API's largest page. */
    private static final int PAGE = 500;
    private final cl.seguimientooc.web.Api api;

    public ReservationExport(cl.seguimientooc.web.Api api) {
        this.api = api;
    }

    public String csv(@Header("estado") String status, @Header("agencia") String agency, @Header("desde") String from,
                      @Header("hasta") String to, @Header("q") String query, Exchange exchange) {
        Dashboard.Filters f = Dashboard.Filters.of(status, agency, from, to, query);
        StringBuilder out = new StringBuilder("\uFEFFid_reserva;loc_interno;localizador;agencia;hotel;entrada;salida;monto;moneda;estado\r\n");
        List<Object> rows = new java.util.ArrayList<>();
        for (int offset = 0; offset < MAX_ROWS; offset += PAGE) {
            List<?> page = (List<?>) Dashboard.read(api.reservations(f.status(), f.agency(), f.from(), f.to(), f.query(), PAGE, offset))
                    .get("reservas");
            rows.addAll(page);
            if (page.size() < PAGE) {
                break;
            }
        }
        for (Object o : rows) {
            Map<?, ?> r = (Map<?, ?>) o;
            out.append(cell(r.get("id_reserva"))).append(';').append(cell(r.get("loc_interno"))).append(';')
                    .append(cell(r.get("localizador"))).append(';').append(cell(r.get("agencia"))).append(';')
                    .append(cell(r.get("nombre_hotel"))).append(';').append(cell(r.get("fecha_checkin"))).append(';')
                    .append(cell(r.get("fecha_checkout"))).append(';')
                    .append(r.get("monto_total") == null ? "" : new BigDecimal(r.get("monto_total").toString()).toPlainString()).append(';')
                    .append(cell(r.get("moneda"))).append(';').append(cell(r.get("estado"))).append("\r\n");
        }
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/csv; charset=UTF-8");
        exchange.getMessage().setHeader("Content-Disposition", "attachment; filename=\"reservas.csv\"");
        return out.toString();
    }

    /** Quoted when needed; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(";") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

}
