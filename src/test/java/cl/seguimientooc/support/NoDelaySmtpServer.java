package cl.seguimientooc.support;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.Socket;
import java.net.SocketException;

/** GreenMail's SMTP server with TCP_NODELAY on client sockets; see {@link NoDelayImapServer} for why. */
public final class NoDelaySmtpServer extends SmtpServer {

    public NoDelaySmtpServer(ServerSetup setup, Managers managers) {
        super(setup, managers);
    }

    @Override
    protected ProtocolHandler createProtocolHandler(Socket socket) {
        try {
            socket.setTcpNoDelay(true);
        } catch (SocketException e) {
            // keep the default; only slower
        }
        return super.createProtocolHandler(socket);
    }

    /** Starts on a free port, delivering into the given GreenMail's mailboxes. */
    public static NoDelaySmtpServer start(Managers managers) throws InterruptedException {
        return NoDelayImapServer.started(new NoDelaySmtpServer(new ServerSetup(Ports.free(), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP), managers));
    }
}
