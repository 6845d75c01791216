package cl.seguimientooc.extraction;

import java.util.Arrays;
import java.util.Optional;

/** The fields a layout template may fill, by the name used in YAML and JSON, and their value kind. */
public enum ReservationField {
    ID_RESERVA(Kind.CODE),
    LOC_INTERNO(Kind.CODE),
    LOCALIZADOR(Kind.CODE),
    ESTADO(Kind.TEXT),
    AGENCIA(Kind.TEXT),
    FECHA_EMISION(Kind.DATE),
    NOMBRE_HOTEL(Kind.TEXT),
    DIRECCION_HOTEL(Kind.TEXT),
    CIUDAD_HOTEL(Kind.TEXT),
    TELEFONO_HOTEL(Kind.PHONE),
    FECHA_CHECKIN(Kind.DATE),
    FECHA_CHECKOUT(Kind.DATE),
    HORA_LLEGADA(Kind.TIME),
    HORA_SALIDA(Kind.TIME),
    NUMERO_NOCHES(Kind.INTEGER),
    NUMERO_HABITACIONES(Kind.INTEGER),
    MONTO_TOTAL(Kind.AMOUNT),
    FECHA_LIMITE_CANCELACION(Kind.DATE),
    OBSERVACIONES_HOTEL(Kind.MULTILINE),
    NOTAS_ASESOR(Kind.MULTILINE);

    /** How the raw text of a field becomes a value. */
    public enum Kind { CODE, TEXT, MULTILINE, PHONE, DATE, TIME, INTEGER, AMOUNT }

    private final Kind kind;

    ReservationField(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<ReservationField> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key().equals(key)).findFirst();
    }
}
