package cl.seguimientooc.extraction;

import cl.seguimientooc.extraction.AmountParser.AmountException;
import cl.seguimientooc.extraction.CompiledLayout.Field;
import cl.seguimientooc.extraction.CompiledLayout.Found;
import cl.seguimientooc.extraction.ExtractionError.Code;
import cl.seguimientooc.extraction.ExtractionError.MissingField;
import cl.seguimientooc.extraction.Reservation.Room;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a confirmation PDF into a {@link Reservation}: reads its text, picks the layout template
 * that recognises it and converts each field. Knows nothing of mail, databases or Camel.
 */
public final class ConfirmationExtractor {

    private static final int TEXT_HEAD_LINES = 8;

    private final LayoutRegistry layouts;
    private final PdfTextReader reader;

    public ConfirmationExtractor(LayoutRegistry layouts, PdfTextReader.Limits limits) {
        this.layouts = layouts;
        this.reader = new PdfTextReader(limits);
    }

    public ConfirmationExtractor(LayoutRegistry layouts) {
        this(layouts, PdfTextReader.Limits.DEFAULT);
    }

    /**
     * Reads a PDF. Never throws for bad input: the result carries the reason instead. The text and
     * the layout templates' regexes run together within the reader's time limit.
     */
    public ExtractionResult extract(byte[] pdf) {
        try {
            return reader.bounded(() -> extractText(reader.readHere(pdf).text()));
        } catch (ExtractionException e) {
            return ExtractionResult.failure(null, ExtractionError.of(e), null);
        }
    }

    /** Applies the layout templates to text already extracted (used by tests and by {@code --text}). */
    public ExtractionResult extractText(String text) {
        Optional<CompiledLayout> layout = layouts.recognise(text);
        if (layout.isEmpty()) {
            return ExtractionResult.failure(null, new ExtractionError(Code.NO_LAYOUT,
                    "ninguna plantilla de diseño reconoce el documento (plantillas: " + layouts.names() + ")",
                    List.of(), head(text)), text);
        }
        return apply(layout.get(), text);
    }

    /** Names of the layout templates in force, for health and startup reports. */
    public List<String> layoutNames() {
        return layouts.names();
    }

    private ExtractionResult apply(CompiledLayout layout, String text) {
        String folded = TextFolding.fold(text);
        List<String> warnings = new ArrayList<>();
        List<MissingField> missing = new ArrayList<>();
        Map<ReservationField, String> raw = new EnumMap<>(ReservationField.class);
        Map<ReservationField, Found> found = new EnumMap<>(ReservationField.class);
        for (Field f : layout.fields().values()) {
            Found result = layout.find(f, text, folded);
            found.put(f.field(), result);
            if (result.present() && !result.text().isEmpty()) {
                raw.put(f.field(), result.text());
            }
        }
        for (Field f : layout.fields().values()) {
            if (!raw.containsKey(f.field()) && f.fallback() != null && raw.containsKey(f.fallback())) {
                raw.put(f.field(), raw.get(f.fallback()));
                warnings.add(f.field().key() + " no aparece; se usa " + f.fallback().key() + " (" + raw.get(f.fallback()) + ")");
            }
        }
        Values v = new Values(raw, layout, warnings, missing);
        for (Field f : layout.fields().values()) {
            if (f.required() && !raw.containsKey(f.field())) {
                Found why = found.get(f.field());
                missing.add(new MissingField(f.field().key(), why != null && why.reason() != null ? why.reason()
                        : "el documento lo deja vacío"));
            }
        }
        Money money = v.money(layout.fields().get(ReservationField.MONTO_TOTAL));
        List<Room> rooms = layout.rooms(text, folded);
        Integer roomCount = v.integer(ReservationField.NUMERO_HABITACIONES);
        if (roomCount == null && !rooms.isEmpty()) {
            roomCount = rooms.size();
        }
        Reservation r = new Reservation(
                v.code(ReservationField.ID_RESERVA), v.code(ReservationField.LOC_INTERNO),
                v.code(ReservationField.LOCALIZADOR), v.text(ReservationField.ESTADO), v.text(ReservationField.AGENCIA),
                v.date(ReservationField.FECHA_EMISION), v.text(ReservationField.NOMBRE_HOTEL),
                v.text(ReservationField.DIRECCION_HOTEL), v.text(ReservationField.CIUDAD_HOTEL),
                v.phone(ReservationField.TELEFONO_HOTEL), v.date(ReservationField.FECHA_CHECKIN),
                v.time(ReservationField.HORA_LLEGADA), v.date(ReservationField.FECHA_CHECKOUT),
                v.time(ReservationField.HORA_SALIDA), v.integer(ReservationField.NUMERO_NOCHES),
                roomCount, money == null ? null : money.amount(),
                money == null ? null : money.currency(), rooms, v.date(ReservationField.FECHA_LIMITE_CANCELACION),
                v.text(ReservationField.OBSERVACIONES_HOTEL), v.text(ReservationField.NOTAS_ASESOR));
        if (!missing.isEmpty()) {
            boolean invalid = missing.stream().allMatch(m -> raw.containsKey(ReservationField.byKey(m.field()).orElseThrow()));
            String names = String.join(", ", missing.stream().map(MissingField::field).toList());
            return ExtractionResult.failure(layout.name, new ExtractionError(invalid ? Code.INVALID_VALUE : Code.MISSING_FIELDS,
                    "faltan datos obligatorios o son inválidos: " + names, List.copyOf(missing), head(text)), text);
        }
        crossCheck(r, warnings);
        return ExtractionResult.success(layout.name, r, warnings, text);
    }


    /** Inconsistencies worth a person's look, but not worth refusing the reservation. */
    private static void crossCheck(Reservation r, List<String> warnings) {
        if (r.checkIn() != null && r.checkOut() != null) {
            long nights = ChronoUnit.DAYS.between(r.checkIn(), r.checkOut());
            if (nights <= 0) {
                warnings.add("el check-out (" + r.checkOut() + ") no es posterior al check-in (" + r.checkIn() + ")");
            } else if (r.nights() != null && r.nights() != nights) {
                warnings.add("noches impresas " + r.nights() + ", pero entre check-in y check-out hay " + nights);
            }
        }
        if (r.roomCount() != null && !r.rooms().isEmpty() && r.roomCount() != r.rooms().size()) {
            warnings.add("habitaciones impresas " + r.roomCount() + ", pero se leyeron " + r.rooms().size());
        }
        for (Room room : r.rooms()) {
            int expected = room.adults() + room.children();
            if (!room.guests().isEmpty() && room.guests().size() != expected) {
                warnings.add("habitación " + room.number() + ": ADT/CHD " + room.adults() + "/" + room.children()
                        + " pero lista " + room.guests().size() + " huésped(es)");
            }
        }
    }

    private static List<String> head(String text) {
        return text == null ? List.of() : text.lines().filter(l -> !l.isBlank()).limit(TEXT_HEAD_LINES)
                .map(l -> l.replace('\t', ' ')).toList();
    }

    /** Converts raw field text by kind; a value that does not convert is missing (if required) or a warning. */
    private static final class Values {
        private final Map<ReservationField, String> raw;
        private final CompiledLayout layout;
        private final List<String> warnings;
        private final List<MissingField> invalid;

        Values(Map<ReservationField, String> raw, CompiledLayout layout, List<String> warnings, List<MissingField> invalid) {
            this.raw = raw;
            this.layout = layout;
            this.warnings = warnings;
            this.invalid = invalid;
        }

        String text(ReservationField f) {
            return raw.get(f);
        }

        String code(ReservationField f) {
            String v = raw.get(f);
            return v == null ? null : v.replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT);
        }

        String phone(ReservationField f) {
            String v = raw.get(f);
            return v == null ? null : v.replaceAll("[^+\\d]", "");
        }

        Integer integer(ReservationField f) {
            String v = raw.get(f);
            if (v == null) {
                return null;
            }
            String digits = v.replaceAll("\\D", "");
            if (digits.isEmpty() || digits.length() > 6) {
                problem(f, "«" + v + "» no es un número entero");
                return null;
            }
            return Integer.valueOf(digits);
        }

        LocalDate date(ReservationField f) {
            String v = raw.get(f);
            if (v == null) {
                return null;
            }
            try {
                Optional<SpanishDates.FoundDate> d = SpanishDates.find(v);
                if (d.isEmpty()) {
                    problem(f, "«" + v + "» no es una fecha reconocible");
                    return null;
                }
                if (d.get().warning() != null) {
                    warnings.add(f.key() + ": " + d.get().warning());
                }
                return d.get().date();
            } catch (DateTimeException e) {
                problem(f, "«" + v + "» no es una fecha válida");
                return null;
            }
        }

        LocalTime time(ReservationField f) {
            String v = raw.get(f);
            if (v == null) {
                return null;
            }
            try {
                Optional<LocalTime> t = SpanishDates.findTime(v);
                if (t.isEmpty()) {
                    problem(f, "«" + v + "» no es una hora reconocible");
                }
                return t.orElse(null);
            } catch (DateTimeException e) {
                problem(f, "«" + v + "» no es una hora válida");
                return null;
            }
        }

        Money money(Field f) {
            String v = f == null ? null : raw.get(f.field());
            if (v == null) {
                return null;
            }
            try {
                return AmountParser.parse(v, layout.currency);
            } catch (AmountException e) {
                problem(f.field(), "monto inválido: " + e.getMessage());
                return null;
            }
        }

        private void problem(ReservationField f, String reason) {
            Field spec = layout.fields().get(f);
            if (spec != null && spec.required()) {
                invalid.add(new MissingField(f.key(), reason));
            } else {
                warnings.add(f.key() + ": " + reason + " (se deja vacío)");
            }
        }
    }
}
