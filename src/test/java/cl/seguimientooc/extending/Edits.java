package cl.seguimientooc.extending;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The edits of docs/EXTENDING.md, applied to a copy of routes/, templates/ and ladder.yaml as an
 * integration engineer would type them. Each replaced text must be found, so the page and the
 * shipped files cannot drift apart unnoticed.
 */
final class Edits {

    private Edits() {
    }

    static void apply(Path work, String webhookUrl) throws IOException {
        copy(Path.of("routes"), work.resolve("routes"));
        copy(Path.of("templates"), work.resolve("templates"));
        Files.copy(Path.of("ladder.yaml"), work.resolve("ladder.yaml"));

        // 1. A webhook when an OC is matched: a wireTap after the match step, and a route file of its own.
        String match = " ".repeat(24) + "method: \"storeOc(${body}, '{{postAction}}')\"\n";
        replace(work.resolve("routes/mail-intake.camel.yaml"), match, match
                + " ".repeat(20) + "- wireTap:\n"
                + " ".repeat(24) + "id: mail-oc-webhook\n"
                + " ".repeat(24) + "uri: direct:oc-webhook\n");
        Files.writeString(work.resolve("routes/oc-webhook.camel.yaml"), """
                # Tells the ERP of every OC matched to a reservation (POST, JSON).
                - route:
                    id: oc-webhook
                    from:
                      uri: direct:oc-webhook
                      steps:
                        - filter:
                            id: oc-webhook-matched
                            simple: "${body.outcome()} == 'procesado' && ${body.oc().get('id_reserva')} != null"
                            steps:
                              - setBody:
                                  id: oc-webhook-body
                                  simple: "${body.oc()}"
                              - marshal:
                                  id: oc-webhook-json
                                  json:
                                    library: Jackson
                              - removeHeaders:
                                  id: oc-webhook-clean
                                  pattern: "*"
                              - setHeader:
                                  id: oc-webhook-type
                                  name: Content-Type
                                  constant: application/json
                              - to:
                                  id: oc-webhook-post
                                  uri: "WEBHOOK"
                """.replace("WEBHOOK", webhookUrl), StandardCharsets.UTF_8);

        // 2. Post-actions per mailbox: settings only (see ExtendingTest#infrastructure).

        // 3. The SMTP retry policy: six tries at once, and "552" (mailbox full) retried later, not permanent.
        Path ladderRoute = work.resolve("routes/ladder.camel.yaml");
        replace(ladderRoute, "maximumRedeliveries: 2", "maximumRedeliveries: 5");
        replace(ladderRoute, "simple: \"${bean:smtpReplies?method=code} >= 500\"",
                "simple: \"${bean:smtpReplies?method=code} >= 500 && ${bean:smtpReplies?method=code} != 552\"");

        // 4. A courtesy level for one client: a variant in ladder.yaml, its template, and the client's "escalera".
        replace(work.resolve("ladder.yaml"), "variants:\n", """
                variants:
                  con_cortesia:
                    add:
                      - name: cortesia
                        days: 1
                        from: ultimatum
                        template: cortesia
                        to: cc
                """);
        Path t = work.resolve("templates");
        Files.writeString(t.resolve("cortesia.asunto.ftl"), "Cortesía: OC pendiente - Reserva ${reserva.id} - LOC ${reserva.loc}\n");
        Files.writeString(t.resolve("cortesia.txt.ftl"), """
                Estimado/a:

                Le escribimos por cortesía: la reserva ${reserva.id} (${reserva.agencia}) sigue sin orden de compra y será
                suspendida el ${suspension.fecha} a las ${suspension.hora}. Puede enviarla a ${oc.buzon}.
                """);
        Files.writeString(t.resolve("cortesia.html.ftl"), """
                <p>Estimado/a:</p>
                <p>Le escribimos por cortesía: la reserva <b>${reserva.id}</b> (${reserva.agencia}) sigue sin orden de
                compra y será suspendida el ${suspension.fecha} a las ${suspension.hora}. Puede enviarla a ${oc.buzon}.</p>
                """);
    }

    private static void replace(Path file, String find, String with) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.contains(find)) {
            throw new IllegalStateException(file + " ya no contiene el texto que docs/EXTENDING.md cambia:\n" + find);
        }
        Files.writeString(file, text.replace(find, with), StandardCharsets.UTF_8);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
