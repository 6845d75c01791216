package cl.seguimientooc.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.seguimientooc.Application;
import cl.seguimientooc.support.MailHarness;
import cl.seguimientooc.web.auth.Authenticator;
import cl.seguimientooc.web.auth.Role;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.BeanInject;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Users, sessions and roles against the real service: the login form and its cookie, throttling,
 * CSRF, cross-site writes, roles enforced on the server, API tokens, and the user in the audit trail.
 */
@CamelMainTest(mainClass = Application.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebLoginTest {

    static final String PASSWORD = "una-clave-larga-1";
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static MailHarness h;

    @BeanInject
    Authenticator auth;

    @BeforeAll
    static void infrastructure() throws Exception {
        h = new MailHarness("oc_web_login");
        h.configure("web.login.max.failures", "3");
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @BeforeEach
    void ready() throws Exception {
        h.awaitReady();
    }

    long user(String name, Role role) {
        var existing = auth.users().find(name);
        return existing != null ? existing.id() : auth.users().create(name, null, role, PASSWORD, "prueba");
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + h.webPort + path));
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in through the form; returns the session cookie. */
    String login(String user, String password) throws Exception {
        HttpResponse<String> form = send(request("/login"));
        String token = find(form.body(), "name=\"_csrf\" value=\"([^\"]+)\"");
        HttpResponse<String> r = send(request("/login").header("Cookie", "soc_ingreso=" + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token + "&siguiente=%2Freservas&usuario="
                        + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&clave=" + URLEncoder.encode(password, StandardCharsets.UTF_8))));
        if (r.statusCode() != 303) {
            return "fallo:" + r.statusCode() + ":" + r.body();
        }
        assertEquals("/reservas", r.headers().firstValue("Location").orElse(""));
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("soc_sesion=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"), cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP here: Secure only behind TLS");
        return cookie.substring(0, cookie.indexOf(';'));
    }

    static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in " + text);
        return m.group(1);
    }

    @Test
    void theLoginFormOpensASessionAndLogoutReallyEndsIt() throws Exception {
        HttpResponse<String> anonymous = send(request("/reservas?estado=pendiente").header("Accept", "text/html"));
        assertEquals(303, anonymous.statusCode(), "a browser is sent to the login page");
        assertEquals("/login?siguiente=%2Freservas%3Festado%3Dpendiente", anonymous.headers().firstValue("Location").orElse(""));

        String session = login(MailHarness.ADMIN_USER, MailHarness.ADMIN_PASSWORD);
        HttpResponse<String> home = send(request("/").header("Cookie", session));
        assertEquals(200, home.statusCode(), home.body());
        assertTrue(home.body().contains("id=\"tarjeta-pendientes\"") && home.body().contains("Vencen hoy"), home.body());
        String csp = home.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self';") && !csp.contains("unsafe-inline") && csp.contains("frame-ancestors 'none'"), csp);
        assertFalse(home.body().contains("<script>"), "no inline script");
        String csrf = find(home.body(), "<meta name=\"csrf\" content=\"([^\"]+)\"");

        HttpResponse<String> forged = send(request("/salir").header("Cookie", session).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, forged.statusCode(), "a POST without the CSRF token is refused");
        assertTrue(forged.body().contains("CSRF"), forged.body());
        HttpResponse<String> wrongToken = send(request("/api/process-now").header("Cookie", session).header("X-CSRF-Token", "otro")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, wrongToken.statusCode());
        HttpResponse<String> run = send(request("/api/process-now").header("Cookie", session).header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, run.statusCode(), run.body());

        HttpResponse<String> out = send(request("/salir").header("Cookie", session).header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(303, out.statusCode(), out.body());
        assertEquals(401, send(request("/api/stats").header("Cookie", session)).statusCode(), "the old cookie opens nothing");
        assertEquals(303, send(request("/").header("Cookie", session).header("Accept", "text/html")).statusCode());
    }

    @Test
    void wrongPasswordsLockTheUserNameButNotOthers() throws Exception {
        user("tecla", Role.OPERADOR);
        user("vecina", Role.OPERADOR);
        assertTrue(login("tecla", "equivocada-1").startsWith("fallo:401"));
        assertTrue(login("tecla", "equivocada-2").startsWith("fallo:401"));
        String third = login("tecla", "equivocada-3");
        assertTrue(third.startsWith("fallo:429") && third.contains("Demasiados intentos fallidos"), third);
        String right = login("tecla", PASSWORD);
        assertTrue(right.startsWith("fallo:429"), "locked even with the right password: " + right);
        assertEquals(401, send(request("/api/stats").header("Authorization", basic("tecla"))).statusCode(), "Basic is locked too");
        assertTrue(login("vecina", PASSWORD).startsWith("soc_sesion="), "another user of the same address still logs in");
        assertEquals(3, ((Number) h.scalar("SELECT failures FROM login_failure WHERE key = 'usuario:tecla'")).intValue());
    }

    @Test
    void aLectorReadsButCannotActAndOnlyAdminsSeeUsers() throws Exception {
        user("lectora", Role.LECTOR);
        assertEquals(200, send(request("/api/reservas").header("Authorization", basic("lectora"))).statusCode());
        HttpResponse<String> act = send(request("/api/reservas/X1/pausar").header("Authorization", basic("lectora"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"motivo\":\"x\"}")));
        assertEquals(403, act.statusCode(), act.body());
        assertTrue(act.body().contains("se requiere «operador»"), act.body());
        assertEquals(403, send(request("/usuarios").header("Authorization", basic("lectora"))).statusCode());
        user("operadora", Role.OPERADOR);
        assertEquals(403, send(request("/api/test/clock").header("Authorization", basic("operadora"))
                .POST(HttpRequest.BodyPublishers.ofString("+1d"))).statusCode(), "the test clock is the admin's");
    }

    @Test
    void apiTokensWorkUntilRevokedAndCrossSiteWritesAreRefused() throws Exception {
        long id = user("integracion", Role.OPERADOR);
        String token = auth.sessions().createToken(id, "contabilidad");
        assertTrue(token.startsWith("soc_"));
        assertEquals(200, send(request("/api/stats").header("Authorization", "Bearer " + token)).statusCode());
        HttpResponse<String> crossSite = send(request("/api/process-now").header("Authorization", "Bearer " + token)
                .header("Origin", "http://sitio-ajeno.example").POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, crossSite.statusCode(), crossSite.body());
        assertTrue(auth.sessions().revoke(id, auth.sessions().tokens(id).get(0).id()));
        assertEquals(401, send(request("/api/stats").header("Authorization", "Bearer " + token)).statusCode());
        assertNotNull(h.scalar("SELECT last_used_at FROM api_token WHERE user_id = ?", id), "its last use is shown on the page");
    }

    @Test
    void aManualActionIsAuditedWithItsUser() throws Exception {
        user("operador-audit", Role.OPERADOR);
        HttpResponse<String> client = send(request("/api/clientes").header("Authorization", basic("operador-audit"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"nombre\": \"Cliente Auditoría\", \"requiere_oc\": true, \"correos\": [\"oc@auditoria.cl\"]}")));
        assertEquals(201, client.statusCode(), client.body());
        long clientId = MailHarness.JSON.readTree(client.body()).path("id").asLong();
        cl.seguimientooc.support.TestReservations.pending(h.dbUrl, clientId, "Cliente Auditoría", 1, java.time.Instant.now());
        HttpResponse<String> pause = send(request("/api/reservas/" + "Cliente Auditoría".replaceAll("\\W", "").toUpperCase() + "0/pausar").header("Authorization", basic("operador-audit"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"motivo\": \"cliente de vacaciones\"}")));
        assertEquals(200, pause.statusCode(), pause.body());
        assertEquals("operador-audit", h.scalar("SELECT actor FROM audit_event WHERE action = 'escalera_pausada' ORDER BY id DESC LIMIT 1"));
        assertEquals("operador-audit", h.scalar("SELECT actor FROM audit_event WHERE action LIKE 'cliente%' ORDER BY id DESC LIMIT 1"));
        String code = "Cliente Auditoría".replaceAll("\\W", "").toUpperCase() + "0";
        HttpResponse<String> cancel = send(request("/api/reservas/" + code + "/cancelar").header("Authorization", basic("operador-audit"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"motivo\": \"viaje anulado\"}")));
        assertEquals(200, cancel.statusCode(), cancel.body());
        assertEquals("cancelada", h.scalar("SELECT status FROM reservation WHERE reservation_code = ?", code));
        assertEquals("operador-audit", h.scalar("SELECT actor FROM audit_event WHERE action = 'reserva_cancelada'"));
        HttpResponse<String> again = send(request("/api/reservas/" + code + "/cancelar").header("Authorization", basic("operador-audit"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"motivo\": \"otra vez\"}")));
        assertEquals(409, again.statusCode(), again.body());
        HttpResponse<String> page = send(request("/reservas/" + code).header("Authorization", basic("operador-audit")));
        assertTrue(page.body().contains("reserva cancelada — operador-audit") && page.body().contains("motivo: viaje anulado"), page.body());
    }

    @Test
    void everyPageRendersInSpanishForEachRole() throws Exception {
        user("lector-paginas", Role.LECTOR);
        String[] pages = {"/", "/?fragmento=1", "/reservas?q=nadie&estado=pendiente", "/oc-sin-asignar", "/mensajes?resultado=error",
            "/clientes", "/agenda?dias=10", "/calendario?anio=2026", "/plantillas?plantilla=recordatorio", "/plantillas/vista?plantilla=ultimatum",
            "/cuenta"};
        for (String who : new String[] {MailHarness.ADMIN_USER, "lector-paginas"}) {
            String auth = who.equals(MailHarness.ADMIN_USER) ? MailHarness.AUTHORIZATION : basic(who);
            for (String page : pages) {
                HttpResponse<String> r = send(request(page).header("Authorization", auth));
                assertEquals(200, r.statusCode(), who + " " + page + ": " + r.body());
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page);
                assertFalse(r.body().contains("${"), page + " has no unrendered placeholder");
            }
        }
        HttpResponse<String> users = send(request("/usuarios").header("Authorization", MailHarness.AUTHORIZATION));
        assertEquals(200, users.statusCode(), users.body());
        assertTrue(users.body().contains("lector-paginas"));
        HttpResponse<String> csv = send(request("/reservas.csv?estado=pendiente").header("Authorization", MailHarness.AUTHORIZATION));
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.body().startsWith("\uFEFFid_reserva;loc_interno"), csv.body());
        HttpResponse<String> missing = send(request("/reservas/NO-EXISTE").header("Authorization", MailHarness.AUTHORIZATION));
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("no existe la reserva «NO-EXISTE»"), missing.body());
        HttpResponse<String> preview = send(request("/plantillas/vista?plantilla=recordatorio").header("Authorization", MailHarness.AUTHORIZATION));
        assertTrue(preview.headers().firstValue("Content-Security-Policy").orElse("").contains("sandbox"), "the e-mail preview runs nothing");
    }

    @Test
    void theClientFormSendsLadderDaysAsText() throws Exception {
        HttpResponse<String> saved = send(request("/api/clientes").header("Authorization", MailHarness.AUTHORIZATION)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"nombre\": \"Dias SpA\", \"requiere_oc\": \"true\", \"dias_escalera\": \"recordatorio=3; ultimatum=6\","
                                + " \"alias\": \"Días Sociedad Anónima\\nDIAS SA\"}")));
        assertEquals(201, saved.statusCode(), saved.body());
        assertEquals("{\"ultimatum\": 6, \"recordatorio\": 3}", h.scalar("SELECT ladder_days::text FROM client WHERE name = 'Dias SpA'"));
        assertEquals(2L, ((Number) h.scalar("SELECT count(*) FROM client_alias a JOIN client c ON c.id = a.client_id"
                + " WHERE c.name = 'Dias SpA'")).longValue(), "one alias per line, spaces kept");
        HttpResponse<String> wrong = send(request("/api/clientes").header("Authorization", MailHarness.AUTHORIZATION)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"nombre\": \"Dias SpA\", \"dias_escalera\": \"recordatorio tres\"}")));
        assertEquals(400, wrong.statusCode(), wrong.body());
        assertTrue(wrong.body().contains("recordatorio=3;ultimatum=5"), wrong.body());
        HttpResponse<String> page = send(request("/clientes").header("Authorization", MailHarness.AUTHORIZATION));
        assertTrue(page.body().contains("value=\"ultimatum=6; recordatorio=3\"") || page.body().contains("value=\"recordatorio=3; ultimatum=6\""),
                "the form shows the days as they are typed");
    }

    HttpResponse<String> postJson(String path, String cookie, String csrf, String json) throws Exception {
        return send(request(path).header("Cookie", cookie).header("X-CSRF-Token", csrf).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    String csrfOf(String cookie) throws Exception {
        return find(send(request("/cuenta").header("Cookie", cookie)).body(), "<meta name=\"csrf\" content=\"([^\"]+)\"");
    }

    @Test
    void aPasswordChangeEndsTheOtherSessionsAndIdleSessionsExpire() throws Exception {
        user("cambiante", Role.OPERADOR);
        String first = login("cambiante", PASSWORD);
        String second = login("cambiante", PASSWORD);
        String csrf = csrfOf(first);
        HttpResponse<String> wrong = postJson("/api/cuenta/clave", first, csrf, "{\"actual\": \"no-es\", \"nueva\": \"otra-clave-larga\"}");
        assertEquals(400, wrong.statusCode(), wrong.body());
        HttpResponse<String> weak = postJson("/api/cuenta/clave", first, csrf, "{\"actual\": \"" + PASSWORD + "\", \"nueva\": \"corta\"}");
        assertTrue(weak.body().contains("al menos 10 caracteres"), weak.body());
        HttpResponse<String> ok = postJson("/api/cuenta/clave", first, csrf, "{\"actual\": \"" + PASSWORD + "\", \"nueva\": \"otra-clave-larga\"}");
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(200, send(request("/api/stats").header("Cookie", first)).statusCode(), "this session goes on");
        assertEquals(401, send(request("/api/stats").header("Cookie", second)).statusCode(), "the other one is closed");
        assertTrue(login("cambiante", PASSWORD).startsWith("fallo:401"), "the old password is gone");
        assertTrue(login("cambiante", "otra-clave-larga").startsWith("soc_sesion="));
        h.query("UPDATE web_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = (SELECT id FROM app_user"
                + " WHERE username = 'cambiante') RETURNING 1");
        assertEquals(401, send(request("/api/stats").header("Cookie", first)).statusCode(), "idle for longer than 30 minutes");
    }

    @Test
    void adminsManageUsersAndTokensButNeverLoseTheLastAdmin() throws Exception {
        String admin = login(MailHarness.ADMIN_USER, MailHarness.ADMIN_PASSWORD);
        String csrf = csrfOf(admin);
        HttpResponse<String> created = postJson("/api/usuarios", admin, csrf,
                "{\"usuario\": \"nueva.operadora\", \"nombre\": \"Nueva\", \"rol\": \"operador\", \"clave\": \"" + PASSWORD + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        long id = MailHarness.JSON.readTree(created.body()).path("id").asLong();
        assertEquals(409, postJson("/api/usuarios", admin, csrf, "{\"usuario\": \"Nueva.Operadora\", \"rol\": \"lector\","
                + " \"clave\": \"" + PASSWORD + "\"}").statusCode(), "names are unique whatever their case");
        String hers = login("nueva.operadora", PASSWORD);
        HttpResponse<String> token = postJson("/api/cuenta/tokens", hers, csrfOf(hers), "{\"nombre\": \"planilla\"}");
        assertEquals(201, token.statusCode(), token.body());
        String secret = MailHarness.JSON.readTree(token.body()).path("token").asText();
        assertEquals(200, send(request("/api/stats").header("Authorization", "Bearer " + secret)).statusCode());
        assertEquals(200, postJson("/api/usuarios/" + id, admin, csrf, "{\"activo\": false}").statusCode());
        assertEquals(401, send(request("/api/stats").header("Cookie", hers)).statusCode(), "a deactivated user's session ends");
        assertEquals(401, send(request("/api/stats").header("Authorization", "Bearer " + secret)).statusCode(), "and its tokens");
        long adminId = auth.users().find(MailHarness.ADMIN_USER).id();
        for (var u : auth.users().list()) {
            if (u.role() == Role.ADMIN && u.id() != adminId) {
                auth.users().update(u.id(), Role.LECTOR, u.active());
            }
        }
        HttpResponse<String> last = postJson("/api/usuarios/" + adminId, admin, csrf, "{\"rol\": \"lector\"}");
        assertEquals(409, last.statusCode(), last.body());
        assertTrue(last.body().contains("único administrador activo"), last.body());
    }

    @Test
    void requestHeadersAndQueryParametersNeverBecomeResponseHeaders() throws Exception {
        HttpResponse<String> r = send(request("/api/stats?Set-Cookie=soc_sesion%3Dajena&Location=http://otro.example&x=1")
                .header("Authorization", MailHarness.AUTHORIZATION).header("X-Secreto", "eco")
                .header("Content-Security-Policy", "default-src *"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().allValues("Set-Cookie").isEmpty(), r.headers().toString());
        assertTrue(r.headers().firstValue("Location").isEmpty(), r.headers().toString());
        assertTrue(r.headers().firstValue("X-Secreto").isEmpty() && r.headers().firstValue("x").isEmpty(), r.headers().toString());
        assertEquals("default-src 'none'; frame-ancestors 'none'", r.headers().firstValue("Content-Security-Policy").orElse(""));
        HttpResponse<String> page = send(request("/reservas?Set-Cookie=soc_sesion%3Dajena").header("Authorization", MailHarness.AUTHORIZATION));
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().allValues("Set-Cookie").isEmpty(), page.headers().toString());
        HttpResponse<String> form = send(request("/login?siguiente=%2F"));
        assertTrue(form.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("soc_ingreso=")), "our own cookies stay");
    }
}
