package cl.seguimientooc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

    @Test
    void acceptsTheEarlierSystemsForm() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://oc_user:p%40ss:word@db.internal:5433/oc_seguimiento");
        assertEquals("jdbc:postgresql://db.internal:5433/oc_seguimiento", url.jdbcUrl());
        assertEquals("oc_user", url.username());
        assertEquals("p@ss:word", url.password());
    }

    @Test
    void keepsQueryParametersAndDefaultPort() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://u@db/oc?sslmode=require");
        assertEquals("jdbc:postgresql://db/oc?sslmode=require", url.jdbcUrl());
        assertNull(url.password());
    }

    @Test
    void passesJdbcUrlsThrough() {
        assertEquals("jdbc:postgresql://localhost:5432/oc?user=postgres",
                DatabaseUrl.parse("jdbc:postgresql://localhost:5432/oc?user=postgres").jdbcUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql://u:p@h/db", "postgresql://", "postgresql://host", "postgresql://host:5432/",
        "postgresql://h o s t/db", "jdbc:postgresql:oc", "localhost:5432/oc"})
    void rejectsMalformedUrls(String value) {
        assertThrows(ConfigException.class, () -> DatabaseUrl.parse(value));
    }

    @Test
    void masksPasswords() {
        assertEquals("postgresql://u:****@h/db", DatabaseUrl.mask("postgresql://u:secret@h/db"));
        assertEquals("jdbc:postgresql://h/db?user=u&password=****", DatabaseUrl.mask("jdbc:postgresql://h/db?user=u&password=x"));
    }
}
