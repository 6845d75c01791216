package cl.seguimientooc.mailout;

import cl.seguimientooc.ladder.Ladder;
import cl.seguimientooc.ladder.LadderConfig;
import cl.seguimientooc.ladder.LadderPolicy;
import cl.seguimientooc.ladder.LadderPolicy.History;
import cl.seguimientooc.ladder.LadderPolicy.Next;
import cl.seguimientooc.ladder.LadderPolicy.Schedule;
import cl.seguimientooc.ladder.Level;
import cl.seguimientooc.mailout.LadderClaims.Claim;
import cl.seguimientooc.store.Db;
import cl.seguimientooc.store.ReservationStore;
import cl.seguimientooc.store.SqlStatements;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The first half of a ladder run (routes/ladder.camel.yaml, step "claim what is due"): plans each
 * pending reservation's next level, claims the due ones in the outbox and carries out due
 * suspensions, each reservation in its own transaction. Several runs at once (timer, process-now,
 * another instance) are safe: rows are locked with SKIP LOCKED and a level is claimed once.
 */
public final class LadderPlanner {

    private static final SqlStatements SQL = SqlStatements.load("ladder.sql");
    private static final int BATCH = 500;
    /** A reservation whose level is being sent is looked at again after this long. */
    private static final Duration IN_FLIGHT_RECHECK = Duration.ofMinutes(10);

    /**
     * What a run claimed and did before sending; {@code toSend} are outbox ids; {@code more}: a query of
     * this run filled its page, so more is due than one run takes (a backlog: routes/ladder.camel.yaml
     * runs again at once and lets the other replicas join).
     */
    public record Run(Instant now, int planned, List<String> suspended, List<Long> toSend, boolean smtpConfigured,
                      boolean more) {
    }

    private final Db db;
    private final NamedParameterJdbcTemplate jdbc;
    private final ServiceClock clock;
    private final Supplier<LadderPolicy> policy;
    private final Schedule schedule;
    private final LadderConfig ladders;
    private final ReservationStore reservations;
    private final LadderClaims claims;
    private final boolean smtpConfigured;
    /** The latest run's policy (its calendar read once), reused to plan after each send of that run. */
    private volatile LadderPolicy current;

    public LadderPlanner(Db db, ServiceClock clock, Supplier<LadderPolicy> policy, Schedule schedule, LadderConfig ladders,
                         ReservationStore reservations, LadderClaims claims, boolean smtpConfigured) {
        this.db = db;
        this.jdbc = db.jdbc();
        this.clock = clock;
        this.policy = policy;
        this.schedule = schedule;
        this.ladders = ladders;
        this.reservations = reservations;
        this.claims = claims;
        this.smtpConfigured = smtpConfigured;
    }

    /** Plans, claims what is due and suspends; returns the outbox ids to send now. */
    public Run claimDue() {
        Instant now = clock.now();
        LadderPolicy rules = policy.get();
        current = rules;
        List<String> suspended = new ArrayList<>();
        int planned = 0;
        List<Long> toPlan = jdbc.queryForList(SQL.get("to_plan"), Map.of("limit", BATCH * 4), Long.class);
        for (long id : toPlan) {
            planned += db.tx().execute(s -> plan(id, rules, now, false, suspended)) ? 1 : 0;
        }
        LinkedHashSet<Long> toSend = new LinkedHashSet<>();
        List<Long> due = jdbc.queryForList(SQL.get("due"), Map.of("now", Timestamp.from(now), "limit", BATCH), Long.class);
        for (long id : due) {
            if (smtpConfigured) {
                Long emailId = db.tx().execute(s -> step(id, rules, now, suspended));
                if (emailId != null) {
                    toSend.add(emailId);
                }
            } else {
                // suspensions need no SMTP; the e-mails wait for it
                db.tx().execute(s -> plan(id, rules, now, true, suspended));
            }
        }
        boolean more = toPlan.size() == BATCH * 4 || due.size() == BATCH;
        if (smtpConfigured) {
            List<Long> queued = jdbc.queryForList(SQL.get("to_send"), Map.of("now", Timestamp.from(now), "limit", BATCH), Long.class);
            toSend.addAll(queued);
            more |= queued.size() == BATCH;
        }
        // only while it gets somewhere: a full page that nothing could be done with is not run again at once
        more &= planned > 0 || !toSend.isEmpty() || !suspended.isEmpty();
        return new Run(now, planned, suspended, List.copyOf(toSend), smtpConfigured, more);
    }

    /** A run's summary, in the API's words: {@code results} is what the split collected (or nothing). */
    public Map<String, Object> summary(Run run, Object results) {
        List<LadderOutbox.Sent> sent = new ArrayList<>();
        List<LadderOutbox.Sent> failed = new ArrayList<>();
        if (results instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof LadderOutbox.Sent r) {
                    ("enviado".equals(r.status()) ? sent : failed).add(r);
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ahora", run.now().toString());
        out.put("planificadas", run.planned());
        out.put("enviados", sent);
        out.put("con_error", failed);
        out.put("suspendidas", run.suspended());
        if (!run.smtpConfigured()) {
            out.put("aviso", "SMTP no configurado: no se envían correos (SMTP_HOST)");
        }
        return out;
    }

    /** After a client e-mail went out: its reservation's next level, planned at once. */
    public void afterSent(long reservationId) {
        LadderPolicy rules = current != null ? current : policy.get();
        db.tx().execute(s -> plan(reservationId, rules, clock.now(), false, new ArrayList<>()));
    }

    /**
     * Claims one level again on purpose (an admin's decision), recorded as a manual resend; the
     * automatic ladder is not affected. Returns the outbox id to send.
     */
    public long claimResend(String reservationCode, String levelName, String actor) {
        if (!smtpConfigured) {
            throw new IllegalStateException("SMTP no configurado (SMTP_HOST): no se puede enviar");
        }
        List<Long> found = jdbc.queryForList(SQL.get("find_by_code"), Map.of("code", reservationCode), Long.class);
        if (found.isEmpty()) {
            throw new java.util.NoSuchElementException("no existe la reserva «" + reservationCode + "»");
        }
        LadderPolicy rules = policy.get();
        Instant now = clock.now();
        return db.tx().execute(tx -> {
            LadderRow r = jdbc.query(SQL.get("view") + " FOR UPDATE OF r", Map.of("id", found.get(0)), LadderRow.MAPPER).get(0);
            if ("cancelada".equals(r.status())) {
                throw new IllegalStateException("la reserva está cancelada");
            }
            Ladder ladder = ladders.ladderFor(r.clientLadder());
            Level level = ladder.level(cl.seguimientooc.ladder.LegacyNames.current(levelName));
            if (level == null || level.template() == null || level.suspends()) {
                throw new IllegalArgumentException("tipo_correo debe ser un nivel de la escalera del cliente: "
                        + String.join(", ", ladder.levels().stream().filter(l -> !l.suspends()).map(Level::name).toList()));
            }
            Claim c = claimFor(r, ladder, level, history(r), rules, now, true);
            if (c.to().isEmpty()) {
                throw new IllegalStateException("no hay destinatarios para " + level.name() + " (correos del cliente o EMAIL_CC_RECIPIENTS)");
            }
            long id = claims.claim(c);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("tipo", level.name());
            details.put("correo_id", id);
            reservations.audit(actor, "reenvio_manual", r.id(), details);
            return id;
        });
    }

    /** Computes and stores the next step; with {@code suspendIfDue}, also carries out a due suspension. */
    private boolean plan(long id, LadderPolicy rules, Instant now, boolean suspendIfDue, List<String> suspended) {
        LadderRow r = lock(id);
        if (r == null || !"pendiente".equals(r.status())) {
            return false;
        }
        Ladder ladder = ladderOrAttention(r, now);
        if (ladder == null) {
            return true;
        }
        Next next = rules.next(ladder, history(r), schedule, now);
        if (suspendIfDue && !next.finished() && next.level().suspends() && next.due()) {
            suspend(r, ladder, next.level(), rules, now, suspended);
            return true;
        }
        setNext(id, next);
        return true;
    }

    /** Handles one due reservation inside a transaction; returns the id of an e-mail it claimed. */
    private Long step(long id, LadderPolicy rules, Instant now, List<String> suspended) {
        LadderRow r = lock(id);
        if (r == null || !"pendiente".equals(r.status())) {
            return null;
        }
        Ladder ladder = ladderOrAttention(r, now);
        if (ladder == null) {
            return null;
        }
        History h = history(r);
        Next next = rules.next(ladder, h, schedule, now);
        if (!next.due()) {
            setNext(id, next);
            return null;
        }
        if (next.level().suspends()) {
            return suspend(r, ladder, next.level(), rules, now, suspended);
        }
        Claim c = claimFor(r, ladder, next.level(), h, rules, now, false);
        if (c.to().isEmpty() && next.level().to() == Level.Recipients.CLIENT) {
            jdbc.update(SQL.get("attention"), Map.of("id", id, "attention", "sin correo de contacto: no se puede enviar "
                    + next.level().name()));
            setNext(id, new Next(next.level(), now.plus(IN_FLIGHT_RECHECK), false));
            return null;
        }
        if (c.to().isEmpty()) {
            skip(r, c, next.level().to() == Level.Recipients.CC ? "el cliente no tiene correos en copia"
                    : "EMAIL_CC_RECIPIENTS está vacío", now);
            return null;
        }
        Long emailId = claims.claim(c);
        setNext(id, new Next(next.level(), now.plus(IN_FLIGHT_RECHECK), false));
        return emailId;
    }

    /** A level nobody can receive is recorded as skipped, and the ladder goes on from it. */
    private void skip(LadderRow r, Claim c, String why, Instant now) {
        String reason = "nivel " + c.step() + " omitido: " + why;
        jdbc.update(SQL.get("skip"), new MapSqlParameterSource("reservationId", r.id()).addValue("step", c.step())
                .addValue("level", c.level()).addValue("from", claims.sender().fromHeader()).addValue("template", c.template())
                .addValue("reason", reason).addValue("at", Timestamp.from(now)).addValue("instance", "planificador"));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("nivel", c.step());
        details.put("motivo", reason);
        reservations.audit("sistema", "nivel_omitido", r.id(), details);
        jdbc.update(SQL.get("set_next"), new MapSqlParameterSource("id", r.id()).addValue("step", c.step())
                .addValue("at", null)); // planned again on the next run, from the skipped level
    }

    private Long suspend(LadderRow r, Ladder ladder, Level level, LadderPolicy rules, Instant now, List<String> suspended) {
        jdbc.update(SQL.get("suspend"), Map.of("id", r.id(), "reason", "sin OC después del último aviso"));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("antes", "pendiente");
        details.put("despues", "suspendida");
        details.put("motivo", "sin OC después del último aviso");
        details.put("nivel", level.name());
        reservations.audit("sistema", "estado_cambiado", r.id(), details);
        suspended.add(r.code());
        if (level.template() == null) {
            return null;
        }
        Claim c = claimFor(r, ladder, level, history(r), rules, now, false);
        return c.to().isEmpty() ? null : claims.claim(new Claim(c.reservationId(), c.step(), c.template(), c.level(), false,
                false, c.to(), c.cc(), c.replyTo(), c.requestDay(), now));
    }

    private Claim claimFor(LadderRow r, Ladder ladder, Level level, History h, LadderPolicy rules, Instant now, boolean manual) {
        LadderClaims.Sender sender = claims.sender();
        List<String> to;
        List<String> cc = new ArrayList<>();
        switch (level.to()) {
            case CLIENT -> {
                to = r.contactTo();
                cc.addAll(sender.adminRecipients());
                cc.addAll(r.contactCc());
            }
            case CC -> to = r.contactCc();
            default -> to = sender.adminRecipients();
        }
        Instant requestAt = h.sentAt().getOrDefault(ladder.first().name(), now);
        LocalDate requestDay = requestAt.atZone(schedule.zone()).toLocalDate();
        Instant suspension = rules.suspensionIf(ladder, h, schedule, level, now);
        String replyTo = level.to() == Level.Recipients.ADMIN ? sender.fromEmail() : sender.replyTo();
        return new Claim(r.id(), level.name(), level.template(), ladder.indexOf(level.name()) + 1, manual, !level.suspends(),
                to, cc, replyTo, requestDay, suspension);
    }

    /** The client's ladder; when its changes no longer fit ladder.yaml, the reservation waits for a person. */
    private Ladder ladderOrAttention(LadderRow r, Instant now) {
        try {
            return ladders.ladderFor(r.clientLadder());
        } catch (IllegalArgumentException e) {
            jdbc.update(SQL.get("attention"), Map.of("id", r.id(), "attention", "escalera del cliente no válida: " + e.getMessage()));
            jdbc.update(SQL.get("set_next"), new MapSqlParameterSource("id", r.id()).addValue("step", "revisar_escalera")
                    .addValue("at", Timestamp.from(now.plus(Duration.ofHours(1)))));
            return null;
        }
    }

    private LadderRow lock(long id) {
        List<LadderRow> rows = jdbc.query(SQL.get("view") + " FOR UPDATE OF r SKIP LOCKED", Map.of("id", id), LadderRow.MAPPER);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private History history(LadderRow r) {
        Map<String, Instant> sent = new HashMap<>();
        jdbc.query(SQL.get("history"), Map.of("id", r.id()), rs -> {
            sent.put(rs.getString("step"), rs.getTimestamp("sent_at").toInstant());
        });
        return new History(r.enteredAt(), sent);
    }

    private void setNext(long id, Next next) {
        jdbc.update(SQL.get("set_next"), new MapSqlParameterSource("id", id)
                .addValue("step", next.finished() ? "terminada" : next.level().name())
                .addValue("at", Timestamp.from(next.finished() ? Instant.parse("9999-12-31T00:00:00Z") : next.notBefore())));
    }
}
