package cl.seguimientooc.extraction;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A layout template as written in YAML (see {@code layouts/}): how to recognise one kind of
 * confirmation and where each field is printed. Patterns are Java regular expressions matched
 * case-insensitively against the text with accents removed and dashes unified.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record LayoutTemplate(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty("description") String description,
        @JsonProperty("priority") int priority,
        @JsonProperty(value = "recognise", required = true) Recognise recognise,
        @JsonProperty("currency") String currency,
        @JsonProperty(value = "fields", required = true) Map<String, FieldSpec> fields,
        @JsonProperty("rooms") RoomsSpec rooms) {

    /** Keywords (plain text, case and accents ignored) that identify the layout. */
    public record Recognise(@JsonProperty("all") List<String> all, @JsonProperty("any") List<String> any) {
    }

    /**
     * Where a field is printed. One rule inline, or several under {@code rules} tried in order.
     * <ul>
     *   <li>{@code label}: the printed label before a colon; the value follows (same line or the next).
     *       {@code value} narrows it with a regex; free text ends at a tab, a line end or the next label.</li>
     *   <li>{@code pattern}: a regex anywhere in the text with a named group {@code value}.</li>
     *   <li>{@code after}: a heading line; the value is the {@code line}-th line below it (default 1),
     *       or every line up to one matching {@code until}. {@code value} may then pick part of it.</li>
     * </ul>
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record FieldSpec(
            @JsonProperty("label") String label,
            @JsonProperty("pattern") String pattern,
            @JsonProperty("after") String after,
            @JsonProperty("line") Integer line,
            @JsonProperty("until") String until,
            @JsonProperty("skip") List<String> skip,
            @JsonProperty("value") String value,
            @JsonProperty("rules") List<FieldSpec> rules,
            @JsonProperty("required") boolean required,
            @JsonProperty("fallback") String fallback,
            @JsonProperty("empty") List<String> empty) {
    }

    /**
     * Rooms: each {@code start} match opens a room (groups number, category, adults, children,
     * mealPlan); lines matching {@code guest} below it (groups type, firstNames, lastNames) are its
     * guests, until the next room or {@code end}.
     */
    public record RoomsSpec(
            @JsonProperty(value = "start", required = true) String start,
            @JsonProperty("guest") List<String> guest,
            @JsonProperty("end") String end) {
    }
}
