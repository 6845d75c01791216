package cl.seguimientooc.support;

import java.io.IOException;
import java.net.ServerSocket;

/** Free local ports, so tests never collide with a running service or each other. */
public final class Ports {

    private Ports() {
    }

    public static int free() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
