package io.vncstream.gateway.net;

import io.vncstream.rfb.handshake.ProtocolVersion;
import io.vncstream.rfb.handshake.Reason;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vncstream.rfb.io.Transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * Turns a viewer away with a reason it can show, as RFB says a server does: after the version
 * exchange, no security types (3.7 and later) or security type 0 (3.3), then the reason. Each
 * refusal runs on a short-lived thread with a deadline; when many are already under way, the
 * connection is just closed, so a flood cannot make refusing it the cost.
 */
public final class Refusal {
    private static final Logger LOG = LoggerFactory.getLogger(Refusal.class);
    private static final int MAX_AT_ONCE = 16;
    private static final int DEADLINE_MS = 2000;
    private static final Semaphore PERMITS = new Semaphore(MAX_AT_ONCE);

    private Refusal() {
    }

    /** One refusal's exchange, on its thread. */
    @FunctionalInterface
    private interface Exchange {
        void run() throws IOException;
    }

    /** Refuses {@code socket} with {@code reason} (on a thread of its own) and closes it. */
    public static void refuse(Socket socket, String reason) {
        String name = String.valueOf(socket.getRemoteSocketAddress());
        start(name, () -> {
            socket.setSoTimeout(DEADLINE_MS);
            send(socket.getInputStream(), socket.getOutputStream(), reason);
            // Let the viewer read it before the close: closing with its data unread could reset the connection.
            socket.shutdownOutput();
            socket.getInputStream().read(new byte[256]);
        }, () -> close(socket));
    }

    /**
     * Refuses a connection on a Unix socket: as above, except that the close comes right after
     * the reason (a Unix socket's peer reads what was sent before the close; it is never reset).
     */
    public static void refuse(Transport transport, String reason) {
        start(transport.toString(), () -> {
            transport.setReadTimeout(Duration.ofMillis(DEADLINE_MS));
            send(transport.input(), transport.output(), reason);
        }, transport::close);
    }

    private static void start(String name, Exchange exchange, Runnable close) {
        if (!PERMITS.tryAcquire()) {
            close.run();
            return;
        }
        Thread t = new Thread(() -> {
            try {
                exchange.run();
            } catch (IOException | RuntimeException e) {
                LOG.debug("refusing {}: {}", name, e.getMessage());
            } finally {
                PERMITS.release();
                close.run();
            }
        }, "refuse " + name);
        t.setDaemon(true);
        t.start();
    }

    private static void send(InputStream in, OutputStream out, String reason) throws IOException {
        out.write(ProtocolVersion.V3_8.toBytes());
        out.flush();
        ProtocolVersion version = ProtocolVersion.read(RfbInput.of(in));
        ByteArray b = new ByteArray(64);
        if (version.atLeast(ProtocolVersion.V3_7)) {
            b.u8(0);
        } else {
            b.u32(0);
        }
        Reason.write(b, reason);
        out.write(b.toByteArray());
        out.flush();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
