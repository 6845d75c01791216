package cl.seguimientooc.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Who may do what, by method and path, and what a password must be. */
class AccessRulesTest {

    @ParameterizedTest(name = "{0} {1} needs {2}")
    @CsvSource({
        "GET, /, LECTOR",
        "GET, /reservas/123, LECTOR",
        "GET, /api/reservas, LECTOR",
        "HEAD, /api/stats, LECTOR",
        "GET, /observe/metrics, LECTOR",
        "GET, /usuarios, ADMIN",
        "GET, /api/usuarios, ADMIN",
        "POST, /api/usuarios/3, ADMIN",
        "POST, /api/test/clock, ADMIN",
        "DELETE, /api/test/clock, ADMIN",
        "POST, /api/reservas/1/pausar, OPERADOR",
        "POST, /api/reservas/1/cancelar, OPERADOR",
        "DELETE, /api/calendario/feriados/2026-01-01, OPERADOR",
        "POST, /api/clientes/importar, OPERADOR",
        "POST, /api/process-now, OPERADOR",
        "PUT, /api/algo, OPERADOR",
        "POST, /salir, LECTOR",
        "POST, /api/cuenta/clave, LECTOR",
        "POST, /api/cuenta/tokens/4/revocar, LECTOR",
    })
    void eachRequestNeedsTheLeastRoleThatMayMakeIt(String method, String path, Role role) {
        assertEquals(role, AccessRules.required(method, path));
    }

    @Test
    void rolesIncludeTheOnesBelow() {
        assertTrue(AccessRules.allows(Role.ADMIN, "POST", "/api/usuarios"));
        assertTrue(AccessRules.allows(Role.OPERADOR, "POST", "/api/reservas/1/pausar"));
        assertFalse(AccessRules.allows(Role.LECTOR, "POST", "/api/reservas/1/pausar"));
        assertFalse(AccessRules.allows(Role.OPERADOR, "GET", "/usuarios/"));
        assertFalse(AccessRules.allows(Role.OPERADOR, "POST", "/api/test/clock"));
        assertTrue(AccessRules.allows(Role.LECTOR, "POST", "/api/cuenta/tokens"));
    }

    @Test
    void onlyHealthLoginAndStaticFilesArePublic() {
        for (String p : new String[] {"/api/health", "/observe/health", "/observe/health/ready", "/login", "/static/app.js"}) {
            assertTrue(AccessRules.isPublic("GET", p), p);
        }
        for (String p : new String[] {"/", "/api/healthz", "/observe/healthcheck", "/observe/metrics", "/loginx", "/docs",
                "/openapi.json", "/webjars/swagger-ui/index.html", "/staticx"}) {
            assertFalse(AccessRules.isPublic("GET", p), p);
        }
    }

    @Test
    void rolesAreReadFromTheirSpanishCodes() {
        assertEquals(Role.OPERADOR, Role.of(" Operador "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Role.of("root"));
        assertEquals("rol desconocido «root»; use admin, operador o lector", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Role.of(null));
    }

    @Test
    void passwordsAreBcryptAndMustBeLongEnough() {
        String hash = Passwords.hash("una clave larga");
        assertTrue(hash.startsWith("$2a$10$"), hash);
        assertTrue(Passwords.matches("una clave larga", hash));
        assertFalse(Passwords.matches("una clave largA", hash));
        assertFalse(Passwords.matches("una clave larga", null), "an unknown user never matches");
        assertFalse(Passwords.matches("una clave larga", "no-es-bcrypt"));
        assertFalse(Passwords.matches("x".repeat(73), Passwords.hash("x".repeat(72))), "past bcrypt's 72 bytes is refused, not cut");
        assertEquals("la contraseña debe tener al menos 10 caracteres", Passwords.problem("ana", "corta"));
        assertEquals("la contraseña no puede ser el nombre de usuario", Passwords.problem("administrador", "Administrador"));
        assertEquals("la contraseña no puede superar 72 bytes", Passwords.problem("ana", "ñ".repeat(40)));
        assertEquals("la contraseña no puede tener caracteres de control", Passwords.problem("ana", "clave\u0000larga1"));
        assertNull(Passwords.problem("ana", "correcta-y-larga"));
    }

    @Test
    void basicCredentialsAreReadLeniently() {
        String header = "Basic " + java.util.Base64.getEncoder().encodeToString("ana:clave:con:dos-puntos".getBytes());
        String[] c = Authenticator.basicCredentials(header);
        assertEquals("ana", c[0]);
        assertEquals("clave:con:dos-puntos", c[1]);
        assertNull(Authenticator.basicCredentials("Basic no-es-base64!"));
        assertNull(Authenticator.basicCredentials("Bearer abc"));
        assertNull(Authenticator.basicCredentials("Basic " + "A".repeat(5000)));
        assertEquals("a?b", Authenticator.basicUser("Basic " + java.util.Base64.getEncoder().encodeToString("a\nb:x".getBytes())));
    }
}
