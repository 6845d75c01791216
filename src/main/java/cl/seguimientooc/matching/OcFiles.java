package cl.seguimientooc.matching;

import cl.seguimientooc.mail.MailContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.YearMonth;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The OC files on disk, under {@code oc_files/AAAA-MM/}. Every stored name is unique (the OC's id
 * and the file's position come first), a file is never overwritten, a file written in a transaction
 * that rolls back is deleted, and a failed write (a full disk) leaves no temporary file behind.
 */
public final class OcFiles {

    /** Limits per OC: bigger files and files beyond the count are not stored (and say so). */
    public record Limits(long maxFileBytes, int maxFiles) {
        public static final Limits DEFAULT = new Limits(25L * 1024 * 1024, 20);
    }

    /** A file written: its sanitised name and its path relative to the base directory. */
    public record Written(String name, String relativePath) {
    }

    private final Path base;
    private final Limits limits;

    public OcFiles(Path base, Limits limits) {
        this.base = base.toAbsolutePath().normalize();
        this.limits = limits;
    }

    public Limits limits() {
        return limits;
    }

    /** Why this file is not stored, or null when it may be. */
    public String refusal(int index, MailContent.Attachment a) {
        if (index >= limits.maxFiles()) {
            return "más de " + limits.maxFiles() + " archivos en la OC (oc.max.files)";
        }
        if (a.content().length > limits.maxFileBytes()) {
            return "archivo de " + a.content().length / (1024 * 1024) + " MB; el máximo es "
                    + limits.maxFileBytes() / (1024 * 1024) + " MB (oc.max.file.bytes)";
        }
        return null;
    }

    /** Writes the {@code index}-th file of OC {@code poId}; inside a transaction it is removed again on rollback. */
    public Written write(long poId, int index, MailContent.Attachment a) {
        String safe = sanitize(a.name());
        String relative = YearMonth.now() + "/" + poId + "-" + (index + 1) + "-" + safe;
        Path target = base.resolve(relative).normalize();
        if (!target.startsWith(base)) {
            throw new IllegalStateException("ruta de archivo fuera de oc_files: " + relative);
        }
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), ".oc-", ".tmp");
            Files.write(tmp, a.content());
            try {
                Files.move(tmp, target); // a rename on the same disk; fails rather than replace a file
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                // a file from another database (restored, reset) holds the name: keep both
                relative = YearMonth.now() + "/" + poId + "-" + (index + 1) + "-" + java.util.UUID.randomUUID()
                        .toString().substring(0, 8) + "-" + safe;
                target = base.resolve(relative).normalize();
                Files.move(tmp, target);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException(diskMessage(relative, e), e);
        } finally {
            deleteQuietly(tmp);
        }
        Path written = target;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        deleteQuietly(written); // the record of it is gone too: no orphan on disk
                    }
                }
            });
        }
        return new Written(safe, relative);
    }

    private String diskMessage(String relative, IOException e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (msg.toLowerCase(java.util.Locale.ROOT).contains("no space left") || msg.contains("disk full")) {
            return "disco lleno: no se pudo guardar " + relative + " en " + base + ". Libere espacio y reprocese el correo";
        }
        return "no se pudo guardar " + relative + " en " + base + ": " + msg;
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // nothing more to do: the name is unique, so it never shadows another file
            }
        }
    }

    /** No directories, no dots in front, ASCII letters, digits, dot, dash and underscore; 100 characters at most. */
    static String sanitize(String name) {
        String n = name == null ? "" : name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        n = Normalizer.normalize(n, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        n = n.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("_+", "_").replaceAll("^[._]+", "");
        if (n.length() > 100) {
            int dot = n.lastIndexOf('.');
            String ext = dot > 0 && n.length() - dot <= 10 ? n.substring(dot) : "";
            n = n.substring(0, 100 - ext.length()) + ext;
        }
        if (n.matches("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?")) {
            n = "_" + n; // a Windows device name, if the folder is ever copied there
        }
        return n.isEmpty() ? "adjunto" : n;
    }
}
