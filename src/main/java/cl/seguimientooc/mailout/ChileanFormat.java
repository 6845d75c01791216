package cl.seguimientooc.mailout;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Amounts and dates the way Chilean readers write them: {@code $528.701} (CLP has no decimals),
 * {@code US$1.234,56}, {@code €980,50}, {@code lunes 13 de octubre de 2026}, {@code 15:00}.
 */
public final class ChileanFormat {

    private static final Locale ES_CL = Locale.forLanguageTag("es-CL");
    private static final String[] WEEKDAYS = {"lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"};
    private static final String[] MONTHS = {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
        "septiembre", "octubre", "noviembre", "diciembre"};

    private ChileanFormat() {
    }

    public static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        String c = currency == null ? "CLP" : currency.toUpperCase(Locale.ROOT);
        boolean negative = amount.signum() < 0;
        BigDecimal abs = amount.abs();
        String number = switch (c) {
            case "CLP" -> grouped(abs.setScale(0, RoundingMode.HALF_UP), 0);
            default -> grouped(abs.setScale(2, RoundingMode.HALF_UP), 2);
        };
        String symbol = switch (c) {
            case "CLP" -> "$";
            case "USD" -> "US$";
            case "EUR" -> "€";
            default -> c + " ";
        };
        return (negative ? "-" : "") + symbol + number;
    }

    private static String grouped(BigDecimal value, int decimals) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(ES_CL);
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0.00", symbols);
        return f.format(value);
    }

    /** {@code lunes 13 de octubre de 2026}. */
    public static String longDate(LocalDate d) {
        if (d == null) {
            return "";
        }
        return WEEKDAYS[d.getDayOfWeek().getValue() - 1] + " " + d.getDayOfMonth() + " de " + MONTHS[d.getMonthValue() - 1]
                + " de " + d.getYear();
    }

    /** {@code 13-10-2026}, for subjects and tables. */
    public static String shortDate(LocalDate d) {
        return d == null ? "" : d.format(DateTimeFormatter.ofPattern("dd-MM-yyyy"));
    }

    public static String time(LocalTime t) {
        return t == null ? "" : t.format(DateTimeFormatter.ofPattern("HH:mm"));
    }
}
