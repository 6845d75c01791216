package cl.seguimientooc.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.seguimientooc.extraction.ExtractionError.Code;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;

class ConfirmationExtractorTest {

    static final ConfirmationExtractor EXTRACTOR = new ConfirmationExtractor(LayoutRegistry.load(Path.of("layouts")));

    static byte[] realSample() throws IOException {
        try (InputStream in = ConfirmationExtractorTest.class.getResourceAsStream("/fixtures/hotelsales-resumen-de-servicios.pdf")) {
            return in.readAllBytes();
        }
    }

    static List<String> agencies() throws IOException {
        try (InputStream in = ConfirmationExtractorTest.class.getResourceAsStream("/fixtures/clientes.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .map(l -> l.substring(0, l.lastIndexOf(','))).toList();
        }
    }

    @Test
    void realSampleGivesExactlyTheKnownValues() throws IOException {
        ExtractionResult result = EXTRACTOR.extract(realSample());
        assertTrue(result.ok(), () -> String.valueOf(result.error()));
        assertEquals("hotelsales-resumen-de-servicios", result.layout());
        Reservation r = result.reservation();
        assertEquals("45215412", r.reservationId());
        assertEquals("AAFTTAT", r.internalLocator());
        assertEquals("723113", r.supplierLocator());
        assertEquals("Reservado", r.bookingStatus());
        assertEquals("WALVIS S.A.", r.agency());
        assertNull(r.issueDate(), "INMEDIATO means no issue date");
        assertEquals("Hampton by Hilton Santiago Las Condes", r.hotelName());
        assertEquals("Av. Manquehue Nte. 255, 7560832 Las Condes, Región Metropolitana, Chile", r.hotelAddress());
        assertEquals("Santiago, Santiago, Chile", r.hotelCity());
        assertEquals("56233520700", r.hotelPhone());
        assertEquals(LocalDate.of(2025, 11, 27), r.checkIn());
        assertEquals(LocalTime.of(15, 0), r.arrivalTime());
        assertEquals(LocalDate.of(2025, 11, 29), r.checkOut());
        assertEquals(LocalTime.of(11, 0), r.departureTime());
        assertEquals(2, r.nights());
        assertEquals(2, r.roomCount());
        assertEquals(new BigDecimal("528701.00"), r.totalAmount());
        assertEquals("CLP", r.currency());
        assertEquals(LocalDate.of(2025, 11, 24), r.cancellationDeadline());
        assertNull(r.hotelRemarks());
        assertNull(r.advisorNotes());
        assertEquals(List.of(
                new Reservation.Room(1, "Twin", 1, 0, "Breakfast Included",
                        List.of(new Reservation.Guest("ADT", "UNO", "PRUEBA"))),
                new Reservation.Room(2, "Twin", 2, 0, "Breakfast Included",
                        List.of(new Reservation.Guest("ADT", "DOS", "PRUEBA"), new Reservation.Guest("ADT", "TRES", "PRUEBA")))),
                r.rooms());
        assertEquals(List.of(), result.warnings());
    }

    /** The text pdfplumber gave the earlier system (shared notes, section 2.2): lines interleaved. */
    static final String PDFPLUMBER_TEXT = """
            Resumen de servicios
            [paginaEticketHeader]
            LOC Interno: AAFTTAT
            Agencia: WALVIS S.A.
            Localizador: 723113
            Fecha Emision: INMEDIATO
            Estado: Reservado
            Hoteles
            Total: CLP 528.701,00
            Hampton by Hilton Santiago Las Condes
            Av. Manquehue Nte. 255, 7560832 Las Condes, Región Metropolitana, ChileSantiago, Santiago, Chile Check In: jueves 27, nov. 2025 Check Out: sábado 29, nov. 2025
            Teléfono:56233520700 Hora Llegada: 3:00 PM Hora Salida: 11:00 AM
            Noches: 2 Habitaciones: 2
            Habitación 1 ‐ Categoría ‐ Twin ‐ ADT/CHD: 1/0 ‐ Plan Alimentación: Breakfast Included
            Tipo Nombre Apellidos
            ADT UNO PRUEBA
            Habitación 2 ‐ Categoría ‐ Twin ‐ ADT/CHD: 2/0 ‐ Plan Alimentación: Breakfast Included
            Tipo Nombre Apellidos
            ADT DOS PRUEBA
            ADT TRES PRUEBA
            Límite Cancelación Reserva
            lunes, 24 de noviembre de 2025
            Observaciones
            Sin notas de hotel informadas.
            Notas del asesor
            Sin notas del asesor informadas.
            Campos Gerenciales
            Datos Adicionales
            ID: 45215412
            """;

    @Test
    void otherExtractorsTextReadsTheSame() {
        ExtractionResult result = EXTRACTOR.extractText(PDFPLUMBER_TEXT);
        assertTrue(result.ok(), () -> String.valueOf(result.error()));
        Reservation r = result.reservation();
        assertEquals("Hampton by Hilton Santiago Las Condes", r.hotelName());
        assertEquals("Av. Manquehue Nte. 255, 7560832 Las Condes, Región Metropolitana, Chile", r.hotelAddress());
        assertEquals("Santiago, Santiago, Chile", r.hotelCity());
        assertEquals(new BigDecimal("528701.00"), r.totalAmount());
        assertEquals(LocalDate.of(2025, 11, 29), r.checkOut());
        assertEquals(3, r.rooms().stream().mapToInt(room -> room.guests().size()).sum());
    }

    /** pypdf's order: hotel line first, a space before some colons, no accents, other case. */
    @Test
    void spaceBeforeColonOtherOrderNoAccentsAndAsciiHyphens() {
        String text = """
                HAMPTON BY HILTON SANTIAGO LAS CONDES Total: CLP 528.701,00
                RESUMEN DE SERVICIOS
                loc interno : AAFTTAT
                localizador : 723113
                estado : Reservado
                agencia : WALVIS S.A.
                fecha emision : INMEDIATO
                hoteles
                HAMPTON BY HILTON SANTIAGO LAS CONDES
                Av. Manquehue Nte. 255, 7560832 Las Condes, Region Metropolitana, Chile Santiago, Santiago, Chile
                telefono : 56233520700
                check in : jueves 27, nov 2025
                hora llegada : 3:00 PM
                noches : 2
                check out : sabado 29, nov 2025
                hora salida : 11:00 AM
                habitaciones : 2
                HABITACION 1 - CATEGORIA - Twin - ADT/CHD: 1/0 - PLAN ALIMENTACION: Breakfast Included
                Tipo Nombre Apellidos
                ADT UNO PRUEBA
                limite cancelacion reserva
                lunes, 24 de noviembre de 2025
                observaciones
                Sin notas de hotel informadas.
                campos gerenciales
                datos adicionales
                id : 45215412
                """;
        ExtractionResult result = EXTRACTOR.extractText(text);
        assertTrue(result.ok(), () -> String.valueOf(result.error()));
        Reservation r = result.reservation();
        assertEquals("45215412", r.reservationId());
        assertEquals("723113", r.supplierLocator());
        assertEquals("WALVIS S.A.", r.agency());
        assertEquals("HAMPTON BY HILTON SANTIAGO LAS CONDES", r.hotelName());
        assertEquals("Santiago, Santiago, Chile", r.hotelCity());
        assertEquals(LocalDate.of(2025, 11, 27), r.checkIn());
        assertEquals(1, r.rooms().size());
        assertEquals("Breakfast Included", r.rooms().get(0).mealPlan());
    }

    @Test
    void valuesBelowTheirLabelsInColumns() {
        String text = """
                Resumen de servicios
                LOC Interno:\tAgencia:
                AAFTTAT\tLAB. PASTEUR
                Localizador:\tFecha Emision:
                723113\t5 dic. 2025
                Hoteles
                Cumbres Lastarria\tTotal: $ 1.234.567
                José Victorino Lastarria 299, Santiago, Región Metropolitana, Chile\tSantiago, Santiago, Chile\tCheck In:\tCheck Out:
                jueves 27, nov. 2025\tsábado 29, nov. 2025
                """;
        ExtractionResult result = EXTRACTOR.extractText(text);
        assertTrue(result.ok(), () -> String.valueOf(result.error()));
        Reservation r = result.reservation();
        assertEquals("AAFTTAT", r.internalLocator());
        assertEquals("AAFTTAT", r.reservationId(), "no ID line: LOC Interno is the ID");
        assertEquals("LAB. PASTEUR", r.agency());
        assertEquals("723113", r.supplierLocator());
        assertEquals(LocalDate.of(2025, 12, 5), r.issueDate());
        assertEquals(LocalDate.of(2025, 11, 27), r.checkIn());
        assertEquals(LocalDate.of(2025, 11, 29), r.checkOut());
        assertEquals(new BigDecimal("1234567.00"), r.totalAmount());
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("id_reserva")), result.warnings()::toString);
    }

    @Test
    void generatedCorpusReadsFieldByField() throws IOException {
        HotelSalesPdfGenerator generator = new HotelSalesPdfGenerator(20261125L, agencies());
        List<String> failures = new ArrayList<>();
        int samples = 150;
        for (int i = 0; i < samples; i++) {
            HotelSalesPdfGenerator.Sample sample = generator.next();
            ExtractionResult result = EXTRACTOR.extract(HotelSalesPdfGenerator.render(sample));
            Reservation expected = sample.reservation();
            if (!result.ok()) {
                failures.add("#" + i + " " + sample.style() + " " + result.error());
                continue;
            }
            Reservation actual = result.reservation();
            if (!expected.equals(actual)) {
                failures.add("#" + i + " " + sample.style() + " amount=" + sample.printedAmount() + "\n  expected " + expected
                        + "\n  actual   " + actual + "\n  text:\n" + result.text());
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + samples + " differ:\n"
                + String.join("\n", failures.subList(0, Math.min(3, failures.size()))));
    }

    @Test
    void missingRequiredFieldsAreNamedWithTheReason() {
        String text = PDFPLUMBER_TEXT.replace("Total: CLP 528.701,00\n", "").replace("Agencia: WALVIS S.A.\n", "Agencia:\n");
        ExtractionResult result = EXTRACTOR.extractText(text);
        assertFalse(result.ok());
        assertNull(result.reservation(), "never half a record");
        assertEquals(Code.MISSING_FIELDS, result.error().code());
        List<String> names = result.error().missingFields().stream().map(ExtractionError.MissingField::field).toList();
        assertTrue(names.containsAll(List.of("monto_total", "agencia")), names::toString);
        assertTrue(result.error().missingFields().stream().anyMatch(m -> m.reason().contains("Total")),
                result.error().missingFields()::toString);
    }

    @Test
    void ambiguousAmountIsAnErrorNotAGuess() {
        ExtractionResult result = EXTRACTOR.extractText(PDFPLUMBER_TEXT.replace("CLP 528.701,00", "CLP 0.528"));
        assertFalse(result.ok());
        assertEquals(Code.INVALID_VALUE, result.error().code());
        assertTrue(result.error().missingFields().get(0).reason().contains("ambiguo"), result.error()::toString);
    }

    @Test
    void unknownLayoutShowsTheFirstLines() {
        ExtractionResult result = EXTRACTOR.extractText("Factura electrónica\nRUT 76.123.456-7\nTotal: $ 10.000\n");
        assertEquals(Code.NO_LAYOUT, result.error().code());
        assertEquals("Factura electrónica", result.error().textHead().get(0));
    }

    @Test
    void badFilesGiveClearErrors() throws IOException {
        assertEquals(Code.EMPTY_FILE, EXTRACTOR.extract(new byte[0]).error().code());
        assertEquals(Code.NOT_A_PDF, EXTRACTOR.extract("hola, esto no es un PDF".getBytes(StandardCharsets.UTF_8)).error().code());
        byte[] real = realSample();
        byte[] garbage = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n%%EOF".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(Code.CORRUPT, EXTRACTOR.extract(garbage).error().code());
        // PDFBox recovers what it can of a truncated file; either way there is no reservation and a reason
        ExtractionResult truncated = EXTRACTOR.extract(java.util.Arrays.copyOf(real, 2000));
        assertTrue(List.of(Code.CORRUPT, Code.NO_TEXT).contains(truncated.error().code()), truncated.error()::toString);
        assertEquals(Code.NO_TEXT, EXTRACTOR.extract(blankPdf(1)).error().code());
        assertEquals(Code.ENCRYPTED, EXTRACTOR.extract(encrypted(real)).error().code());
        ConfirmationExtractor strict = new ConfirmationExtractor(LayoutRegistry.load(Path.of("layouts")),
                new PdfTextReader.Limits(50_000, 2, Duration.ofSeconds(5), 100_000));
        assertEquals(Code.TOO_LARGE, strict.extract(real).error().code());
        assertEquals(Code.TOO_MANY_PAGES, strict.extract(blankPdf(3)).error().code());
    }

    @Test
    void characterBudgetBoundsHugeText() throws IOException {
        ConfirmationExtractor tiny = new ConfirmationExtractor(LayoutRegistry.load(Path.of("layouts")),
                new PdfTextReader.Limits(20_000_000, 30, Duration.ofSeconds(5), 200));
        assertEquals(Code.TOO_LARGE, tiny.extract(realSample()).error().code());
    }

    @Test
    void bundledTemplatesMatchTheRepositoryOnes() throws IOException {
        assertEquals(LayoutRegistry.load(Path.of("layouts")).names(), LayoutRegistry.bundled().names());
        try (var files = Files.list(Path.of("layouts"))) {
            assertEquals(LayoutRegistry.BUNDLED.size(), files.filter(f -> f.toString().endsWith(".yaml")).count(),
                    "every template in layouts/ must be listed in LayoutRegistry.BUNDLED");
        }
    }

    private static byte[] blankPdf(int pages) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                doc.addPage(new PDPage());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] encrypted(byte[] pdf) throws IOException {
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("dueño", "usuario", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
