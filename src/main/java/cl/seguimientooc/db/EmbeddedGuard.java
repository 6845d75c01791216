package cl.seguimientooc.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Two instances must never run on embedded databases of their own: each would read the same
 * mailboxes and send every level again. Without {@code DATABASE_URL} this refuses to start
 * <ul>
 *   <li>in Kubernetes, where a Deployment can be scaled to several pods at any time (and a pod's
 *       embedded database dies with it);</li>
 *   <li>when another instance, on this host or another one sharing the volume, holds the data folder.
 *       PostgreSQL's own lock only sees processes of its own host: on a shared volume it would start a
 *       second server on the same files. The owner file {@code postgres.owner} beats every few seconds.</li>
 * </ul>
 * Two hosts with separate data folders share nothing that can tell them apart; docs/SCALING.md says so.
 */
public final class EmbeddedGuard implements AutoCloseable {

    static final Duration BEAT = Duration.ofSeconds(5);
    static final Duration STALE = Duration.ofSeconds(30);

    private final Path ownerFile;
    private final String me;
    private final ScheduledExecutorService beats;

    private EmbeddedGuard(Path ownerFile, String me) {
        this.ownerFile = ownerFile;
        this.me = me;
        this.beats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "latido-base-embebida");
            t.setDaemon(true);
            return t;
        });
    }

    /** Refuses an embedded database in Kubernetes; the message says what to set instead. */
    static void checkEnvironment(Map<String, String> env) {
        String k8s = env.get("KUBERNETES_SERVICE_HOST");
        if (k8s != null && !k8s.isBlank()) {
            throw new IllegalStateException("falta DATABASE_URL: en Kubernetes no se usa la base embebida. Cada pod tendría"
                    + " su propia base (que además se pierde con el pod), y con más de una réplica todas leerían los mismos"
                    + " buzones y enviarían cada correo una vez por réplica. Defina DATABASE_URL con un PostgreSQL compartido"
                    + " por todas las réplicas (docs/DEPLOY.md, Kubernetes).");
        }
    }

    /**
     * Takes the data folder {@code pgDir} for this process, or refuses when a live instance holds it.
     * The owner file lives beside the folder and beats until {@link #close}.
     */
    static EmbeddedGuard acquire(Path pgDir, String host, long pid) {
        Path file = pgDir.resolveSibling(pgDir.getFileName() + ".owner");
        String me = host + "\n" + pid;
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                Instant beat = Files.getLastModifiedTime(file).toInstant();
                if (lines.size() >= 2 && !(lines.get(0) + "\n" + lines.get(1)).equals(me)
                        && alive(lines.get(0), lines.get(1), host, beat)) {
                    long ago = Math.max(0, Duration.between(beat, Instant.now()).toSeconds());
                    throw new IllegalStateException("la base embebida en " + pgDir.toAbsolutePath() + " está en uso por otra"
                            + " instancia (equipo " + lines.get(0) + ", proceso " + lines.get(1) + ", último latido hace " + ago
                            + " s). Dos instancias con base embebida procesarían y enviarían todo dos veces: detenga la otra,"
                            + " o defina DATABASE_URL con el mismo PostgreSQL para todas las réplicas.");
                }
            }
            EmbeddedGuard guard = new EmbeddedGuard(file, me);
            guard.beat();
            guard.beats.scheduleWithFixedDelay(guard::beatQuietly, BEAT.toSeconds(), BEAT.toSeconds(), TimeUnit.SECONDS);
            return guard;
        } catch (IOException e) {
            throw new IllegalStateException("no se pudo escribir " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** The other owner is alive: a process that still exists on this host, or a recent beat from another host. */
    private static boolean alive(String ownerHost, String ownerPid, String host, Instant beat) {
        if (ownerHost.equals(host)) {
            try {
                return ProcessHandle.of(Long.parseLong(ownerPid.strip())).map(ProcessHandle::isAlive).orElse(false)
                        && beat.isAfter(Instant.now().minus(STALE));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return beat.isAfter(Instant.now().minus(STALE));
    }

    private void beat() throws IOException {
        Path tmp = ownerFile.resolveSibling(ownerFile.getFileName() + ".tmp");
        Files.writeString(tmp, me + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, ownerFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void beatQuietly() {
        try {
            beat();
        } catch (IOException e) {
            // a full or read-only disk: the next beat tries again; PostgreSQL will complain louder
        }
    }

    @Override
    public void close() {
        beats.shutdownNow();
        try {
            List<String> lines = Files.readAllLines(ownerFile, StandardCharsets.UTF_8);
            if (lines.size() >= 2 && (lines.get(0) + "\n" + lines.get(1)).equals(me)) {
                Files.deleteIfExists(ownerFile);
            }
        } catch (IOException e) {
            // gone already, or unreadable: a stale file is ignored after STALE anyway
        }
    }
}
