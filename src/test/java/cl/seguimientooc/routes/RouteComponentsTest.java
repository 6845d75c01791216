package cl.seguimientooc.routes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint scheme the routes use ({@code timer:}, {@code smtp:}, ...) is provided by a jar the
 * service ships with (target/runtime.classpath, written by the build), not only by a test
 * dependency: the test classpath has components the packaged service does not.
 */
class RouteComponentsTest {

    private static final Pattern URI = Pattern.compile("(?m)^[ \\t]*(?:-[ \\t]*)?(?:uri|from|to|toD):[ \\t]*\"?([a-zA-Z][a-zA-Z0-9+-]*):");

    @Test
    void everyEndpointSchemeResolvesOnTheServicesOwnClasspath() throws Exception {
        Path listing = Path.of("target", "runtime.classpath");
        assertTrue(Files.exists(listing), "the build writes target/runtime.classpath (maven-dependency-plugin)");
        List<File> jars = new ArrayList<>();
        for (String entry : Files.readString(listing).strip().split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                jars.add(new File(entry));
            }
        }
        Set<String> schemes = new TreeSet<>();
        for (Path f : RouteSchemaTest.routeFiles()) {
            Matcher m = URI.matcher(Files.readString(f));
            while (m.find()) {
                schemes.add(m.group(1));
            }
        }
        assertTrue(schemes.containsAll(Set.of("direct", "smtp", "timer", "platform-http", "freemarker")), schemes.toString());
        List<String> missing = new ArrayList<>();
        for (String scheme : schemes) {
            if (!provided(jars, "META-INF/services/org/apache/camel/component/" + scheme)) {
                missing.add(scheme);
            }
        }
        assertTrue(missing.isEmpty(), "endpoints the packaged service cannot create (add the component to pom.xml): " + missing);
    }

    private static boolean provided(List<File> jars, String entry) throws Exception {
        for (File jar : jars) {
            try (ZipFile zip = new ZipFile(jar)) {
                if (zip.getEntry(entry) != null) {
                    return true;
                }
            }
        }
        return false;
    }
}
