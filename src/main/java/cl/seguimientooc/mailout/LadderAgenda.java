package cl.seguimientooc.mailout;

import cl.seguimientooc.ladder.LadderPolicy;
import cl.seguimientooc.ladder.LadderPolicy.History;
import cl.seguimientooc.ladder.LadderPolicy.Next;
import cl.seguimientooc.ladder.LadderPolicy.Schedule;
import cl.seguimientooc.ladder.LadderPolicy.Step;
import cl.seguimientooc.store.SqlStatements;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * What the ladder will send or suspend up to a date, for the pending reservations that are not
 * paused: the same policy as the runner, from one query (reservations with their send history).
 */
public final class LadderAgenda {

    private static final SqlStatements SQL = SqlStatements.load("ladder.sql");

    private final NamedParameterJdbcTemplate jdbc;
    private final ServiceClock clock;
    private final Supplier<LadderPolicy> policy;
    private final Schedule schedule;

    public LadderAgenda(NamedParameterJdbcTemplate jdbc, ServiceClock clock, Supplier<LadderPolicy> policy, Schedule schedule) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.policy = policy;
        this.schedule = schedule;
    }

    public List<Map<String, Object>> until(LocalDate until, int limit) {
        LadderPolicy rules = policy.get();
        Instant now = clock.now();
        Instant end = until.plusDays(1).atStartOfDay(schedule.zone()).toInstant();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : jdbc.queryForList(SQL.get("agenda"), Map.of("limit", limit))) {
            Schedule s = schedule.forClient((Integer) r.get("reminder_days"), (Integer) r.get("ultimatum_days"));
            Object started = r.get("ladder_started_at") != null ? r.get("ladder_started_at") : r.get("created_at");
            History h = new History(((Timestamp) started).toInstant(), instant(r.get("sent_1")), instant(r.get("sent_2")),
                    instant(r.get("sent_3")));
            Instant at = now;
            for (int i = 0; i < 4; i++) {
                Next next = rules.next(h, s, at);
                if (next.step() == Step.TERMINADA || next.notBefore().isAfter(end)) {
                    break;
                }
                Instant when = next.notBefore().isBefore(now) ? rules.windowOpenAtOrAfter(now, s) : next.notBefore();
                if (next.step() == Step.SUSPENSION) {
                    when = next.notBefore().isBefore(now) ? now : next.notBefore();
                }
                if (when.isAfter(end)) {
                    break;
                }
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("fecha", when.toString());
                item.put("fecha_local", LocalDateTime.ofInstant(when, s.zone()).toString());
                item.put("id_reserva", r.get("reservation_code"));
                item.put("agencia", r.get("agency"));
                item.put("paso", next.step().code());
                out.add(item);
                if (next.step() == Step.SUSPENSION) {
                    break;
                }
                h = switch (next.step()) {
                    case SOLICITUD_INICIAL -> new History(h.enteredAt(), when, null, null);
                    case RECORDATORIO -> new History(h.enteredAt(), h.requestSentAt(), when, null);
                    default -> new History(h.enteredAt(), h.requestSentAt(), h.reminderSentAt(), when);
                };
                at = when;
            }
        }
        out.sort(java.util.Comparator.comparing(m -> (String) m.get("fecha")));
        return out;
    }

    private static Instant instant(Object o) {
        return o instanceof Timestamp t ? t.toInstant() : null;
    }
}
