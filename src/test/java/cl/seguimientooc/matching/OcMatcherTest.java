package cl.seguimientooc.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.seguimientooc.matching.OcMatcher.OcMail;
import cl.seguimientooc.matching.OcMatcher.Ref;
import cl.seguimientooc.matching.OcMatcher.Result;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OcMatcherTest {

    static final Ref WALVIS = new Ref(1, "45215412", "AAFTTAT", "723113", "pendiente");
    static final Ref OTHER = new Ref(2, "45215413", "BBCDEFG", "723114", "pendiente");
    static final Ref THIRD = new Ref(3, "50000001", "CCXYZWQ", "800001", "pendiente");

    /** An in-memory catalog: the real one is SQL over the same three questions. */
    static final OcMatcher.Catalog CATALOG = new OcMatcher.Catalog() {
        final List<Ref> all = List.of(WALVIS, OTHER, THIRD);
        final Map<String, Ref> ledger = Map.of("<oc-45215412-solicitud_inicial-1@agencia.cl>", WALVIS);

        @Override
        public List<Ref> byMessageIds(Collection<String> ids) {
            return ids.stream().filter(ledger::containsKey).map(ledger::get).toList();
        }

        @Override
        public List<Ref> byCodes(Collection<String> tokens) {
            return all.stream().filter(r -> tokens.contains(r.code()) || tokens.contains(r.loc().toUpperCase(Locale.ROOT))
                    || tokens.contains(r.localizador())).toList();
        }

        @Override
        public List<Ref> openForSender(String address) {
            return switch (address) {
                case "compras@walvis.cl" -> List.of(WALVIS);
                case "compras@multi.cl" -> List.of(OTHER, THIRD);
                default -> List.of();
            };
        }
    };

    static final OcMatcher MATCHER = new OcMatcher(CATALOG, 0.6);

    static OcMail subject(String subject) {
        return new OcMail("alguien@otro.cl", subject, "", List.of(), List.of(), List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ID 45215412", "LOC aafttat", "Reserva: AAFTTAT", "RE: Solicitud de Orden de Compra - Reserva 45215412",
        "OC para reserva 45215412.", "Localizador 723113", "[45215412] orden de compra", "loc:AaFtTaT"})
    void subjectCodesInAnyCaseAndForm(String subject) {
        Result r = MATCHER.match(subject(subject));
        assertTrue(r.matched(), r.reason());
        assertEquals(1, r.match().id());
        assertEquals("asunto", r.method());
        assertEquals(0.95, r.confidence());
        assertFalse(r.evidence().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Documento de proceso", "OC 452154120", "Pedido 145215412", "ID45215412X", "LOC AAFTTATX",
        "Factura 4521541", "reserva AAFTTA"})
    void codesAreWholeTokensOnly(String subject) {
        assertFalse(MATCHER.match(subject(subject)).matched(), subject);
    }

    @Test
    void threadingWinsEvenWithoutACode() {
        Result r = MATCHER.match(new OcMail("x@y.cl", "RE: Solicitud", "adjunto", List.of(), List.of(),
                List.of("<oc-45215412-solicitud_inicial-1@agencia.cl>", "<otro@x>")));
        assertEquals("hilo", r.method());
        assertEquals(1.0, r.confidence());
        assertEquals(1, r.match().id());
    }

    @Test
    void bodyAndAttachmentNames() {
        Result body = MATCHER.match(new OcMail("x@y.cl", "Orden de compra", "Adjunto la OC de la reserva LOC bbcdefg.",
                List.of(), List.of(), List.of()));
        assertEquals("cuerpo", body.method());
        assertEquals(2, body.match().id());
        Result name = MATCHER.match(new OcMail("x@y.cl", "OC", "", List.of("OC_50000001.pdf"), List.of(), List.of()));
        assertEquals("cuerpo", name.method());
        assertEquals(3, name.match().id());
        assertTrue(name.evidence().get(0).where().startsWith("adjunto"));
    }

    @Test
    void codeOnlyInsideThePdf() {
        Result r = MATCHER.match(new OcMail("x@y.cl", "OC adjunta", "Saludos", List.of("oc.pdf"),
                List.of("ORDEN DE COMPRA N° 4500012345\nReferencia reserva: 45215412\nTotal $528.701"), List.of()));
        assertEquals("pdf", r.method());
        assertEquals(1, r.match().id());
    }

    @Test
    void senderWithOneOpenReservation() {
        Result r = MATCHER.match(new OcMail("Compras@Walvis.cl", "Orden de compra", "adjunta", List.of(), List.of(), List.of()));
        assertEquals("remitente", r.method());
        assertEquals(1, r.match().id());
    }

    @Test
    void senderWithTwoOpenReservationsGoesToAPerson() {
        Result r = MATCHER.match(new OcMail("compras@multi.cl", "Orden de compra", "adjunta", List.of(), List.of(), List.of()));
        assertNull(r.match());
        assertEquals(2, r.candidates().size());
        assertTrue(r.reason().contains("2 reservas abiertas"), r.reason());
    }

    @Test
    void severalCodesAreAmbiguous() {
        Result r = MATCHER.match(subject("OC reservas 45215412 y 50000001"));
        assertNull(r.match());
        assertEquals(2, r.candidates().size());
        assertTrue(r.reason().startsWith("varias reservas"));
    }

    @Test
    void lowConfidenceIsNotApplied() {
        OcMatcher strict = new OcMatcher(CATALOG, 0.8);
        Result r = strict.match(new OcMail("compras@walvis.cl", "OC", "", List.of(), List.of(), List.of()));
        assertNull(r.match());
        assertEquals(1, r.candidates().size());
        assertTrue(r.reason().contains("umbral"));
    }

    @Test
    void nothingKnown() {
        Result r = MATCHER.match(new OcMail("nadie@x.cl", "Hola", "sin códigos", List.of(), List.of(), List.of()));
        assertNull(r.match());
        assertTrue(r.candidates().isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "OC N° 4500012345|4500012345",
        "Adjunto OC Nº 4500012345 de la reserva|4500012345",
        "Orden de Compra 12345|12345",
        "orden de compra: 98765|98765",
        "O.C. 12345|12345",
        "OC-12345|12345",
        "OC: AB-1234|AB-1234",
        "PO 778899 attached|778899",
        "Nro OC 555666|555666",
    })
    void ocNumbers(String text, String number) {
        assertEquals(number, OcNumbers.find(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Documento de proceso 12345", "Enviamos la orden de compra mañana", "bloc 12345", "OC pendiente"})
    void notOcNumbers(String text) {
        assertNull(OcNumbers.find(text), text);
    }
}
