package cl.seguimientooc.store;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/** PostgreSQL arrays as Java lists (rows read through Spring come back as java.sql.Array). */
public final class SqlArrays {

    private SqlArrays() {
    }

    /** The elements as strings; an absent array (or anything else) is an empty list. */
    public static List<String> strings(Object array) {
        if (!(array instanceof Array a)) {
            return List.of();
        }
        try {
            return Arrays.stream((Object[]) a.getArray()).map(String::valueOf).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("no se pudo leer un arreglo de PostgreSQL: " + e.getMessage(), e);
        }
    }
}
