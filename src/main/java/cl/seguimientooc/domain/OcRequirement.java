package cl.seguimientooc.domain;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a reservation's client owes an OC and so which status the reservation takes.
 * Pure: the caller supplies the client (if the table knows it) and the configured fallback list.
 */
public final class OcRequirement {

    /** What the client table says about an agency. */
    public record ClientFacts(long id, String name, boolean requiresOc, boolean active, List<String> contactTo) {
    }

    /** The status to take and why, in words an admin reads. */
    public record Decision(ReservationStatus status, Boolean requiresOc, String reason) {
    }

    private final Set<String> fallbackAgencies;

    public OcRequirement(Collection<String> agenciesRequiringOc) {
        this.fallbackAgencies = agenciesRequiringOc.stream().map(ClientNames::normalize)
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    public Decision decide(String agency, ClientFacts client) {
        if (client != null) {
            if (!client.active()) {
                return new Decision(ReservationStatus.REVISION, client.requiresOc(),
                        "el cliente «" + client.name() + "» está inactivo; un administrador debe decidir");
            }
            if (!client.requiresOc()) {
                return new Decision(ReservationStatus.NO_REQUIERE_OC, false, "el cliente no requiere OC");
            }
            return client.contactTo().isEmpty()
                    ? new Decision(ReservationStatus.SIN_CONTACTO, true,
                            "el cliente requiere OC pero no tiene correo de contacto")
                    : new Decision(ReservationStatus.PENDIENTE, true, "el cliente requiere OC");
        }
        if (fallbackAgencies.contains(ClientNames.normalize(agency))) {
            return new Decision(ReservationStatus.SIN_CONTACTO, true,
                    "la agencia figura en AGENCIES_REQUIRING_OC pero no en la tabla de clientes: falta el correo de contacto");
        }
        return new Decision(ReservationStatus.REVISION, null,
                "agencia desconocida «" + agency + "»: agréguela a la tabla de clientes indicando si requiere OC");
    }
}
