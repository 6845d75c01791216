package cl.seguimientooc.web.pages;

import java.util.Map;

/** A page to render: its template under {@code web/} and the model the template reads. */
public record Page(String template, Map<String, Object> model) {
}
