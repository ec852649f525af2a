package io.vncstream.gateway.load;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A device as QEMU's {@code -chardev socket,server=on} is one: a Unix socket that writes
 * numbered 64-byte lines at a fixed rate to whoever is attached, and measures how long the
 * reader (the gateway) ever made it wait: the producer's stall, which a VM would feel.
 */
public final class SequenceSource implements AutoCloseable {
    public static final int LINE = 64;

    private final Path path;
    private final ServerSocketChannel server;
    private final long bytesPerSecond;
    private final AtomicLong lines = new AtomicLong();
    private final AtomicLong maxStallNanos = new AtomicLong();
    private volatile boolean closed;
    private volatile SocketChannel current;

    public SequenceSource(Path path, long bytesPerSecond) throws IOException {
        this.path = path;
        this.bytesPerSecond = bytesPerSecond;
        Files.deleteIfExists(path);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        Thread t = new Thread(this::serve, "sequence source " + path.getFileName());
        t.setDaemon(true);
        t.start();
    }

    /** Line {@code n}: its number in 19 digits, a space, filler that depends on it, a newline. */
    public static byte[] line(long n) {
        byte[] b = new byte[LINE];
        byte[] digits = String.format("%019d ", n).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(digits, 0, b, 0, digits.length);
        for (int i = digits.length; i < LINE - 1; i++) {
            b[i] = (byte) ('a' + (n + i) % 26);
        }
        b[LINE - 1] = '\n';
        return b;
    }

    public long linesWritten() {
        return lines.get();
    }

    /** The longest single write the gateway kept the producer waiting in, since the last reset. */
    public long maxStallMillis() {
        return maxStallNanos.get() / 1_000_000;
    }

    public void resetStall() {
        maxStallNanos.set(0);
    }

    public Path path() {
        return path;
    }

    private void serve() {
        while (!closed) {
            try (SocketChannel c = server.accept()) {
                current = c;
                produce(c);
            } catch (IOException e) {
                // the gateway went away; wait for it again
            }
        }
    }

    private void produce(SocketChannel c) throws IOException {
        long tickNanos = 10_000_000;
        int linesPerTick = (int) Math.max(1, bytesPerSecond / 100 / LINE);
        ByteBuffer batch = ByteBuffer.allocate(linesPerTick * LINE);
        long next = System.nanoTime();
        while (!closed) {
            batch.clear();
            long first = lines.get();
            for (int i = 0; i < linesPerTick; i++) {
                batch.put(line(first + i));
            }
            batch.flip();
            long t = System.nanoTime();
            while (batch.hasRemaining()) {
                c.write(batch);
            }
            long stall = System.nanoTime() - t;
            maxStallNanos.accumulateAndGet(stall, Math::max);
            lines.addAndGet(linesPerTick);
            next += tickNanos;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            } else {
                next = System.nanoTime();
            }
        }
    }

    /** Ends the current connection, as a VM's QEMU being killed does; the socket file stays. */
    public void dropConnection() throws IOException {
        SocketChannel c = current;
        if (c != null) {
            c.close();
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        dropConnection();
        Files.deleteIfExists(path);
    }
}
