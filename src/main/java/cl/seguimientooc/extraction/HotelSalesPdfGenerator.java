package cl.seguimientooc.extraction;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Draws HotelSales-like "Resumen de servicios" PDFs the way the real one is laid out (A4, small
 * grey labels, larger values, two-column hotel card, room lines with U+2010, guest table, ID far
 * right of its label), with the variations other producers show. Each sample knows the
 * reservation it printed, so extraction can be checked field by field. In main, not tests, because
 * the sandbox command delivers such confirmations ({@link DemoConfirmations}).
 */
final class HotelSalesPdfGenerator {

    private static final String[] WEEKDAYS = {"lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"};
    private static final String[] MONTHS_ABBR = {"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"};
    private static final String[] MONTHS = {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
        "septiembre", "octubre", "noviembre", "diciembre"};
    private static final String[] HOTELS = {"Hampton by Hilton Santiago Las Condes", "Novotel Santiago Vitacura",
        "Sheraton Miramar Hotel & Convention Center", "Ibis Budget Antofagasta", "Enjoy Puerto Varas",
        "Cumbres Lastarria", "Hotel Diego de Almagro Temuco", "Solace Calama"};
    private static final String[][] PLACES = {
        {"Av. Manquehue Nte. 255, 7560832 Las Condes, Región Metropolitana, Chile", "Santiago, Santiago, Chile"},
        {"Av. Libertador Bernardo O'Higgins 136, Santiago, Región Metropolitana, Chile", "Santiago, Santiago, Chile"},
        {"Av. Marina 15, Viña del Mar, Valparaíso, Chile", "Viña del Mar, Valparaíso, Chile"},
        {"Av. Grecia 1490, Antofagasta, Antofagasta, Chile", "Antofagasta, Antofagasta, Chile"},
        {"Av. Costanera 1290, Puerto Varas, Los Lagos, Chile", "Puerto Varas, Llanquihue, Chile"}};
    private static final String[] FIRST = {"UNO", "JUAN CARLOS", "MARÍA JOSÉ", "ANA", "PEDRO", "SOFÍA", "JOSÉ IGNACIO", "TOMÁS"};
    private static final String[] LAST = {"PRUEBA", "PÉREZ SOTO", "GONZÁLEZ", "MUÑOZ ROJAS", "DÍAZ", "FERNÁNDEZ LÓPEZ"};
    private static final String[] CATEGORIES = {"Twin", "Doble Superior", "Single", "Suite Junior", "Triple"};
    private static final String[] PLANS = {"Breakfast Included", "Solo Alojamiento", "Media Pensión", "All Inclusive"};

    /** What other producers and extractors do differently; every combination must read the same. */
    record Style(boolean unicodeHyphen, boolean spaceBeforeColon, boolean accents, boolean upperCaseLabels,
                 boolean valueBelowLabel, boolean sepAsSept) {
        static final Style REAL = new Style(true, false, true, false, false, false);
    }

    /** The reservation a sample prints, plus how the amount is printed. */
    record Sample(Reservation reservation, String printedAmount, Style style, boolean printId) {
    }

    private final Random random;
    private final List<String> agencies;

    HotelSalesPdfGenerator(long seed, List<String> agencies) {
        this.random = new Random(seed);
        this.agencies = agencies;
    }

    Sample next() {
        LocalDate checkIn = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365));
        int nights = 1 + random.nextInt(6);
        int roomCount = 1 + random.nextInt(3);
        List<Reservation.Room> rooms = new ArrayList<>();
        for (int r = 1; r <= roomCount; r++) {
            int adults = 1 + random.nextInt(2);
            int children = random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0;
            List<Reservation.Guest> guests = new ArrayList<>();
            for (int g = 0; g < adults + children; g++) {
                guests.add(new Reservation.Guest(g < adults ? "ADT" : "CHD", pick(FIRST), pick(LAST)));
            }
            rooms.add(new Reservation.Room(r, pick(CATEGORIES), adults, children, pick(PLANS), guests));
        }
        String[] place = PLACES[random.nextInt(PLACES.length)];
        String[] money = amount();
        boolean printId = random.nextInt(5) != 0;
        String loc = randomLoc();
        String id = printId ? String.valueOf(40_000_000 + random.nextInt(9_000_000)) : loc;
        LocalDate issue = random.nextBoolean() ? null : checkIn.minusDays(1 + random.nextInt(30));
        String remarks = random.nextInt(4) == 0 ? "Cliente solicita cama adicional.\nLlegada tardía confirmada." : null;
        String notes = random.nextInt(4) == 0 ? "Facturar a centro de costo 1234." : null;
        Style style = new Style(random.nextBoolean(), random.nextInt(3) == 0, random.nextInt(4) != 0,
                random.nextInt(4) == 0, random.nextInt(4) == 0, random.nextBoolean());
        Reservation reservation = new Reservation(id, loc, String.valueOf(100_000 + random.nextInt(900_000)), "Reservado",
                pick(agencies), issue, pick(HOTELS), place[0], place[1], "56" + (200_000_000 + random.nextInt(99_999_999)),
                checkIn, LocalTime.of(13 + random.nextInt(4), random.nextBoolean() ? 0 : 30), checkIn.plusDays(nights),
                LocalTime.of(10 + random.nextInt(3), 0), nights, roomCount, new BigDecimal(money[1]), money[2], rooms,
                checkIn.minusDays(1 + random.nextInt(5)), remarks, notes);
        return new Sample(reservation, money[0], style, printId);
    }

    private String[] amount() {
        long units = 30_000 + (long) (random.nextDouble() * 5_000_000);
        int cents = random.nextInt(100);
        return switch (random.nextInt(6)) {
            case 0 -> new String[] {"CLP " + chilean(units) + ",00", units + ".00", "CLP"};
            case 1 -> new String[] {"CLP " + chilean(units), units + ".00", "CLP"};
            case 2 -> new String[] {"$ " + chilean(units), units + ".00", "CLP"};
            case 3 -> new String[] {"US$ " + chilean(units / 900) + "," + two(cents), units / 900 + "." + two(cents), "USD"};
            case 4 -> new String[] {"USD " + String.format("%,d", units / 900) + "." + two(cents), units / 900 + "." + two(cents), "USD"};
            default -> new String[] {"EUR " + chilean(units / 1000) + "," + two(cents), units / 1000 + "." + two(cents), "EUR"};
        };
    }

    private static String chilean(long n) {
        return String.format("%,d", n).replace(',', '.');
    }

    private static String two(int n) {
        return String.format("%02d", n);
    }

    private String randomLoc() {
        StringBuilder b = new StringBuilder("AA");
        for (int i = 0; i < 5; i++) {
            b.append((char) ('A' + random.nextInt(26)));
        }
        return b.toString();
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Renders a sample to PDF bytes. */
    static byte[] render(Sample s) throws IOException {
        Reservation r = s.reservation();
        Style st = s.style();
        try (PDDocument doc = new PDDocument(); InputStream ttf = PDDocument.class.getResourceAsStream(
                "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            PDFont font = PDType0Font.load(doc, ttf);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                Pen pen = new Pen(cs, font, page.getMediaBox().getHeight(), st);
                pen.text(44, 30, 12, "Resumen de servicios");
                pen.text(44, 46, 8, "[paginaEticketHeader]");
                pen.field(151, 77, "LOC Interno", r.internalLocator());
                pen.field(358, 77, "Agencia", r.agency());
                pen.field(151, 92, "Localizador", r.supplierLocator());
                pen.field(358, 92, "Fecha Emisión", r.issueDate() == null ? "INMEDIATO" : wordyDate(r.issueDate(), st));
                pen.field(151, 107, "Estado", r.bookingStatus());
                pen.text(44, 125, 9, "Hoteles");
                pen.text(49, 141, 9.4f, r.hotelName());
                pen.inlineField(466, 141, "Total", s.printedAmount(), 9f);
                // The address and the city line share the left column; the HTML wraps them before the
                // Check In column, so shrink long ones to fit as the browser would.
                float width = (font.getStringWidth(r.hotelAddress()) * 6.4f + font.getStringWidth(r.hotelCity()) * 8.4f) / 1000;
                float scale = Math.min(1f, 280f / width);
                pen.text(49, 156, 6.4f * scale, r.hotelAddress());
                pen.textAfter(8.4f * scale, r.hotelCity());
                pen.field(336, 156, "Check In", wordyDate(r.checkIn(), st));
                pen.field(458, 156, "Check Out", wordyDate(r.checkOut(), st));
                pen.field(49, 171, "Teléfono", r.hotelPhone());
                pen.field(336, 171, "Hora Llegada", twelveHour(r.arrivalTime()));
                pen.field(458, 171, "Hora Salida", twelveHour(r.departureTime()));
                pen.field(336, 186, "Noches", String.valueOf(r.nights()));
                pen.field(458, 186, "Habitaciones", String.valueOf(r.roomCount()));
                float y = 206;
                String dash = st.unicodeHyphen() ? " \u2010 " : " - ";
                for (Reservation.Room room : r.rooms()) {
                    pen.text(50, y, 8.9f, pen.label("Habitación") + " " + room.number() + dash + pen.label("Categoría") + dash
                            + room.category() + dash + "ADT/CHD: " + room.adults() + "/" + room.children() + dash
                            + pen.label("Plan Alimentación") + ": " + room.mealPlan());
                    y += 12;
                    pen.text(53, y, 7, "Tipo");
                    pen.text(201, y, 7, "Nombre");
                    pen.text(366, y, 7, "Apellidos");
                    for (Reservation.Guest g : room.guests()) {
                        y += 13;
                        pen.text(53, y, 7, g.type());
                        pen.text(201, y, 7, g.firstNames());
                        pen.text(366, y, 7, g.lastNames());
                    }
                    y += 20;
                }
                pen.text(54, y, 8, pen.label("Límite Cancelación Reserva"));
                pen.text(74, y + 16, 8.5f, longDate(r.cancellationDeadline(), st));
                y += 60;
                pen.text(54, y, 8, "Observaciones");
                y = pen.lines(73, y + 14, 7.5f, r.hotelRemarks() == null ? "Sin notas de hotel informadas." : r.hotelRemarks());
                pen.text(54, y + 4, 8, pen.label("Notas del asesor"));
                y = pen.lines(73, y + 18, 7.5f, r.advisorNotes() == null ? "Sin notas del asesor informadas." : r.advisorNotes());
                pen.text(48, y + 20, 10.4f, "Campos Gerenciales");
                pen.text(48, y + 34, 8, "Datos Adicionales");
                if (s.printId()) {
                    pen.text(48, y + 46, 8, "ID:");
                    pen.text(298, y + 46, 8, r.reservationId());
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    static String wordyDate(LocalDate d, Style st) {
        String month = MONTHS_ABBR[d.getMonthValue() - 1];
        if (month.equals("sep") && st.sepAsSept()) {
            month = "sept";
        }
        return fold(WEEKDAYS[d.getDayOfWeek().getValue() - 1], st) + " " + d.getDayOfMonth() + ", " + month + ". " + d.getYear();
    }

    static String longDate(LocalDate d, Style st) {
        return fold(WEEKDAYS[d.getDayOfWeek().getValue() - 1], st) + ", " + d.getDayOfMonth() + " de "
                + MONTHS[d.getMonthValue() - 1] + " de " + d.getYear();
    }

    static String twelveHour(LocalTime t) {
        int h = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        return h + ":" + String.format("%02d", t.getMinute()) + (t.getHour() < 12 ? " AM" : " PM");
    }

    private static String fold(String s, Style st) {
        return st.accents() ? s : TextFolding.fold(s);
    }


    /** Writes at top-left coordinates like the HTML the real PDF was printed from. */
    private static final class Pen {
        private final PDPageContentStream cs;
        private final PDFont font;
        private final float height;
        private final Style style;
        private float lastX;
        private float lastY;

        Pen(PDPageContentStream cs, PDFont font, float height, Style style) {
            this.cs = cs;
            this.font = font;
            this.height = height;
            this.style = style;
        }

        String label(String label) {
            String l = style.accents() ? label : TextFolding.fold(label);
            return style.upperCaseLabels() ? l.toUpperCase(java.util.Locale.ROOT) : l;
        }

        void text(float x, float y, float size, String text) throws IOException {
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(x, height - y);
            cs.showText(text);
            cs.endText();
            lastX = x + font.getStringWidth(text) / 1000 * size;
            lastY = y;
        }

        /** Continues the previous run with no gap, as the real address and city line do. */
        void textAfter(float size, String text) throws IOException {
            text(lastX, lastY, size, text);
        }

        /** Small label, colon, larger value: the value beside the label or, in some layouts, below it. */
        void field(float x, float y, String label, String value) throws IOException {
            field(x, y, label, value, 7.4f);
        }

        void inlineField(float x, float y, String label, String value, float valueSize) throws IOException {
            text(x, y, 6.4f, label(label) + (style.spaceBeforeColon() ? " :" : ":"));
            textAfter(valueSize, " " + value);
        }

        void field(float x, float y, String label, String value, float valueSize) throws IOException {
            String l = label(label) + (style.spaceBeforeColon() ? " :" : ":");
            if (style.valueBelowLabel()) {
                text(x, y, 6.4f, l);
                text(x, y + 8, valueSize, value);
            } else {
                text(x, y, 6.4f, l);
                textAfter(valueSize, " " + value);
            }
        }

        float lines(float x, float y, float size, String text) throws IOException {
            float yy = y;
            for (String line : text.split("\n")) {
                text(x, yy, size, line);
                yy += 11;
            }
            return yy;
        }
    }
}
