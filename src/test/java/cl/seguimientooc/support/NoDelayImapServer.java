package cl.seguimientooc.support;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.Socket;
import java.net.SocketException;

/**
 * GreenMail's IMAP server with TCP_NODELAY on client sockets. GreenMail writes a response in
 * several small writes without it, so on Linux every IMAP round trip waits ~40 ms for a delayed
 * ACK: an artefact of the test server (Dovecot and Exchange do not do this) that would dominate
 * tests and benchmarks. Shares the users and mailboxes of the GreenMail instance it is given.
 */
public final class NoDelayImapServer extends AbstractServer {

    public NoDelayImapServer(ServerSetup setup, Managers managers) {
        super(setup, managers);
    }

    @Override
    protected ProtocolHandler createProtocolHandler(Socket socket) {
        try {
            socket.setTcpNoDelay(true);
        } catch (SocketException e) {
            // keep the default; only slower
        }
        return new ImapHandler(managers.getUserManager(), managers.getImapHostManager(), socket);
    }

    /** Starts on a free port, serving the given GreenMail's mailboxes. */
    public static NoDelayImapServer start(Managers managers) throws InterruptedException {
        return started(new NoDelayImapServer(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP), managers));
    }

    /** Starts a GreenMail server and waits until it accepts connections. */
    static <T extends AbstractServer> T started(T server) throws InterruptedException {
        server.startService();
        if (!server.waitTillRunning(10_000)) {
            throw new IllegalStateException(server.getName() + " did not start");
        }
        return server;
    }

    public int port() {
        return setup.getPort();
    }
}
