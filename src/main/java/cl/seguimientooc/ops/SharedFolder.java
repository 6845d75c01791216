package cl.seguimientooc.ops;

import cl.seguimientooc.store.Db;
import cl.seguimientooc.store.Instance;
import cl.seguimientooc.store.SqlStatements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether OC_FILES_DIR is one folder for every replica. An OC's files are written by the replica
 * that read it and downloaded from any replica, so each replica leaves a mark there
 * ({@code .replicas/<instance>}) and checks (routes/maintenance.camel.yaml) that it sees the marks of
 * the other live replicas; one it cannot see means the folder is not shared, said once in the log.
 */
public final class SharedFolder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SharedFolder.class);
    private static final SqlStatements SQL = SqlStatements.load("instances.sql");

    private final Path marks;
    private final Db db;
    private final Instance instance;
    private volatile List<String> lastMissing = List.of();

    public SharedFolder(Path folder, Db db, Instance instance) {
        this.marks = folder.resolve(".replicas");
        this.db = db;
        this.instance = instance;
    }

    static String fileName(String instanceId) {
        return instanceId.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Leaves this replica's mark (at start). */
    public SharedFolder mark() {
        try {
            Files.createDirectories(marks);
            Files.writeString(marks.resolve(fileName(instance.id())), instance.name() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("No se pudo dejar la marca de esta réplica en {}: {}", marks, e.getMessage());
        }
        return this;
    }

    /** The names of live replicas whose mark is not here (none when the folder is shared). */
    public List<String> missing() {
        List<String> out = new ArrayList<>();
        db.jdbc().query(SQL.get("peers"), instance.params(), (java.sql.ResultSet rs) -> {
            if (!Files.exists(marks.resolve(fileName(rs.getString("id"))))) {
                out.add(rs.getString("name"));
            }
        });
        return out;
    }

    /** Checks and logs a change: an error while some replica's mark is missing, a note when it is solved. */
    public List<String> check() {
        List<String> now = missing();
        if (!now.equals(lastMissing)) {
            if (now.isEmpty()) {
                LOG.info("OC_FILES_DIR ({}) es compartido por todas las réplicas", marks.getParent().toAbsolutePath());
            } else {
                LOG.error("OC_FILES_DIR ({}) no es la misma carpeta en todas las réplicas: no se ven las marcas de {}."
                        + " Los archivos de OC que guarde una réplica no se podrán descargar desde otra: monte OC_FILES_DIR"
                        + " en un volumen compartido (ReadWriteMany; docs/DEPLOY.md §10)",
                        marks.getParent().toAbsolutePath(), String.join(", ", now));
            }
            lastMissing = now;
        }
        return now;
    }

    /** A clean stop takes the mark away. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(marks.resolve(fileName(instance.id())));
        } catch (IOException e) {
            // a mark left behind is only looked at for live replicas
        }
    }
}
