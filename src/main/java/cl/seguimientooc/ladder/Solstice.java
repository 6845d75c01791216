package cl.seguimientooc.ladder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The June solstice instant by Meeus, "Astronomical Algorithms" ch. 27 (mean solstice plus the 24
 * periodic terms): accurate to about a minute for 1000–3000, far more than a calendar day needs.
 */
public final class Solstice {

    private static final double[][] TERMS = {
        {485, 324.96, 1934.136}, {203, 337.23, 32964.467}, {199, 342.08, 20.186}, {182, 27.85, 445267.112},
        {156, 73.14, 45036.886}, {136, 171.52, 22518.443}, {77, 222.54, 65928.934}, {74, 296.72, 3034.906},
        {70, 243.58, 9037.513}, {58, 119.81, 33718.147}, {52, 297.17, 150.678}, {50, 21.02, 2281.226},
        {45, 247.54, 29929.562}, {44, 325.15, 31555.956}, {29, 60.93, 4443.417}, {18, 155.12, 67555.328},
        {17, 288.79, 4562.452}, {16, 198.04, 62894.029}, {14, 199.76, 31436.921}, {12, 95.39, 14577.848},
        {12, 287.11, 31931.756}, {12, 320.81, 34777.259}, {9, 227.73, 1222.114}, {8, 15.45, 16859.074}};
    /** TT − UT in the 2020s is about 69 s; close enough for any year this service will see. */
    private static final double DELTA_T_SECONDS = 69;

    private Solstice() {
    }

    public static Instant june(int year) {
        double y = (year - 2000) / 1000.0;
        double jde0 = 2451716.56767 + 365241.62603 * y + 0.00325 * y * y + 0.00888 * y * y * y - 0.00030 * y * y * y * y;
        double t = (jde0 - 2451545.0) / 36525;
        double w = Math.toRadians(35999.373 * t - 2.47);
        double dLambda = 1 + 0.0334 * Math.cos(w) + 0.0007 * Math.cos(2 * w);
        double s = 0;
        for (double[] term : TERMS) {
            s += term[0] * Math.cos(Math.toRadians(term[1] + term[2] * t));
        }
        double jde = jde0 + 0.00001 * s / dLambda;
        double unixSeconds = (jde - 2440587.5) * 86400 - DELTA_T_SECONDS;
        return Instant.ofEpochMilli(Math.round(unixSeconds * 1000));
    }

    /** The calendar day of the June solstice in a time zone. */
    public static LocalDate juneDay(int year, ZoneId zone) {
        return june(year).atZone(zone).toLocalDate();
    }
}
