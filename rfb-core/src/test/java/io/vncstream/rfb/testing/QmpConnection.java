package io.vncstream.rfb.testing;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal client of QEMU's machine protocol (QMP) on a unix socket: one JSON object per line.
 * It reads and writes the {@link SocketChannel} itself, non-blocking with a selector for
 * deadlines ({@code Channels.newInputStream} and {@code newOutputStream} on one channel
 * deadlock each other on Java 17). JSON is built and matched as text: the test kit needs no more.
 */
public final class QmpConnection implements AutoCloseable {
    /** A command's answer; anything else is an event (which QEMU begins with its timestamp). */
    private static final Pattern RESPONSE = Pattern.compile("^\\{\\s*\"(return|error)\"");

    private final SocketChannel channel;
    private final Selector selector;
    private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
    private final StringBuilder pending = new StringBuilder();
    private final List<String> events = new ArrayList<>();
    private final Duration timeout;
    private final String greeting;

    private QmpConnection(SocketChannel channel, Duration timeout) throws IOException {
        this.channel = channel;
        this.timeout = timeout;
        channel.configureBlocking(false);
        this.selector = Selector.open();
        this.greeting = readLine();
        if (!greeting.contains("\"QMP\"")) {
            throw new IOException("not a QMP greeting: " + greeting);
        }
        String caps = execute("{\"execute\":\"qmp_capabilities\"}");
        if (!caps.contains("\"return\"")) {
            throw new IOException("qmp_capabilities refused: " + caps);
        }
    }

    /** Connects, reads the greeting and leaves capabilities negotiation mode. */
    public static QmpConnection connect(Path socket, Duration timeout) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
            return new QmpConnection(ch, timeout);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** The server's first line, with QEMU's version. */
    public String greeting() {
        return greeting;
    }

    /** Asynchronous events seen so far while waiting for responses. */
    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    /** Sends one command (a JSON object) and returns its response line ({@code return} or {@code error}). */
    public synchronized String execute(String json) throws IOException {
        ByteBuffer out = StandardCharsets.UTF_8.encode(json.strip() + "\n");
        long deadline = System.nanoTime() + timeout.toNanos();
        SelectionKey key = channel.register(selector, SelectionKey.OP_WRITE);
        try {
            while (out.hasRemaining()) {
                if (channel.write(out) == 0) {
                    waitFor(key, SelectionKey.OP_WRITE, deadline, json);
                }
            }
        } finally {
            key.interestOps(0);
        }
        while (true) {
            String line = readLine(deadline, json);
            if (!RESPONSE.matcher(line).find()) {
                events.add(line);
                continue;
            }
            return line;
        }
    }

    /** Sends a command and fails unless QEMU answers with {@code return}. */
    public String executeOk(String json) throws IOException {
        String response = execute(json);
        if (!response.contains("\"return\"")) {
            throw new IOException("QMP " + json + " failed: " + response);
        }
        return response;
    }

    /** Writes the VM's display to {@code ppm} (QMP screendump, binary PPM). */
    public void screendump(Path ppm) throws IOException {
        executeOk("{\"execute\":\"screendump\",\"arguments\":{\"filename\":" + quote(ppm.toAbsolutePath().toString()) + "}}");
    }

    /** A JSON string literal. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** The string value of {@code "name": "..."} in a JSON line (no escapes inside), or null. */
    public static String stringField(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"\\\\]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private String readLine() throws IOException {
        return readLine(System.nanoTime() + timeout.toNanos(), "greeting");
    }

    private String readLine(long deadline, String what) throws IOException {
        SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
        try {
            while (true) {
                int nl = pending.indexOf("\n");
                if (nl >= 0) {
                    String line = pending.substring(0, nl).strip();
                    pending.delete(0, nl + 1);
                    if (!line.isEmpty()) {
                        return line;
                    }
                    continue;
                }
                in.clear();
                int n = channel.read(in);
                if (n < 0) {
                    throw new IOException("QMP connection closed while waiting for the answer to " + what);
                }
                if (n == 0) {
                    waitFor(key, SelectionKey.OP_READ, deadline, what);
                    continue;
                }
                in.flip();
                pending.append(StandardCharsets.UTF_8.decode(in));
            }
        } finally {
            key.interestOps(0);
        }
    }

    private void waitFor(SelectionKey key, int op, long deadline, String what) throws IOException {
        key.interestOps(op);
        long left = deadline - System.nanoTime();
        if (left <= 0 || selector.select(Math.max(1, left / 1_000_000)) == 0 && System.nanoTime() >= deadline) {
            throw new IOException("QMP: no answer within " + timeout.toSeconds() + " s to " + what);
        }
        selector.selectedKeys().clear();
    }

    @Override
    public synchronized void close() {
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
