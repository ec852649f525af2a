package io.vncstream.rfb.testing;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The client end of a QEMU {@code -chardev socket,server=on}: a thread reads everything the
 * guest prints into a buffer (as fast as it comes: QEMU holds back the guest's serial port
 * while the socket is full), and text can be typed.
 */
public final class SerialConsole implements AutoCloseable {
    /** Checked while waiting, so that a dead peer fails at once with its own story. */
    @FunctionalInterface
    public interface Liveness {
        void check() throws IOException;
    }

    private final SocketChannel channel;
    private final StringBuffer text = new StringBuffer();
    private final Thread reader;

    private SerialConsole(SocketChannel channel, String name) {
        this.channel = channel;
        this.reader = new Thread(this::readLoop, "serial " + name);
        reader.setDaemon(true);
        reader.start();
    }

    public static SerialConsole connect(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            ch.close();
            throw new IOException("cannot connect to the serial socket " + socket + ": " + e.getMessage(), e);
        }
        return new SerialConsole(ch, socket.getFileName().toString());
    }

    private void readLoop() {
        ByteBuffer buf = ByteBuffer.allocate(8192);
        try {
            while (true) {
                buf.clear();
                if (channel.read(buf) < 0) {
                    return;
                }
                buf.flip();
                // Latin-1: one char per byte, so that offsets into the text are byte offsets.
                text.append(StandardCharsets.ISO_8859_1.decode(buf));
            }
        } catch (IOException e) {
            // closed: the text so far stays readable
        }
    }

    /** Everything read so far. */
    public String text() {
        return text.toString();
    }

    /** How many characters have been read so far: a starting point for {@link #await}. */
    public int length() {
        return text.length();
    }

    /** Writes text to the guest, as if typed. */
    public void type(String s) throws IOException {
        ByteBuffer out = StandardCharsets.ISO_8859_1.encode(s);
        synchronized (channel) {
            while (out.hasRemaining()) {
                channel.write(out);
            }
        }
    }

    /** Waits until {@code needle} appears at or after offset {@code from}; returns where it starts. */
    public int await(String needle, int from, Duration timeout, Liveness peer) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int at = text.indexOf(needle, from);
            if (at >= 0) {
                return at;
            }
            peer.check();
            if (System.nanoTime() > deadline) {
                throw new IOException("no '" + needle + "' on the serial console within " + timeout.toSeconds()
                        + " s; its last output:\n" + tail(text.substring(Math.min(from, text.length()))));
            }
            Thread.sleep(20);
        }
    }

    static String tail(String s) {
        return s.length() <= 3000 ? s : s.substring(s.length() - 3000);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
