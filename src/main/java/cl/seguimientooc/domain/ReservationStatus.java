package cl.seguimientooc.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a reservation stands, with the only transitions the service allows. Every status change in
 * the code goes through {@link #checkTransition}, so this table is the whole state machine.
 */
public enum ReservationStatus {
    /** The client does not owe an OC. */
    NO_REQUIERE_OC("no_requiere_oc"),
    /** The ladder is running: requests and reminders are due. */
    PENDIENTE("pendiente"),
    /** The client owes an OC but has no contact e-mail; enters the ladder when one is added. */
    SIN_CONTACTO("sin_contacto"),
    /** Unknown client or a data problem: an admin decides; nothing is sent. */
    REVISION("revision"),
    /** The OC arrived. */
    RECIBIDA("recibida"),
    /** The ladder ran out without an OC. */
    SUSPENDIDA("suspendida"),
    /** The booking was cancelled; nothing more is sent. */
    CANCELADA("cancelada");

    private static final Map<ReservationStatus, Set<ReservationStatus>> ALLOWED = Map.of(
            NO_REQUIERE_OC, EnumSet.of(PENDIENTE, SIN_CONTACTO, REVISION, CANCELADA),
            PENDIENTE, EnumSet.of(NO_REQUIERE_OC, SIN_CONTACTO, REVISION, RECIBIDA, SUSPENDIDA, CANCELADA),
            SIN_CONTACTO, EnumSet.of(PENDIENTE, NO_REQUIERE_OC, REVISION, RECIBIDA, CANCELADA),
            REVISION, EnumSet.of(PENDIENTE, SIN_CONTACTO, NO_REQUIERE_OC, RECIBIDA, CANCELADA),
            RECIBIDA, EnumSet.of(CANCELADA),
            SUSPENDIDA, EnumSet.of(RECIBIDA, PENDIENTE, CANCELADA),
            CANCELADA, EnumSet.noneOf(ReservationStatus.class));

    /** Statuses a change of client policy may move a reservation out of. */
    public static final Set<ReservationStatus> REEVALUABLE = EnumSet.of(NO_REQUIERE_OC, PENDIENTE, SIN_CONTACTO, REVISION);

    private final String code;

    ReservationStatus(String code) {
        this.code = code;
    }

    /** The Spanish name used in the database and the API. */
    public String code() {
        return code;
    }

    public static ReservationStatus fromCode(String code) {
        for (ReservationStatus s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("estado desconocido: " + code);
    }

    public boolean canBecome(ReservationStatus next) {
        return this == next || ALLOWED.get(this).contains(next);
    }

    /** Throws when the change is not allowed; a bug, never a data problem. */
    public void checkTransition(ReservationStatus next) {
        if (!canBecome(next)) {
            throw new IllegalStateException("transición no permitida: " + code + " → " + next.code);
        }
    }
}
