package cl.seguimientooc.mailout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.seguimientooc.Application;
import cl.seguimientooc.support.MailHarness;
import cl.seguimientooc.support.TestReservations;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** The admins' daily summary: on business days from its time on, once a day, whatever the number of checks. */
@CamelMainTest(mainClass = Application.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DailySummaryTest {

    static final String ADMIN = "jefatura@agencia.cl";
    static MailHarness h;

    @BeanInject
    CamelContext context;

    @BeforeAll
    static void infrastructure() throws Exception {
        h = new MailHarness("oc_summary");
        h.configure("smtp.host", "localhost", "smtp.port", String.valueOf(h.smtpPort()), "smtp.use.tls", "false",
                "smtp.from.email", "seguimiento@agencia.cl", "email.cc.recipients", "supervisor@agencia.cl",
                "daily.summary.enabled", "true", "daily.summary.time", "08:00", "daily.summary.recipients", ADMIN,
                "oc.test.clock", "true");
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @BeforeEach
    void ready() throws Exception {
        h.awaitReady();
    }

    void check() {
        try (ProducerTemplate p = context.createProducerTemplate()) {
            p.sendBody("direct:daily-summary", null);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    List<MimeMessage> received() {
        return h.received(ADMIN);
    }

    @Test
    @Order(1)
    void nothingBeforeItsTimeNorOnAHoliday() throws Exception {
        h.clock("2026-12-01T10:59:00Z"); // Tuesday 07:59 in Santiago (UTC-3 in summer)
        check();
        h.clock("2026-12-08T12:00:00Z"); // Tuesday 8 December: Inmaculada Concepción
        check();
        assertEquals(0, received().size());
        assertEquals(0L, ((Number) h.scalar("SELECT count(*) FROM daily_summary")).longValue());
    }

    @Test
    @Order(2)
    void aBusinessDayGetsOneSummaryWithItsFigures() throws Exception {
        long client = ((Number) h.scalar("INSERT INTO client (name, normalized_name, requires_oc, contact_to) VALUES"
                + " ('Resumen SpA', 'RESUMEN SPA', true, ARRAY['oc@resumen.cl']) RETURNING id")).longValue();
        TestReservations.pending(h.dbUrl, client, "Resumen SpA", 3, Instant.parse("2026-11-20T13:00:00Z"));
        h.query("INSERT INTO purchase_order (status, sender, subject, created_at) VALUES ('sin_asignar', 'x@y.cl', 'OC 1',"
                + " '2026-11-27T15:00:00Z') RETURNING id");
        h.clock("2026-12-01T11:05:00Z"); // Tuesday 08:05
        check();
        check();
        MailHarness.await("summary delivered", () -> received().size() == 1);
        check();
        Thread.sleep(300);
        assertEquals(1, received().size(), "once a day, however many checks");
        MimeMessage m = received().get(0);
        assertTrue(m.getSubject().startsWith("Resumen diario de OC - martes 1 de diciembre de 2026: 3 pendientes"), m.getSubject());
        assertTrue(m.getSubject().endsWith("requiere atención"), m.getSubject());
        String text = body(m);
        assertTrue(text.contains("Desde el lunes 30 de noviembre de 2026"), text);
        assertTrue(text.contains("6–10: 3"), "pending since 20 November: 7 business days: " + text);
        assertTrue(text.contains("OC sin asignar: 1 (la más antigua, del viernes 27 de noviembre de 2026)"), text);
        assertEquals("enviado", h.scalar("SELECT status FROM daily_summary WHERE day = DATE '2026-12-01'"));
    }

    @Test
    @Order(3)
    void mondayCoversTheWeekend() throws Exception {
        h.clock("2026-12-07T12:30:00Z"); // Monday 09:30
        check();
        MailHarness.await("Monday's summary", () -> received().size() == 2);
        assertTrue(body(received().get(1)).contains("Desde el viernes 4 de diciembre de 2026"), body(received().get(1)));
    }

    static String body(MimeMessage m) throws Exception {
        Object content = m.getContent();
        if (content instanceof jakarta.mail.Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                var part = mp.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return part.getContent().toString();
                }
                if (part.getContent() instanceof jakarta.mail.Multipart inner) {
                    for (int j = 0; j < inner.getCount(); j++) {
                        if (inner.getBodyPart(j).isMimeType("text/plain")) {
                            return inner.getBodyPart(j).getContent().toString();
                        }
                    }
                }
            }
        }
        return content.toString();
    }
}
