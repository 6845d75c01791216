package cl.seguimientooc.mailout;

import cl.seguimientooc.ladder.Ladder;
import cl.seguimientooc.ladder.LadderConfig;
import cl.seguimientooc.ladder.LadderPolicy;
import cl.seguimientooc.ladder.LadderPolicy.History;
import cl.seguimientooc.ladder.LadderPolicy.Planned;
import cl.seguimientooc.ladder.LadderPolicy.Schedule;
import cl.seguimientooc.store.Json;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * What the ladder will send or suspend up to a date, for the pending reservations that are not
 * paused: the same policy as the planner, from one query (reservations with their send history).
 */
public final class LadderAgenda {

    private static final cl.seguimientooc.store.SqlStatements SQL = cl.seguimientooc.store.SqlStatements.load("ladder.sql");

    /** One expected send or suspension. */
    public record Item(@JsonProperty("fecha") String at, @JsonProperty("fecha_local") String localAt,
                       @JsonProperty("id_reserva") String reservation, @JsonProperty("agencia") String agency,
                       @JsonProperty("paso") String step) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ServiceClock clock;
    private final Supplier<LadderPolicy> policy;
    private final Schedule schedule;
    private final LadderConfig ladders;

    public LadderAgenda(NamedParameterJdbcTemplate jdbc, ServiceClock clock, Supplier<LadderPolicy> policy, Schedule schedule,
                        LadderConfig ladders) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.policy = policy;
        this.schedule = schedule;
        this.ladders = ladders;
    }

    public List<Item> until(LocalDate until, int limit) {
        LadderPolicy rules = policy.get();
        Instant now = clock.now();
        Instant end = until.plusDays(1).atStartOfDay(schedule.zone()).toInstant();
        List<Item> out = new ArrayList<>();
        jdbc.query(SQL.get("agenda"), Map.of("limit", limit), rs -> {
            Ladder ladder;
            try {
                ladder = ladders.ladderFor(LadderRow.clientLadder(rs.getString("ladder"), rs.getString("ladder_days"),
                        rs.getArray("ladder_drop")));
            } catch (IllegalArgumentException e) {
                return; // shown as needing attention by the planner
            }
            Map<String, Instant> sent = new HashMap<>();
            String json = rs.getString("sent");
            if (json != null) {
                Json.read(json).fields().forEachRemaining(f -> sent.put(f.getKey(),
                        java.time.OffsetDateTime.parse(f.getValue().asText()).toInstant()));
            }
            Timestamp started = rs.getTimestamp("ladder_started_at") != null ? rs.getTimestamp("ladder_started_at")
                    : rs.getTimestamp("created_at");
            for (Planned p : rules.plan(ladder, new History(started.toInstant(), sent), schedule, now, end)) {
                out.add(new Item(p.at().toString(), LocalDateTime.ofInstant(p.at(), schedule.zone()).toString(),
                        rs.getString("reservation_code"), rs.getString("agency"), p.level().name()));
            }
        });
        out.sort(Comparator.comparing(Item::at));
        return out;
    }
}
