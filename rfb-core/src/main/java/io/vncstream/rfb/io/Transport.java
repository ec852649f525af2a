package io.vncstream.rfb.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A connected byte stream, TCP or Unix domain socket, with one input and one output stream
 * that may be used from two threads at once. Unix sockets are read and written on the channel
 * directly: {@code Channels.newInputStream} and {@code newOutputStream} on one channel
 * deadlock on Java 17 (a write waits for a pending read).
 */
public final class Transport implements AutoCloseable {
    private final InputStream in;
    private final OutputStream out;
    private final AutoCloseable resource;
    private final Socket socket;
    private final ReadTimeout readTimeout;
    private final String description;

    private Transport(InputStream in, OutputStream out, AutoCloseable resource, Socket socket, String description) {
        this(in, out, resource, socket, null, description);
    }

    private Transport(InputStream in, OutputStream out, AutoCloseable resource, Socket socket,
                      ReadTimeout readTimeout, String description) {
        this.in = in;
        this.out = out;
        this.resource = resource;
        this.socket = socket;
        this.readTimeout = readTimeout;
        this.description = description;
    }

    /** How a stream that is no socket bounds its blocking reads (see {@link #setReadTimeout}). */
    public interface ReadTimeout {
        void set(Duration timeout) throws IOException;
    }

    /**
     * A transport over any connected pair of streams, such as an SSH channel: {@code closer} ends
     * it, and {@code readTimeout} (null: reads are never bounded) makes {@code in} throw a
     * {@link SocketTimeoutException} when a read waits longer, as a socket does.
     */
    public static Transport of(InputStream in, OutputStream out, AutoCloseable closer, ReadTimeout readTimeout,
                               String description) {
        return new Transport(in, out, closer, null, readTimeout, description);
    }

    public static Transport tcp(String host, int port, Duration timeout) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
        } catch (SocketTimeoutException e) {
            s.close();
            throw new SocketTimeoutException("connection to " + host + " port " + port + " timed out after "
                    + timeout.toSeconds() + " s");
        } catch (ConnectException e) {
            // The JDK says only "Connection refused": name what refused, for every error line above.
            s.close();
            ConnectException named = new ConnectException("connection refused by " + host + " port " + port);
            named.initCause(e);
            throw named;
        } catch (IOException e) {
            s.close();
            throw e;
        }
        return of(s);
    }

    /** Wraps an accepted or connected socket. */
    public static Transport of(Socket s) throws IOException {
        s.setTcpNoDelay(true);
        return new Transport(s.getInputStream(), s.getOutputStream(), s, s,
                s.getInetAddress().getHostAddress() + ":" + s.getPort());
    }

    /** Connects to a Unix domain socket, giving up after {@link #UNIX_CONNECT_TIMEOUT}. */
    public static Transport unix(Path path) throws IOException {
        return unix(path, UNIX_CONNECT_TIMEOUT);
    }

    public static Transport unix(Path path, Duration timeout) throws IOException {
        return of(connectUnix(path, timeout), "unix:" + path);
    }

    public static final Duration UNIX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * A connected, blocking Unix socket channel. A blocking connect would wait for ever when the
     * server's listen queue is full, as it is for a QEMU chardev socket (queue of one) that
     * already has its client; so connect without blocking and retry until the deadline.
     */
    public static SocketChannel connectUnix(Path path, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(path);
        while (true) {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.configureBlocking(false);
                if (channel.connect(address) || finishWithin(channel, deadline)) {
                    channel.configureBlocking(true);
                    return channel;
                }
                channel.close();
            } catch (IOException e) {
                channel.close();
                if (!queueFull(e)) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new SocketTimeoutException("unix:" + path + ": not accepting connections within "
                        + timeout.toMillis() + " ms (its queue is full: does it already have a client?)");
            }
            sleep(50);
        }
    }

    private static boolean finishWithin(SocketChannel channel, long deadline) throws IOException {
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_CONNECT);
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left > 0 && selector.select(left) > 0) {
                return channel.finishConnect();
            }
            return false;
        }
    }

    /** EAGAIN: Linux refuses a non-blocking Unix connect at once when the listen queue is full. */
    private static boolean queueFull(IOException e) {
        return String.valueOf(e.getMessage()).contains("temporarily unavailable");
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while connecting");
        }
    }

    /** Wraps a connected blocking channel (Unix or TCP). */
    public static Transport of(SocketChannel channel, String description) {
        return new Transport(new ChannelInput(channel), new ChannelOutput(channel), channel, null, description);
    }

    /**
     * Wraps a connected channel that a server accepted on a Unix socket: unlike {@link #of(SocketChannel, String)}'s,
     * its reads obey {@link #setReadTimeout}, as a TCP socket's do, so that a peer cannot hold a
     * server's thread for ever with half a message. The channel is used without blocking from now on.
     */
    public static Transport accepted(SocketChannel channel, String description) throws IOException {
        SelectingChannel c = new SelectingChannel(channel);
        return new Transport(c.input(), c.output(), c, null, timeout -> c.setReadTimeout(timeout.toMillis()), description);
    }

    /**
     * The same connection continued over other streams layered on this one's, as after a TLS
     * handshake: closing the result closes {@code layer} (which may say goodbye) and then this
     * connection. Read timeouts still apply to the socket underneath.
     */
    public Transport continueWith(InputStream in, OutputStream out, AutoCloseable layer, String what) {
        AutoCloseable both = () -> {
            try {
                layer.close();
            } finally {
                close();
            }
        };
        return new Transport(in, out, both, socket, readTimeout, what + " over " + description);
    }

    /** Wraps a pair of streams already connected to a peer (pipes in tests); closing closes {@code resource}. */
    public static Transport of(InputStream in, OutputStream out, AutoCloseable resource, String description) {
        return new Transport(in, out, resource, null, description);
    }

    public InputStream input() {
        return in;
    }

    public OutputStream output() {
        return out;
    }

    /**
     * Bounds blocking reads (used during the handshake); 0 means no bound. A Unix socket a client
     * connected ignores it; one a server accepted ({@link #accepted}) does not.
     */
    public void setReadTimeout(Duration timeout) throws IOException {
        if (socket != null) {
            socket.setSoTimeout((int) timeout.toMillis());
        } else if (readTimeout != null) {
            readTimeout.set(timeout);
        }
    }

    @Override
    public String toString() {
        return description;
    }

    @Override
    public void close() {
        try {
            resource.close();
        } catch (Exception ignored) {
            // closing is best effort; the reader sees the end of stream
        }
    }

    private static final class ChannelInput extends InputStream {
        private final SocketChannel channel;

        ChannelInput(SocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int n;
            do {
                n = channel.read(ByteBuffer.wrap(b, off, len));
            } while (n == 0);
            return n;
        }
    }

    private static final class ChannelOutput extends OutputStream {
        private final SocketChannel channel;

        ChannelOutput(SocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer buf = ByteBuffer.wrap(b, off, len);
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
        }
    }
}
