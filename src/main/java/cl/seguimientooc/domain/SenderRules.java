package cl.seguimientooc.domain;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Which senders may deliver confirmations: exact addresses or whole domains ({@code @hotelsales.cl}). */
public final class SenderRules {

    private final List<String> rules;

    public SenderRules(Collection<String> rules) {
        this.rules = rules.stream().map(r -> r.strip().toLowerCase(Locale.ROOT)).filter(r -> !r.isEmpty()).toList();
    }

    /** No rules means every sender is accepted (the startup log warns about it). */
    public boolean acceptsAnyone() {
        return rules.isEmpty();
    }

    public boolean allows(String address) {
        if (rules.isEmpty()) {
            return true;
        }
        if (address == null || address.isBlank()) {
            return false;
        }
        String a = address.strip().toLowerCase(Locale.ROOT);
        int at = a.lastIndexOf('@');
        String domain = at < 0 ? "" : a.substring(at);
        for (String rule : rules) {
            if (rule.startsWith("@") ? domain.equals(rule) : a.equals(rule)) {
                return true;
            }
        }
        return false;
    }

    public List<String> rules() {
        return rules;
    }
}
