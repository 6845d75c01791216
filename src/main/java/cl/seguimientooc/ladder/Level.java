package cl.seguimientooc.ladder;

import java.util.Locale;

/**
 * One level of the escalation ladder, as written in {@code ladder.yaml}.
 *
 * @param name     stable identifier (a reservation's history and the sent-mail ledger use it)
 * @param days     business days after {@code from}; 0 for the first level
 * @param from     what the days count from: {@link #FROM_REQUEST}, {@link #FROM_PREVIOUS} or an earlier level's name
 * @param template mail template name without extension (null: a suspension that notifies nobody)
 * @param to       who receives the level's e-mail
 * @param action   {@link Action#NOTIFY} sends the e-mail; {@link Action#SUSPEND} suspends the reservation (and notifies)
 * @param warnedBy the level whose e-mail announces this suspension; dropping it drops the suspension too
 */
public record Level(String name, int days, String from, String template, Recipients to, Action action, String warnedBy) {

    public static final String FROM_REQUEST = "request";
    public static final String FROM_PREVIOUS = "previous";

    /** Who gets a level's e-mail. */
    public enum Recipients {
        /** The client's contacts; their CC addresses and EMAIL_CC_RECIPIENTS in copy. */
        CLIENT,
        /** Only the client's CC addresses (a courtesy note to someone else at the client). */
        CC,
        /** Only EMAIL_CC_RECIPIENTS (the agency's own staff). */
        ADMIN;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a level does when it is due. */
    public enum Action {
        NOTIFY, SUSPEND;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean suspends() {
        return action == Action.SUSPEND;
    }

    /** The same level counting a different number of business days. */
    public Level withDays(int newDays) {
        return new Level(name, newDays, from, template, to, action, warnedBy);
    }
}
