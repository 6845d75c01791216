package cl.seguimientooc.extraction;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The layout templates in force: every {@code *.yaml}/{@code *.yml} file of a directory, or the
 * templates bundled in the jar when that directory does not exist. A broken template stops loading
 * with the file name and the reason, so it is found at startup rather than at the first mail.
 */
public final class LayoutRegistry {

    /** Templates shipped inside the jar (copied from the repository's {@code layouts/}). */
    static final List<String> BUNDLED = List.of("hotelsales-resumen-de-servicios.yaml");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final List<CompiledLayout> layouts;
    private final String source;

    private LayoutRegistry(List<CompiledLayout> layouts, String source) {
        this.layouts = layouts.stream()
                .sorted(Comparator.comparingInt((CompiledLayout l) -> -l.priority).thenComparing(l -> l.name))
                .toList();
        this.source = source;
    }

    public static LayoutRegistry load(Path directory) {
        if (directory != null && Files.isDirectory(directory)) {
            List<CompiledLayout> list = new ArrayList<>();
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(LayoutRegistry::isYaml).sorted().toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        list.add(compile(in, file.toString()));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read layout templates in " + directory + ": " + e.getMessage(), e);
            }
            if (list.isEmpty()) {
                throw new IllegalStateException("no layout templates (*.yaml) in " + directory.toAbsolutePath());
            }
            return new LayoutRegistry(list, directory.toAbsolutePath().toString());
        }
        return bundled();
    }

    public static LayoutRegistry bundled() {
        List<CompiledLayout> list = new ArrayList<>();
        for (String name : BUNDLED) {
            try (InputStream in = LayoutRegistry.class.getResourceAsStream("/layouts/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("bundled layout template missing: " + name);
                }
                list.add(compile(in, "classpath:layouts/" + name));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read bundled layout " + name, e);
            }
        }
        return new LayoutRegistry(list, "classpath:layouts/");
    }

    private static boolean isYaml(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    private static CompiledLayout compile(InputStream in, String where) {
        try {
            return new CompiledLayout(YAML.readValue(in, LayoutTemplate.class));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("invalid layout template " + where + ": " + e.getMessage(), e);
        }
    }

    /** The layout with the highest priority among those whose keywords all appear in the text. */
    Optional<CompiledLayout> recognise(String text) {
        String key = TextFolding.key(text);
        CompiledLayout best = null;
        int bestScore = -1;
        for (CompiledLayout l : layouts) {
            int score = l.score(key);
            if (score >= 0 && (best == null || l.priority > best.priority || l.priority == best.priority && score > bestScore)) {
                best = l;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    public List<String> names() {
        return layouts.stream().map(l -> l.name).toList();
    }

    public String source() {
        return source;
    }
}
