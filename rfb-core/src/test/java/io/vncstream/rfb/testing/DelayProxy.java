package io.vncstream.rfb.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A long link on loopback in front of a VNC server: every byte reaches the other side
 * {@code oneWayDelay} after the proxy read it, in each direction (25 ms each way makes a 50 ms
 * round trip), in order and without a bandwidth limit; at most {@code maxQueuedBytes} wait in
 * each direction. Each connection it accepts is a {@link Link} whose {@link RfbTrafficCounter}
 * counts the FramebufferUpdates the client was given, so that any client (TigerVNC's
 * vncviewer as much as ours) is measured the same way, from the proxy's side.
 *
 * <p>Standalone: {@code DelayProxy TARGET_PORT ONE_WAY_MS [LISTEN_PORT]} prints each
 * connection's counts every second.
 */
public final class DelayProxy implements AutoCloseable {
    /** Each direction's queue bound by default: far more than 25 ms of loopback traffic needs in flight. */
    public static final int DEFAULT_MAX_QUEUED = 64 << 20;

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final long delayNanos;
    private final int maxQueuedBytes;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<Link> accepted = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    public DelayProxy(String targetHost, int targetPort, Duration oneWayDelay) throws IOException {
        this(targetHost, targetPort, oneWayDelay, DEFAULT_MAX_QUEUED, 0);
    }

    public DelayProxy(String targetHost, int targetPort, Duration oneWayDelay, int maxQueuedBytes, int listenPort)
            throws IOException {
        this.listener = new ServerSocket();
        this.listener.setReuseAddress(true);
        this.listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort), 8);
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.delayNanos = oneWayDelay.toNanos();
        this.maxQueuedBytes = maxQueuedBytes;
        Thread t = new Thread(this::acceptLoop, "delay-proxy accept " + port());
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Every connection so far, oldest first. */
    public List<Link> links() {
        return List.copyOf(links);
    }

    /** The next connection accepted (in order), or null after {@code timeout}. */
    public Link nextLink(Duration timeout) throws InterruptedException {
        return accepted.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void acceptLoop() {
        int n = 0;
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("delay proxy: " + e.getMessage());
                }
                return;
            }
            try {
                Link link = new Link(++n, client);
                links.add(link);
                accepted.add(link);
            } catch (IOException e) {
                System.err.println("delay proxy: " + e.getMessage());
            }
        }
    }

    /** One client's connection through the proxy to the server. */
    public final class Link implements AutoCloseable {
        private final int number;
        private final Socket client;
        private final Socket server;
        private final RfbTrafficCounter counter = new RfbTrafficCounter();
        private final DelayLine down;
        private final DelayLine up;
        private volatile boolean ended;

        private Link(int number, Socket client) throws IOException {
            this.number = number;
            this.client = client;
            this.server = new Socket();
            try {
                server.connect(new InetSocketAddress(targetHost, targetPort), 10_000);
            } catch (IOException e) {
                client.close();
                throw new IOException("cannot reach " + targetHost + ":" + targetPort + ": " + e.getMessage(), e);
            }
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            String name = "link " + number;
            down = new DelayLine(name + " server-to-client", delayNanos, maxQueuedBytes, new DelayLine.Tap() {
                @Override
                public void delivered(byte[] data, int length) {
                    counter.fromServer.offer(data, length);
                }

                @Override
                public void ended() {
                    counter.fromServer.end();
                }
            }, this::close);
            up = new DelayLine(name + " client-to-server", delayNanos, maxQueuedBytes, new DelayLine.Tap() {
                @Override
                public void read(byte[] data, int length) {
                    counter.fromClient.offer(data, length);
                }

                @Override
                public void beforeDelivery(long endOffset) throws InterruptedException {
                    counter.awaitClientParsed(endOffset);
                }

                @Override
                public void ended() {
                    counter.fromClient.end();
                }
            }, this::close);
            counter.start(name);
            down.start(server.getInputStream(), client.getOutputStream());
            up.start(client.getInputStream(), server.getOutputStream());
        }

        public int number() {
            return number;
        }

        public RfbTrafficCounter counter() {
            return counter;
        }

        /** Whether either side has closed (the other is then closed too). */
        public boolean ended() {
            return ended;
        }

        /** Bytes the client has been given so far. */
        public long deliveredTowardsClient() {
            return down.deliveredBytes();
        }

        /** The most bytes that waited at once towards the client. */
        public long maxQueuedTowardsClient() {
            return down.maxQueuedBytes();
        }

        @Override
        public void close() {
            ended = true;
            down.close();
            up.close();
            for (Socket s : new Socket[]{client, server}) {
                try {
                    s.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Link l : links) {
            l.close();
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: DelayProxy TARGET_PORT ONE_WAY_MS [LISTEN_PORT]");
            System.exit(2);
        }
        int listen = args.length == 3 ? Integer.parseInt(args[2]) : 0;
        try (DelayProxy proxy = new DelayProxy("127.0.0.1", Integer.parseInt(args[0]),
                Duration.ofMillis(Long.parseLong(args[1])), DEFAULT_MAX_QUEUED, listen)) {
            System.out.println("listening on 127.0.0.1:" + proxy.port());
            while (true) {
                Thread.sleep(1000);
                for (Link l : proxy.links()) {
                    if (!l.ended()) {
                        RfbTrafficCounter.Snapshot s = l.counter().snapshot();
                        System.out.printf("link %d: %d updates, %d rects, %.1f Mpixel (+%.1f CopyRect), fences %d/%d, CU %s%s%n",
                                l.number(), s.updates(), s.rects(), s.pixels() / 1e6, s.copyRectPixels() / 1e6,
                                s.serverFences(), s.clientFences(), s.continuousEnabled(),
                                s.problem() == null ? "" : ", " + s.problem());
                    }
                }
            }
        }
    }
}
