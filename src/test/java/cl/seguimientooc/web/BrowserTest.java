package cl.seguimientooc.web;

import static cl.seguimientooc.support.MailHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cl.seguimientooc.Application;
import cl.seguimientooc.extraction.TestPdfs;
import cl.seguimientooc.support.MailHarness;
import cl.seguimientooc.support.MailHarness.Attachment;
import cl.seguimientooc.web.auth.Authenticator;
import cl.seguimientooc.web.auth.Role;
import java.time.Duration;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (headless Chromium) against the real service, PostgreSQL and
 * GreenMail: what a person does with it, step by step. Screenshots go to target/screenshots (the
 * current ones are copied to docs/screenshots).
 */
@CamelMainTest(mainClass = Application.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {

    static final String EVIL = "<script>alert('x')</script>";
    static final String AGENCY = "CONSTRUCTORA ANDES LTDA.";
    static final String CODE = "88001234";
    static final String PASSWORD = "clave-del-lector-1";
    static MailHarness h;
    static ChromeDriver browser;
    static String loc;

    @BeanInject
    CamelContext context;

    @BeanInject
    Authenticator auth;

    @BeforeAll
    static void infrastructure() throws Exception {
        h = new MailHarness("oc_browser");
        h.user("confirmaciones@agencia.cl", "confirmaciones", "secreto");
        h.user("oc@agencia.cl", "oc", "secreto");
        h.configure("imap.host", "localhost", "imap.port", String.valueOf(h.imapPort()), "imap.use.ssl", "false",
                "imap.username", "confirmaciones", "imap.password", "secreto", "web.login.max.failures", "3",
                "oc.inbox.host", "localhost", "oc.inbox.port", String.valueOf(h.imapPort()), "oc.inbox.use.ssl", "false",
                "oc.inbox.username", "oc", "oc.inbox.password", "secreto",
                "oc.files.dir", java.nio.file.Files.createTempDirectory("oc-archivos").toString());
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        h.close();
    }

    @BeforeEach
    void ready() throws Exception {
        h.awaitReady();
    }

    String url(String path) {
        return "http://localhost:" + h.webPort + path;
    }

    WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    void login(String user, String password) {
        browser.get(url("/login"));
        browser.findElement(By.id("usuario")).sendKeys(user);
        browser.findElement(By.id("clave")).sendKeys(password);
        WebElement button = browser.findElement(By.id("ingresar"));
        button.click();
        waiting().until(d -> gone(button)); // the answer's page, not the form still showing
    }

    /**
     * Whether an element left the page. ChromeDriver sometimes says so as "unknown error: … Node with
     * given id does not belong to the document" instead of a stale-element error (seen on CI once).
     */
    static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** fetch() from the page, as a forged request would be; returns the status. */
    long post(String path, boolean withToken) {
        return (Long) browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "var h = {'Content-Type': 'application/json'};"
                + (withToken ? "h['X-CSRF-Token'] = document.querySelector('meta[name=csrf]').content;" : "")
                + "fetch(arguments[0], {method: 'POST', headers: h, body: '{\"motivo\": \"prueba\"}'})"
                + ".then(function (r) { done(r.status); });", path);
    }

    @Test
    @Order(1)
    void aWrongPasswordIsRefusedThenThrottled() throws Exception {
        auth.users().create("bloqueable", null, Role.OPERADOR, PASSWORD, "prueba");
        for (int i = 1; i <= 2; i++) {
            login("bloqueable", "no-es-la-clave");
            assertEquals("Usuario o contraseña incorrectos.", browser.findElement(By.id("error-ingreso")).getText());
        }
        login("bloqueable", "no-es-la-clave");
        assertTrue(browser.findElement(By.id("error-ingreso")).getText().startsWith("Demasiados intentos fallidos"));
        Browser.screenshot(browser, "ingreso-bloqueado");
        login("bloqueable", PASSWORD);
        assertTrue(browser.findElement(By.id("error-ingreso")).getText().startsWith("Demasiados intentos fallidos"),
                "the right password does not open a locked user");
    }

    @Test
    @Order(2)
    void theAdminLogsInAndSeesTheHomePage() throws Exception {
        h.post("/api/clientes", "application/json",
                "{\"nombre\": \"" + AGENCY + "\", \"requiere_oc\": true, \"correos\": [\"compras@andes.cl\"]}");
        h.append("confirmaciones", "secreto", MailHarness.mail("reservasonline@hotelsales.cl", "Confirmación " + CODE,
                "Adjunto resumen", Attachment.pdf("Resumen de servicios.pdf", TestPdfs.hostile(CODE, AGENCY, EVIL))), false);
        await("confirmation stored", () -> h.get("/api/reservas/" + CODE).statusCode() == 200);
        loc = h.getJson("/api/reservas/" + CODE).path("loc_interno").asText();

        browser.get(url("/reservas"));
        assertTrue(browser.getCurrentUrl().contains("/login?siguiente="), "a page needs a login: " + browser.getCurrentUrl());
        browser.findElement(By.id("usuario")).sendKeys(MailHarness.ADMIN_USER);
        browser.findElement(By.id("clave")).sendKeys(MailHarness.ADMIN_PASSWORD);
        browser.findElement(By.id("ingresar")).click();
        waiting().until(ExpectedConditions.urlMatches("^http://localhost:\\d+/reservas$")); // not /login?siguiente=%2Freservas
        browser.get(url("/"));
        assertEquals(MailHarness.ADMIN_USER, browser.findElement(By.id("usuario-actual")).getText());
        assertTrue(browser.findElement(By.id("tarjeta-pendientes")).getText().contains("Pendientes"));
        Browser.screenshot(browser, "inicio");
    }

    @Test
    @Order(3)
    void aReservationIsFoundByLocAndItsPdfTextIsShownAsText() throws Exception {
        browser.get(url("/reservas"));
        browser.findElement(By.id("buscar")).sendKeys(loc);
        browser.findElement(By.id("filtrar")).click();
        waiting().until(ExpectedConditions.urlContains("q="));
        assertEquals(1, browser.findElements(By.cssSelector("#tabla-reservas tbody tr")).size());
        Browser.screenshot(browser, "reservas");
        browser.findElement(By.linkText(CODE)).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("hotel")));
        assertTrue(browser.findElement(By.id("hotel")).getText().contains(EVIL), "markup from the PDF is text");
        assertTrue(browser.findElements(By.cssSelector("#hotel script")).isEmpty(), "and never an element");
        String pdfLink = browser.findElement(By.linkText("PDF de la confirmación")).getAttribute("href");
        java.net.http.HttpResponse<String> pdf = h.get(new java.net.URI(pdfLink).getPath());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        Browser.screenshot(browser, "reserva");
    }

    @Test
    @Order(4)
    void aPostWithoutTheCsrfTokenIsRefused() {
        browser.get(url("/reservas/" + CODE));
        assertEquals(403L, post("/api/reservas/" + CODE + "/pausar", false));
    }

    @Test
    @Order(5)
    void theOperatorMarksTheOcReceived() throws Exception {
        browser.get(url("/reservas/" + CODE));
        browser.findElement(By.id("numero-oc")).sendKeys("OC-4455");
        java.nio.file.Path ocFile = java.nio.file.Files.createTempDirectory("oc").resolve("OC-4455.pdf");
        java.nio.file.Files.write(ocFile, TestPdfs.realSample());
        browser.findElement(By.id("archivo-oc")).sendKeys(ocFile.toAbsolutePath().toString());
        browser.findElement(By.id("marcar-oc")).click();
        waiting().until(ExpectedConditions.alertIsPresent()).accept();
        waiting().until(d -> d.findElement(By.id("ficha")).getText().contains("recibida"));
        assertEquals("recibida", h.getJson("/api/reservas/" + CODE).path("estado").asText());
        assertTrue(browser.findElement(By.id("linea-de-tiempo")).getText().contains("oc recibida — " + MailHarness.ADMIN_USER),
                browser.findElement(By.id("linea-de-tiempo")).getText());
        String fileLink = browser.findElement(By.linkText("OC-4455.pdf")).getAttribute("href");
        java.net.http.HttpResponse<byte[]> stored = java.net.http.HttpClient.newHttpClient().send(
                h.request(new java.net.URI(fileLink).getPath()).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, stored.statusCode());
        assertTrue(java.util.Arrays.equals(TestPdfs.realSample(), stored.body()), "the uploaded OC file is stored as sent");
    }

    @Test
    @Order(6)
    void anUnmatchedOcIsAssignedByHand() throws Exception {
        String other = "88005678";
        h.append("confirmaciones", "secreto", MailHarness.mail("reservasonline@hotelsales.cl", "Confirmación " + other,
                "Adjunto resumen", Attachment.pdf("Resumen de servicios.pdf", TestPdfs.confirmation(3, AGENCY, other, 90_000))), false);
        await("second confirmation stored", () -> h.get("/api/reservas/" + other).statusCode() == 200);
        h.append("oc", "secreto", MailHarness.mail("abastecimiento@desconocida.cl", "Orden de compra 7788",
                "Adjuntamos la orden de compra.", Attachment.pdf("OC-7788.pdf", TestPdfs.realSample())), false);
        await("OC waiting", () -> h.getJson("/api/oc/sin-asignar").path("total").asInt() == 1);
        browser.get(url("/oc-sin-asignar"));
        WebElement card = browser.findElement(By.cssSelector(".tarjeta-oc"));
        assertTrue(card.getText().contains("abastecimiento@desconocida.cl") && card.getText().contains("Motivo:"), card.getText());
        assertEquals("OC-7788.pdf", card.findElement(By.partialLinkText("OC-7788")).getText(), "the file can be opened");
        Browser.screenshot(browser, "oc-sin-asignar");
        card.findElement(By.cssSelector("input.otro-id")).sendKeys(other);
        card.findElement(By.cssSelector("button.asignar")).click();
        waiting().until(ExpectedConditions.alertIsPresent()).accept();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("cola-vacia")));
        assertEquals("recibida", h.getJson("/api/reservas/" + other).path("estado").asText());
    }

    @Test
    @Order(7)
    void clientsAreImportedAfterAPreview() throws Exception {
        java.nio.file.Path csv = java.nio.file.Files.createTempFile("clientes", ".csv");
        java.nio.file.Files.writeString(csv, "nombre_agencia,requiere_oc,correos\nMINERA NORTE SpA,SI,oc@mineranorte.cl\n"
                + AGENCY + ",SI,compras@andes.cl\nSIN CORREO VALIDO,SI,no-es-correo\n");
        browser.get(url("/clientes"));
        browser.findElement(By.id("archivo-csv")).sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.id("previsualizar")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("vista-previa")));
        String preview = browser.findElement(By.id("resumen-importacion")).getText();
        assertTrue(preview.contains("Se crearían 1 MINERA NORTE SpA") && preview.contains("Sin cambios 1"), preview);
        assertTrue(browser.findElement(By.id("errores-importacion")).getText().contains("Línea 4"),
                browser.findElement(By.id("errores-importacion")).getText());
        assertEquals(0L, ((Number) h.scalar("SELECT count(*) FROM client WHERE name = 'MINERA NORTE SpA'")).longValue(),
                "the preview saves nothing");
        Browser.screenshot(browser, "clientes-importar");
        browser.findElement(By.id("aplicar-importacion")).click();
        waiting().until(ExpectedConditions.alertIsPresent()).accept();
        await("imported", () -> ((Number) h.scalar("SELECT count(*) FROM client WHERE name = 'MINERA NORTE SpA'")).longValue() == 1);
    }

    @Test
    @Order(8)
    void theOtherPagesOpen() throws Exception {
        for (String[] page : new String[][] {{"/agenda", "agenda"}, {"/calendario?anio=2026", "calendario"},
                {"/plantillas?plantilla=ultimatum&reserva=" + CODE, "plantillas"}, {"/mensajes", "mensajes"},
                {"/usuarios", "usuarios"}, {"/cuenta", "cuenta"}}) {
            browser.get(url(page[0]));
            assertTrue(browser.findElements(By.cssSelector(".error")).stream().noneMatch(WebElement::isDisplayed), page[0]);
            Browser.screenshot(browser, page[1]);
        }
        browser.get(url("/plantillas?plantilla=ultimatum&reserva=" + CODE));
        assertTrue(browser.findElement(By.id("asunto-plantilla")).getText().contains(CODE));
        browser.get(url("/docs"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));
        assertTrue(browser.findElements(By.cssSelector(".opblock")).size() > 20, "Swagger UI lists the API with the session");
        Browser.screenshot(browser, "docs");
        WebElement run = browser.findElement(By.xpath("//div[contains(@class,'opblock-post')]"
                + "[.//*[@data-path='/api/process-now']]"));
        run.findElement(By.cssSelector(".opblock-summary")).click();
        waiting().until(d -> !run.findElements(By.cssSelector(".try-out__btn")).isEmpty());
        run.findElement(By.cssSelector(".try-out__btn")).click();
        waiting().until(d -> !run.findElements(By.cssSelector(".btn.execute")).isEmpty());
        run.findElement(By.cssSelector(".btn.execute")).click();
        waiting().until(d -> !run.findElements(By.cssSelector(".live-responses-table tbody .response-col_status")).isEmpty());
        assertEquals("200", run.findElement(By.cssSelector(".live-responses-table tbody .response-col_status")).getText().strip(),
                "a write from Swagger UI carries the session's CSRF token and goes to this origin");
    }

    @Test
    @Order(9)
    void aUserWhoLogsOutIsReallyOut() {
        browser.get(url("/"));
        browser.findElement(By.id("salir")).click();
        waiting().until(ExpectedConditions.urlContains("/login"));
        assertTrue(browser.findElement(By.id("mensaje-salida")).getText().contains("sesión se cerró"));
        browser.get(url("/reservas/" + CODE));
        assertTrue(browser.getCurrentUrl().contains("/login"), "back to the login page: " + browser.getCurrentUrl());
    }

    @Test
    @Order(10)
    void aLectorSeesNoActionsAndAForgedPostIsRefused() throws Exception {
        auth.users().create("lector", null, Role.LECTOR, PASSWORD, "prueba");
        login("lector", PASSWORD);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("usuario-actual")));
        browser.get(url("/reservas/" + CODE));
        assertTrue(browser.findElements(By.id("acciones")).isEmpty(), "no action buttons for a lector");
        assertEquals(403L, post("/api/reservas/" + CODE + "/pausar", true), "the server refuses it too");
        WebElement nav = browser.findElement(By.tagName("nav"));
        assertFalse(nav.getText().contains("Usuarios"));
    }
}
