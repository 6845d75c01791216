package cl.seguimientooc.extraction;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** A reservation as read from a confirmation PDF. Absent optional values are null. */
@JsonPropertyOrder({"id_reserva", "loc_interno", "localizador", "estado", "agencia", "fecha_emision",
    "nombre_hotel", "direccion_hotel", "ciudad_hotel", "telefono_hotel", "fecha_checkin", "hora_llegada",
    "fecha_checkout", "hora_salida", "numero_noches", "numero_habitaciones", "monto_total", "moneda",
    "habitaciones", "fecha_limite_cancelacion", "observaciones_hotel", "notas_asesor"})
public record Reservation(
        @JsonProperty("id_reserva") String reservationId,
        @JsonProperty("loc_interno") String internalLocator,
        @JsonProperty("localizador") String supplierLocator,
        @JsonProperty("estado") String bookingStatus,
        @JsonProperty("agencia") String agency,
        @JsonProperty("fecha_emision") LocalDate issueDate,
        @JsonProperty("nombre_hotel") String hotelName,
        @JsonProperty("direccion_hotel") String hotelAddress,
        @JsonProperty("ciudad_hotel") String hotelCity,
        @JsonProperty("telefono_hotel") String hotelPhone,
        @JsonProperty("fecha_checkin") LocalDate checkIn,
        @JsonProperty("hora_llegada") @JsonFormat(pattern = "HH:mm") LocalTime arrivalTime,
        @JsonProperty("fecha_checkout") LocalDate checkOut,
        @JsonProperty("hora_salida") @JsonFormat(pattern = "HH:mm") LocalTime departureTime,
        @JsonProperty("numero_noches") Integer nights,
        @JsonProperty("numero_habitaciones") Integer roomCount,
        @JsonProperty("monto_total") BigDecimal totalAmount,
        @JsonProperty("moneda") String currency,
        @JsonProperty("habitaciones") List<Room> rooms,
        @JsonProperty("fecha_limite_cancelacion") LocalDate cancellationDeadline,
        @JsonProperty("observaciones_hotel") String hotelRemarks,
        @JsonProperty("notas_asesor") String advisorNotes) {

    /** One room line and the guests listed under it. */
    @JsonPropertyOrder({"numero", "categoria", "adultos", "ninos", "plan_alimentacion", "huespedes"})
    public record Room(
            @JsonProperty("numero") int number,
            @JsonProperty("categoria") String category,
            @JsonProperty("adultos") int adults,
            @JsonProperty("ninos") int children,
            @JsonProperty("plan_alimentacion") String mealPlan,
            @JsonProperty("huespedes") List<Guest> guests) {
    }

    /** A guest: type as printed (ADT, CHD, INF), first names and last names. */
    @JsonPropertyOrder({"tipo", "nombres", "apellidos"})
    public record Guest(
            @JsonProperty("tipo") String type,
            @JsonProperty("nombres") String firstNames,
            @JsonProperty("apellidos") String lastNames) {
    }
}
