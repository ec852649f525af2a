package io.vncstream.gateway.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A slow link with flow control, on loopback, for one connection: what the gateway sends is
 * read at most {@code bytesPerSecond}, a few KiB at a time through a small receive buffer, and
 * passed on to the client at once; what the client sends goes through unchanged. Nothing queues
 * in the link: the gateway feels the link's pace through TCP, as it would a viewer on a slow
 * network (unlike {@link io.vncstream.rfb.testing.ThrottledLink}, which queues like a router).
 */
public final class SlowLink implements AutoCloseable {
    private static final int PIECE = 4096;

    private final ServerSocket listener;
    private final int targetPort;
    private final long bytesPerSecond;
    private final AtomicLong delivered = new AtomicLong();
    private volatile Socket client;
    private volatile Socket server;

    public SlowLink(int targetPort, long bytesPerSecond) throws IOException {
        this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.bytesPerSecond = bytesPerSecond;
        Thread t = new Thread(this::acceptOne, "slow link");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Bytes of the gateway's passed on to the client so far. */
    public long deliveredBytes() {
        return delivered.get();
    }

    private void acceptOne() {
        try {
            Socket c = listener.accept();
            client = c;
            Socket s = new Socket();
            // Small before the connection is made, so that the kernel holds little for the gateway.
            s.setReceiveBufferSize(PIECE);
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
            server = s;
            Thread up = new Thread(() -> copy(c, s), "slow link up");
            up.setDaemon(true);
            up.start();
            down(s, c);
        } catch (IOException e) {
            // closed
        } finally {
            close();
        }
    }

    private void down(Socket from, Socket to) throws IOException {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        byte[] buf = new byte[PIECE];
        long start = System.nanoTime();
        long total = 0;
        int n;
        while ((n = in.read(buf)) >= 0) {
            out.write(buf, 0, n);
            out.flush();
            total += n;
            delivered.set(total);
            long ahead = (long) (total * 1e9 / bytesPerSecond) - (System.nanoTime() - start);
            if (ahead > 0) {
                try {
                    Thread.sleep(ahead / 1_000_000, (int) (ahead % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // closed
        }
        try {
            to.shutdownOutput();
        } catch (IOException e) {
            // closed
        }
    }

    @Override
    public void close() {
        for (AutoCloseable c : new AutoCloseable[] {listener, client, server}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // closing anyway
            }
        }
    }
}
