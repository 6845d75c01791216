package cl.seguimientooc.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A local OAuth2 token endpoint over HTTPS, with a certificate made for 127.0.0.1 and localhost by
 * the JDK's keytool (its key store doubles as the service's MAIL_TRUSTSTORE). Each request's form is
 * recorded; {@code answer} maps the form to a status and a JSON body.
 */
public final class TokenEndpoint implements AutoCloseable {

    public static final String STORE_PASSWORD = "changeit";

    public record Answer(int status, String json) {
    }

    public final Path keyStore;
    private final HttpsServer server;
    public final List<Map<String, String>> requests = Collections.synchronizedList(new ArrayList<>());

    public TokenEndpoint(Function<Map<String, String>, Answer> answer) throws Exception {
        keyStore = localhostKeyStore();
        KeyStore ks = KeyStore.getInstance(keyStore.toFile(), STORE_PASSWORD.toCharArray());
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, STORE_PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> handle(exchange, answer));
        server.start();
    }

    /** A new PKCS12 key store (password {@link #STORE_PASSWORD}) with a certificate for localhost and 127.0.0.1. */
    public static Path localhostKeyStore() throws Exception {
        Path keyStore = Files.createTempDirectory("oc-tls").resolve("local.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "local", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD).redirectErrorStream(true).start();
        String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool: " + out);
        }
        return keyStore;
    }

    public String url(String path) {
        return "https://localhost:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange, Function<Map<String, String>, Answer> answer) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_path", exchange.getRequestURI().getPath());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        requests.add(form);
        Answer a = answer.apply(form);
        byte[] json = a.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(a.status(), json.length);
        exchange.getResponseBody().write(json);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
