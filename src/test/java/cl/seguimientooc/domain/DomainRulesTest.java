package cl.seguimientooc.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.seguimientooc.domain.OcRequirement.ClientFacts;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Client names, who owes an OC, allowed senders and the status table. */
class DomainRulesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "WALVIS S.A.|WALVIS SA",
        "Walvis SA|WALVIS SA",
        "WALVIS S A|WALVIS SA",
        "  walvis   s.a. |WALVIS SA",
        "Fundación Coanil|FUNDACION COANIL",
        "FUNDACION COANIL|FUNDACION COANIL",
        "Constructora Andes Ltda.|CONSTRUCTORA ANDES LTDA",
        "Servicios Mineros Norte S.p.A.|SERVICIOS MINEROS NORTE SPA",
        "Pérez & Cía.|PEREZ Y CIA",
        "O'Higgins Hotel-Group|OHIGGINS HOTEL GROUP",
        "A.F.P. Modelo|AFP MODELO",
        "Empresa 2000 S.A.|EMPRESA 2000 SA",
    })
    void normalisesCaseAccentsPunctuationAndSpacing(String name, String normalized) {
        assertEquals(normalized, ClientNames.normalize(name));
    }

    @Test
    void distinctNamesStayDistinct() {
        assertNotEquals(ClientNames.normalize("WALVIS S.A."), ClientNames.normalize("WALVIS LTDA"));
        assertNotEquals(ClientNames.normalize("Mundo Pacifico"), ClientNames.normalize("Mundo Pacifico Sur"));
        assertEquals("", ClientNames.normalize(null));
        assertEquals("", ClientNames.normalize(" .,- "));
    }

    @Test
    void clientDecidesTheStatus() {
        OcRequirement rule = new OcRequirement(List.of("Empresa Respaldo SpA"));
        assertEquals(ReservationStatus.NO_REQUIERE_OC,
                rule.decide("X", new ClientFacts(1, "X", false, true, List.of())).status());
        assertEquals(ReservationStatus.PENDIENTE,
                rule.decide("X", new ClientFacts(1, "X", true, true, List.of("a@x.cl"))).status());
        assertEquals(ReservationStatus.SIN_CONTACTO,
                rule.decide("X", new ClientFacts(1, "X", true, true, List.of())).status());
        assertEquals(ReservationStatus.REVISION,
                rule.decide("X", new ClientFacts(1, "X", true, false, List.of("a@x.cl"))).status(), "inactive client");
    }

    @Test
    void fallbackListAndUnknownAgencies() {
        OcRequirement rule = new OcRequirement(List.of("Empresa Respaldo SpA", " "));
        OcRequirement.Decision fallback = rule.decide("EMPRESA RESPALDO S.P.A.", null);
        assertEquals(ReservationStatus.SIN_CONTACTO, fallback.status());
        assertTrue(fallback.requiresOc());
        OcRequirement.Decision unknown = rule.decide("Otra Empresa", null);
        assertEquals(ReservationStatus.REVISION, unknown.status());
        assertNull(unknown.requiresOc());
        assertTrue(unknown.reason().contains("Otra Empresa"));
    }

    @Test
    void sendersByAddressOrDomainIgnoringCase() {
        SenderRules rules = new SenderRules(List.of("@HotelSales.cl", "Reservas@Interna.cl", " "));
        assertTrue(rules.allows("reservasonline@hotelsales.cl"));
        assertTrue(rules.allows("RESERVASONLINE@HOTELSALES.CL"));
        assertTrue(rules.allows("reservas@interna.cl"));
        assertFalse(rules.allows("otro@interna.cl"));
        assertFalse(rules.allows("x@hotelsales.cl.evil.com"), "domain must match exactly");
        assertFalse(rules.allows("x@subdominio.hotelsales.cl"));
        assertFalse(rules.allows(null));
        assertFalse(rules.allows(""));
        assertFalse(rules.acceptsAnyone());
        assertTrue(new SenderRules(List.of()).allows("cualquiera@x.cl"));
    }

    @Test
    void statusTransitions() {
        assertTrue(ReservationStatus.SIN_CONTACTO.canBecome(ReservationStatus.PENDIENTE));
        assertTrue(ReservationStatus.REVISION.canBecome(ReservationStatus.NO_REQUIERE_OC));
        assertTrue(ReservationStatus.PENDIENTE.canBecome(ReservationStatus.RECIBIDA));
        assertTrue(ReservationStatus.SUSPENDIDA.canBecome(ReservationStatus.RECIBIDA));
        assertTrue(ReservationStatus.PENDIENTE.canBecome(ReservationStatus.PENDIENTE), "staying is always allowed");
        assertFalse(ReservationStatus.RECIBIDA.canBecome(ReservationStatus.PENDIENTE), "a received OC never restarts the ladder");
        assertFalse(ReservationStatus.CANCELADA.canBecome(ReservationStatus.PENDIENTE));
        assertFalse(ReservationStatus.NO_REQUIERE_OC.canBecome(ReservationStatus.SUSPENDIDA));
        assertThrows(IllegalStateException.class, () -> ReservationStatus.CANCELADA.checkTransition(ReservationStatus.RECIBIDA));
        for (ReservationStatus s : ReservationStatus.values()) {
            assertEquals(s, ReservationStatus.fromCode(s.code()));
        }
        assertThrows(IllegalArgumentException.class, () -> ReservationStatus.fromCode("PENDIENTE"));
    }
}
