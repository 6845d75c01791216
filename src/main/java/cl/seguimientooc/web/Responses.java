package cl.seguimientooc.web;

import org.apache.camel.Exchange;

/** The API's JSON answers. */
final class Responses {

    private Responses() {
    }

    static String json(Exchange exchange, String body) {
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
        return body;
    }
}
