package cl.seguimientooc.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Parsing raw messages the way other mail programs write them. */
class MailContentTest {

    static MailContent parse(String raw) throws Exception {
        return MailContent.parse(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void findsPdfsByTypeOrNameAttachedInlineOrForwarded() throws Exception {
        MailContent m = parse("""
                From: "Reservas HotelSales" <ReservasOnline@HotelSales.cl>
                Subject: =?UTF-8?Q?Confirmaci=C3=B3n_de_Reserva?=
                Message-ID:  <abc@hs>
                In-Reply-To: <req-1@seguimiento>
                Date: Wed, 25 Nov 2026 10:00:00 -0300
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/html; charset=UTF-8

                <p>Hola&nbsp;<b>mundo</b></p>
                --b1
                Content-Type: application/octet-stream; name="=?UTF-8?Q?Resumen_n=C2=BA1.pdf?="
                Content-Disposition: inline
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                --b1
                Content-Type: application/pdf
                Content-Disposition: attachment

                %PDF-1.4
                --b1
                Content-Type: image/png; name="logo.png"
                Content-Disposition: inline; filename="logo.png"

                png
                --b1
                Content-Type: message/rfc822

                From: otro@x.cl
                Subject: reenviado
                Content-Type: multipart/mixed; boundary="b2"

                --b2
                Content-Type: application/pdf; name="reenviado.pdf"
                Content-Disposition: attachment; filename*=UTF-8''reenv%C3%ADado.pdf

                %PDF-1.4
                --b2--
                --b1--
                """);
        assertEquals("reservasonline@hotelsales.cl", m.fromAddress());
        assertEquals("Confirmación de Reserva", m.subject());
        assertEquals("<abc@hs>", m.messageId());
        assertEquals("<abc@hs>", m.dedupKey());
        assertEquals("<req-1@seguimiento>", m.inReplyTo());
        assertTrue(m.bodyText().contains("Hola mundo"), m.bodyText());
        assertEquals(3, m.pdfs().size(), m.attachments().toString());
        assertEquals("Resumen nº1.pdf", m.pdfs().get(0).name());
        assertTrue(m.pdfs().get(0).inline());
        assertNull(m.pdfs().get(1).name(), "PDF by content type without a name");
        assertEquals(4, m.attachments().size(), "logo counted as an attachment, not a PDF");
        assertEquals(64, m.rawSha256().length());
    }

    @Test
    void withoutMessageIdTheKeyIsTheHashOfTheRawMessage() throws Exception {
        MailContent m = parse("From: a@b.cl\nSubject: x\n\nhola\n");
        assertNull(m.messageId());
        assertEquals("sha256:" + m.rawSha256(), m.dedupKey());
        assertTrue(m.pdfs().isEmpty());
    }

    @Test
    void brokenFromHeaderStillYieldsTheAddress() throws Exception {
        MailContent m = parse("From: Reservas <reservas@hotelsales.cl\nSubject: x\n\nhola\n");
        assertEquals("reservas@hotelsales.cl", m.fromAddress());
    }

    @Test
    void ocHints() throws Exception {
        assertTrue(MailTriage.looksLikeOc(parse("From: a@b.cl\nSubject: OC 4500012345\n\nx\n"), false));
        assertTrue(MailTriage.looksLikeOc(parse("From: a@b.cl\nSubject: Envío orden de compra\n\nx\n"), false));
        assertTrue(MailTriage.looksLikeOc(parse("From: a@b.cl\nSubject: hola\n\nAdjunto la O.C. N° 55\n"), false));
        assertTrue(MailTriage.looksLikeOc(parse("From: a@b.cl\nSubject: RE: solicitud\nIn-Reply-To: <x@y>\n\nok\n"), false));
        assertFalse(MailTriage.looksLikeOc(parse("From: a@b.cl\nSubject: Documento de la reunión\n\nsin nada\n"), false),
                "no \"oc\" inside words");
        assertFalse(MailTriage.looksLikeOc(parse("From: a@b.cl\nSubject: Boletín\n\nhola\n"), false));
    }
}
