package cl.seguimientooc.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An SMTP endpoint for failure tests, in front of GreenMail's real SMTP server: UP relays the
 * connection to GreenMail byte for byte, DOWN drops connections (a server that is away), REJECT
 * speaks SMTP and refuses every recipient with 550 (a permanent rejection).
 */
public final class ControllableSmtp implements AutoCloseable {

    public enum Mode { UP, DOWN, REJECT }

    private final ServerSocket server;
    /** Relayed connections, so a test can cut them mid-conversation (also works for IMAP: UP is byte for byte). */
    private final java.util.Set<Socket> open = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final int targetPort;
    private volatile Mode mode = Mode.UP;
    /** What RCPT is answered with in REJECT mode. */
    private volatile String rcptReply = "550 5.1.1 Destinatario inexistente";
    /** Connections still to drop before relaying again (a server that comes back). */
    private final java.util.concurrent.atomic.AtomicInteger dropNext = new java.util.concurrent.atomic.AtomicInteger();

    public ControllableSmtp(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0);
        Thread t = new Thread(this::acceptLoop, "controllable-smtp");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** REJECT mode answering RCPT with this reply (e.g. "552 4.2.2 Buzón lleno"). */
    public void rejectWith(String reply) {
        rcptReply = reply;
        mode = Mode.REJECT;
    }

    /** Drops the next {@code n} connections at once, then relays again. */
    public void failNext(int n) {
        dropNext.set(n);
        mode = Mode.UP;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> handle(client), "controllable-smtp-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            if (dropNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return;
            }
            switch (mode) {
                case DOWN -> { }
                case REJECT -> reject(client);
                case UP -> relay(client);
            }
        } catch (IOException e) {
            // connection closed by either side
        }
    }

    private void reject(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
        out.write("220 rechazador ESMTP\r\n");
        out.flush();
        String line;
        while ((line = in.readLine()) != null) {
            String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
            switch (cmd) {
                case "EHLO", "HELO" -> out.write("250 rechazador\r\n");
                case "MAIL" -> out.write("250 OK\r\n");
                case "RCPT" -> out.write(rcptReply + "\r\n");
                case "RSET", "NOOP" -> out.write("250 OK\r\n");
                case "QUIT" -> {
                    out.write("221 adios\r\n");
                    out.flush();
                    return;
                }
                default -> out.write("503 5.5.1 Comando fuera de orden\r\n");
            }
            out.flush();
        }
    }

    /** Drops every relayed connection at once, as a network failure would. */
    public void cutConnections() {
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // already gone
            }
        }
        open.clear();
    }

    private void relay(Socket client) throws IOException {
        try (Socket target = new Socket("127.0.0.1", targetPort)) {
            open.add(client);
            open.add(target);
            target.setTcpNoDelay(true);
            client.setTcpNoDelay(true);
            Thread up = new Thread(() -> pipe(client, target), "smtp-relay-up");
            up.setDaemon(true);
            up.start();
            pipe(target, client);
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // the other side closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
