package io.vncstream.rfb.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A slow link on loopback for one connection: what the server sends reaches the client at
 * most {@code bytesPerSecond}, each byte {@code delay} after the proxy read it at the
 * earliest, and what the client sends reaches the server after {@code delay}. The proxy reads
 * the server as fast as it sends (as a router's queue would take it) and records how long
 * bytes waited in that queue beyond the delay, and how many bytes waited at most: a server
 * whose congestion control works keeps both small.
 */
public final class ThrottledLink implements AutoCloseable {
    private static final int PIECE = 4096;

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final long delayNanos;
    private final long bytesPerSecond;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong maxQueued = new AtomicLong();
    private final AtomicLong maxWaitNanos = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private volatile Socket client;
    private volatile Socket server;
    private volatile boolean closed;

    private record Chunk(byte[] data, int length, long arrived) {
    }

    public ThrottledLink(String targetHost, int targetPort, java.time.Duration delay, long bytesPerSecond) throws IOException {
        this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.delayNanos = delay.toNanos();
        this.bytesPerSecond = bytesPerSecond;
        Thread t = new Thread(this::acceptOne, "throttled-link accept");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The most bytes read from the server and not yet delivered to the client, at any moment. */
    public long maxQueuedBytes() {
        return maxQueued.get();
    }

    /** The longest a byte from the server waited in the queue beyond the link's delay. */
    public java.time.Duration maxQueueWait() {
        return java.time.Duration.ofNanos(maxWaitNanos.get());
    }

    /** Bytes delivered to the client so far. */
    public long deliveredBytes() {
        return delivered.get();
    }

    /** Forgets the maxima so far (after the handshake and first full frame, say). */
    public void resetMaxima() {
        maxQueued.set(queued.get());
        maxWaitNanos.set(0);
    }

    private void acceptOne() {
        try {
            Socket c = listener.accept();
            client = c;
            Socket s = new Socket();
            s.connect(new InetSocketAddress(targetHost, targetPort), 10_000);
            server = s;
            c.setTcpNoDelay(true);
            s.setTcpNoDelay(true);
            pipe("down", s.getInputStream(), c.getOutputStream(), bytesPerSecond, true);
            pipe("up", c.getInputStream(), s.getOutputStream(), 0, false);
        } catch (IOException e) {
            close();
        }
    }

    private void pipe(String name, InputStream in, OutputStream out, long rate, boolean measured) {
        BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(16384); // 64 MiB of 4 KiB reads at most
        Thread reader = new Thread(() -> {
            try {
                while (!closed) {
                    byte[] buf = new byte[PIECE];
                    int n = in.read(buf);
                    if (n < 0) {
                        break;
                    }
                    if (measured) {
                        long q = queued.addAndGet(n);
                        maxQueued.accumulateAndGet(q, Math::max);
                    }
                    chunks.put(new Chunk(buf, n, System.nanoTime()));
                }
            } catch (IOException | InterruptedException e) {
                // closed
            }
            close();
        }, "throttled-link " + name + " reader");
        Thread writer = new Thread(() -> {
            long next = System.nanoTime();
            try {
                while (!closed) {
                    Chunk c = chunks.poll(100, TimeUnit.MILLISECONDS);
                    if (c == null) {
                        continue;
                    }
                    long due = c.arrived() + delayNanos;
                    next = Math.max(next, due);
                    sleepUntil(next);
                    out.write(c.data(), 0, c.length());
                    out.flush();
                    if (measured) {
                        maxWaitNanos.accumulateAndGet(System.nanoTime() - due, Math::max);
                        queued.addAndGet(-c.length());
                        delivered.addAndGet(c.length());
                    }
                    if (rate > 0) {
                        next += c.length() * 1_000_000_000L / rate;
                    }
                }
            } catch (IOException | InterruptedException e) {
                // closed
            }
            close();
        }, "throttled-link " + name + " writer");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (AutoCloseable c : new AutoCloseable[]{listener, client, server}) {
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
