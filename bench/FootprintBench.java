import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Start-to-healthy (process start until /observe/health/ready answers 200) and idle RSS (VmRSS
 * 15 s after ready) of `docker/entrypoint.sh run`, with PostgreSQL at localhost:5432 (or embedded:
 * second argument "embedded"), both mailboxes (IMAP) and SMTP on a local GreenMail.
 * Usage: bench/footprint.sh [runs] [embedded]
 */
public class FootprintBench {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        boolean embedded = args.length > 1 && args[1].equals("embedded");
        GreenMail mail = new GreenMail(new ServerSetup[] {ServerSetupTest.IMAP.dynamicPort(), ServerSetupTest.SMTP.dynamicPort()});
        mail.start();
        mail.setUser("confirmaciones@agencia.cl", "confirmaciones", "secreto");
        mail.setUser("oc@agencia.cl", "oc", "secreto");
        String db = embedded ? null : cl.seguimientooc.support.TestDatabase.newDatabase("oc_bench_footprint");
        HttpClient http = HttpClient.newHttpClient();
        List<Double> seconds = new ArrayList<>();
        List<Long> rss = new ArrayList<>();
        List<Double> cpus = new ArrayList<>();
        System.out.println("run | start to ready (s) | CPU to ready (s) | idle RSS (MB)");
        // embedded: one data directory for every run; run 0 is the first start (initdb and migrations),
        // shown but not counted, and the runs after it are restarts, as an install restarts
        Path shared = embedded ? Files.createTempDirectory("footprint-embedded") : null;
        for (int i = embedded ? 0 : 1; i <= runs; i++) {
            int port = 18200 + i;
            Path data = embedded ? shared : Files.createTempDirectory("footprint-data");
            ProcessBuilder pb = new ProcessBuilder("bash", "docker/entrypoint.sh", "run").redirectErrorStream(true)
                    .redirectOutput(data.resolve("salida.log").toFile());
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("IMAP_") || k.startsWith("OC_") || k.startsWith("SMTP_") || k.startsWith("DATABASE"));
            if (db != null) {
                env.put("DATABASE_URL", db);
            }
            env.put("APP_DIR", Path.of("").toAbsolutePath().toString());
            env.put("APP_JAR", System.getenv().getOrDefault("FOOTPRINT_JAR", "target/seguimiento-oc.jar"));
            env.put("DATA_DIR", data.toString());
            env.put("OC_FILES_DIR", data.resolve("oc_files").toString());
            env.put("LOG_DIR", data.resolve("logs").toString());
            env.put("WEB_PORT", String.valueOf(port));
            env.put("ADMIN_PASSWORD", "clave-de-medicion");
            env.put("LOG_LEVEL", "WARN");
            for (String[] box : new String[][] {{"IMAP_", "confirmaciones"}, {"OC_INBOX_", "oc"}}) {
                env.put(box[0] + "HOST", "localhost");
                env.put(box[0] + "PORT", String.valueOf(mail.getImap().getPort()));
                env.put(box[0] + "USE_SSL", "false");
                env.put(box[0] + "USERNAME", box[1]);
                env.put(box[0] + "PASSWORD", "secreto");
            }
            env.put("SMTP_HOST", "localhost");
            env.put("SMTP_PORT", String.valueOf(mail.getSmtp().getPort()));
            env.put("SMTP_USE_TLS", "false");
            env.put("SMTP_FROM_EMAIL", "seguimiento@agencia.cl");
            long t0 = System.nanoTime();
            Process p = pb.start();
            boolean ready = false;
            while (!ready && System.nanoTime() - t0 < 120e9 && p.isAlive()) {
                try {
                    ready = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/observe/health/ready")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (java.io.IOException notYet) {
                    // not listening yet
                }
                if (!ready) {
                    Thread.sleep(25);
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = cpuSeconds(p.pid());
            if (!ready) {
                System.out.println("run " + i + ": not ready; see " + data.resolve("salida.log"));
                p.destroyForcibly();
                continue;
            }
            Thread.sleep(15_000);
            long kb = Files.readAllLines(Path.of("/proc/" + p.pid() + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
            p.destroy();
            p.waitFor();
            if (i == 0) {
                System.out.printf("first start (initdb, migrations; not counted) | %.2f | %.2f | %d%n", s, cpu, kb / 1024);
                continue;
            }
            seconds.add(s);
            rss.add(kb / 1024);
            cpus.add(cpu);
            System.out.printf("%d | %.2f | %.2f | %d%n", i, s, cpu, kb / 1024);
        }
        if (seconds.isEmpty()) {
            System.exit(1);
        }
        double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] cpuSorted = cpus.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        long[] mem = rss.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("median | %.2f | %.2f | %d   (%s PostgreSQL; min–max %.2f–%.2f s, CPU %.2f–%.2f s, %d–%d MB)%n",
                sorted[sorted.length / 2], cpuSorted[cpuSorted.length / 2], mem[mem.length / 2], embedded ? "embedded" : "external",
                sorted[0], sorted[sorted.length - 1], cpuSorted[0], cpuSorted[cpuSorted.length - 1], mem[0], mem[mem.length - 1]);
        mail.stop();
        System.exit(0);
    }

    /** User plus system CPU seconds the process has used (/proc/PID/stat, clock ticks of 1/100 s). */
    static double cpuSeconds(long pid) {
        try {
            String[] f = Files.readString(Path.of("/proc/" + pid + "/stat")).replaceAll("^.*\\) ", "").split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (Exception e) {
            return Double.NaN;
        }
    }
}
