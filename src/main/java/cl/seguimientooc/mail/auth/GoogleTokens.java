package cl.seguimientooc.mail.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * Gmail / Google Workspace XOAUTH2: an access token from a refresh token (the "refresh_token" grant).
 * The token is reused until a minute before it expires. When Google answers with a new refresh
 * token, it is stored (RefreshTokenStore) and used from then on, by every replica. Without a store
 * (the diagnostics commands, which may run with the database away) the configured token is used.
 */
public final class GoogleTokens implements TokenSource {

    public static final String DEFAULT_URL = "https://oauth2.googleapis.com/token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_RESPONSE = 64 * 1024;

    private final String account;
    private final URI tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final String configuredRefreshToken;
    private final RefreshTokenStore store;
    private final HttpClient http;
    private final Clock clock;
    private String accessToken;
    private Instant expiresAt = Instant.MIN;

    public GoogleTokens(String account, String tokenUrl, String clientId, String clientSecret, String refreshToken,
                        RefreshTokenStore store, SSLContext tls, Clock clock) {
        this.account = account;
        this.tokenUrl = URI.create(tokenUrl.isEmpty() ? DEFAULT_URL : tokenUrl);
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.configuredRefreshToken = refreshToken;
        this.store = store;
        this.clock = clock;
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (tls != null) {
            b.sslContext(tls);
        }
        this.http = b.build();
    }

    @Override
    public synchronized String accessToken() {
        if (accessToken != null && clock.instant().isBefore(expiresAt)) {
            return accessToken;
        }
        String refresh = store == null ? configuredRefreshToken : store.current(account, configuredRefreshToken);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        form.put("refresh_token", refresh);
        HttpRequest request = HttpRequest.newBuilder(tokenUrl).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")))).build();
        HttpResponse<java.io.InputStream> response;
        byte[] answer;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream in = response.body()) { // at most 64 KB are read: a token answer is a few hundred bytes
                answer = in.readNBytes(MAX_RESPONSE + 1);
            }
        } catch (IOException e) {
            throw new MailLoginException("no se pudo obtener un token de Google en " + tokenUrl + ": " + e.getMessage()
                    + " (revise la red, el proxy y MAIL_TRUSTSTORE)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailLoginException("interrumpido mientras se pedía un token de Google", e);
        }
        JsonNode body = parse(answer);
        if (response.statusCode() != 200 || !body.hasNonNull("access_token")) {
            String error = body.path("error").asText("");
            String detail = body.path("error_description").asText("");
            throw new MailLoginException(switch (error) {
                case "invalid_grant" -> "Google rechazó el token de actualización de " + account + " (vencido o revocado"
                        + (detail.isEmpty() ? "" : ": " + detail) + "). Genere uno nuevo y póngalo en el *_OAUTH_REFRESH_TOKEN de ese buzón";
                case "invalid_client", "unauthorized_client" -> "Google rechazó la aplicación OAuth (" + error
                        + "): revise OAUTH_CLIENT_ID y OAUTH_CLIENT_SECRET";
                default -> "Google no entregó un token (HTTP " + response.statusCode() + (error.isEmpty() ? "" : ", " + error)
                        + (detail.isEmpty() ? "" : ": " + detail) + ")";
            }, null);
        }
        accessToken = body.get("access_token").asText();
        long seconds = body.path("expires_in").asLong(3600);
        expiresAt = clock.instant().plusSeconds(Math.max(0, seconds - 60));
        String renewed = body.path("refresh_token").asText("");
        if (!renewed.isEmpty() && !renewed.equals(refresh) && store != null) {
            store.save(account, configuredRefreshToken, renewed);
        }
        return accessToken;
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0 || body.length > MAX_RESPONSE) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode n = JSON.readTree(body);
            return n == null || !n.isObject() ? JSON.createObjectNode() : n;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
