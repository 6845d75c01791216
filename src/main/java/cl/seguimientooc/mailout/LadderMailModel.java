package cl.seguimientooc.mailout;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the template model of a ladder e-mail; absent values become empty strings, never null. */
public final class LadderMailModel {

    /** What the templates show of a reservation. */
    public record ReservationView(String id, String loc, String localizador, String agency, String hotel,
                                  LocalDate checkIn, LocalDate checkOut, BigDecimal amount, String currency,
                                  List<String> guests, String hotelPhone) {
        public ReservationView(String id, String loc, String localizador, String agency, String hotel, LocalDate checkIn,
                               LocalDate checkOut, BigDecimal amount, String currency, List<String> guests) {
            this(id, loc, localizador, agency, hotel, checkIn, checkOut, amount, currency, guests, null);
        }
    }

    private LadderMailModel() {
    }

    public static Map<String, Object> of(ReservationView r, String ocMailbox, String fromName, String fromEmail,
                                         LocalDate requestDate, LocalDateTime suspension) {
        Map<String, Object> reserva = new LinkedHashMap<>();
        reserva.put("id", text(r.id()));
        reserva.put("loc", text(r.loc()));
        reserva.put("localizador", text(r.localizador()));
        reserva.put("agencia", text(r.agency()));
        reserva.put("hotel", text(r.hotel()));
        reserva.put("checkin", ChileanFormat.longDate(r.checkIn()));
        reserva.put("checkout", ChileanFormat.longDate(r.checkOut()));
        reserva.put("monto", ChileanFormat.money(r.amount(), r.currency()));
        reserva.put("huespedes", r.guests() == null ? List.of() : r.guests());
        reserva.put("telefono_hotel", text(r.hotelPhone()));
        Map<String, Object> oc = new LinkedHashMap<>();
        oc.put("buzon", text(ocMailbox));
        oc.put("asunto", "OC Reserva " + text(r.id()) + " - LOC " + text(r.loc()));
        Map<String, Object> solicitud = Map.of("fecha", ChileanFormat.longDate(requestDate));
        Map<String, Object> suspensionView = new LinkedHashMap<>();
        suspensionView.put("fecha", suspension == null ? "" : ChileanFormat.longDate(suspension.toLocalDate()));
        suspensionView.put("fecha_corta", suspension == null ? "" : ChileanFormat.shortDate(suspension.toLocalDate()));
        suspensionView.put("hora", suspension == null ? "" : ChileanFormat.time(suspension.toLocalTime()));
        Map<String, Object> remitente = new LinkedHashMap<>();
        remitente.put("nombre", text(fromName));
        remitente.put("correo", text(fromEmail));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("reserva", reserva);
        model.put("oc", oc);
        model.put("solicitud", solicitud);
        model.put("suspension", suspensionView);
        model.put("remitente", remitente);
        return model;
    }

    /** A sample used to check the templates at startup. */
    public static Map<String, Object> sample() {
        return of(new ReservationView("45215412", "AAFTTAT", "723113", "WALVIS S.A.", "Hampton by Hilton Santiago Las Condes",
                LocalDate.of(2025, 11, 27), LocalDate.of(2025, 11, 29), new BigDecimal("528701.00"), "CLP",
                List.of("UNO PRUEBA", "DOS PRUEBA"), "56233520700"), "oc@agencia.cl", "Seguimiento OC", "seguimiento@agencia.cl",
                LocalDate.of(2025, 11, 20), LocalDateTime.of(2025, 11, 27, 18, 0));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
