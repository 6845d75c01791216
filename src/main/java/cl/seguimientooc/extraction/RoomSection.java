package cl.seguimientooc.extraction;

import cl.seguimientooc.extraction.Reservation.Guest;
import cl.seguimientooc.extraction.Reservation.Room;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A layout's room section: where each room starts (with number, category, occupancy and meal plan
 * as named groups), one line per guest, and optionally where the section ends.
 */
record RoomSection(Pattern start, List<Pattern> guest, Pattern end) {

    /** Rooms and their guests, in document order. */
    List<Room> read(String original, String folded) {
        List<int[]> starts = new ArrayList<>();
        List<Matcher> heads = new ArrayList<>();
        Matcher m = start.matcher(Interruptible.of(folded));
        while (m.find()) {
            starts.add(new int[] {m.start(), m.end()});
            heads.add(start.matcher(Interruptible.of(folded)).region(m.start(), folded.length()));
        }
        List<Room> result = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            Matcher head = heads.get(i);
            head.lookingAt();
            int sectionEnd = i + 1 < starts.size() ? starts.get(i + 1)[0] : folded.length();
            if (end != null) {
                Matcher close = end.matcher(Interruptible.of(folded)).region(starts.get(i)[1], sectionEnd);
                if (close.find()) {
                    sectionEnd = close.start();
                }
            }
            List<Guest> guests = new ArrayList<>();
            int p = LayoutText.lineEnd(folded, starts.get(i)[1]) + 1;
            while (p < sectionEnd) {
                int end = Math.min(LayoutText.lineEnd(folded, p), sectionEnd);
                String line = folded.substring(p, end);
                for (Pattern g : guest) {
                    Matcher gm = g.matcher(Interruptible.of(line));
                    if (gm.find()) {
                        String orig = original.substring(p, end);
                        guests.add(new Guest(
                                LayoutText.clean(orig.substring(gm.start("type"), gm.end("type")), false).toUpperCase(java.util.Locale.ROOT),
                                LayoutText.clean(orig.substring(gm.start("firstNames"), gm.end("firstNames")), false),
                                LayoutText.clean(orig.substring(gm.start("lastNames"), gm.end("lastNames")), false)));
                        break;
                    }
                }
                p = end + 1;
            }
            result.add(new Room(
                    intGroup(head, "number", result.size() + 1),
                    LayoutText.clean(original.substring(head.start("category"), head.end("category")), false),
                    intGroup(head, "adults", 0),
                    intGroup(head, "children", 0),
                    LayoutText.clean(original.substring(head.start("mealPlan"), head.end("mealPlan")), false),
                    List.copyOf(guests)));
        }
        return result;
    }

    private static int intGroup(Matcher m, String group, int fallback) {
        try {
            String v = m.group(group);
            return v == null ? fallback : Integer.parseInt(v.trim());
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
