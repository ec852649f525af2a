package io.vncstream.rfb.testing;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A minimal client of QEMU's machine protocol (QMP): one JSON object per line, on a unix
 * socket or on QEMU's stdin and stdout ({@code -qmp stdio}). A thread reads lines into a queue,
 * so that every answer has a deadline; the channels are used directly, because
 * {@code Channels.newInputStream} and {@code newOutputStream} on one socket channel deadlock
 * each other on Java 17. JSON is built and matched as text: the test kit needs no more.
 */
public final class QmpConnection implements AutoCloseable {
    /** A command's answer; anything else is an event (which QEMU begins with its timestamp). */
    private static final Pattern RESPONSE = Pattern.compile("^\\{\\s*\"(return|error)\"");
    private static final String CLOSED = "\u0000closed";

    private final ReadableByteChannel in;
    private final Sink out;
    private final Closeable resource;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> events = new ArrayList<>();
    private final Duration timeout;
    private final Thread reader;
    private final String greeting;

    /** Where commands go: written whole and flushed. */
    @FunctionalInterface
    private interface Sink {
        void send(byte[] line) throws IOException;
    }

    private QmpConnection(ReadableByteChannel in, Sink out, Closeable resource, Duration timeout)
            throws IOException {
        this.in = in;
        this.out = out;
        this.resource = resource;
        this.timeout = timeout;
        this.reader = new Thread(this::readLoop, "qmp reader");
        reader.setDaemon(true);
        reader.start();
        // QEMU can write an event before the greeting to a client it has not yet greeted.
        long deadline = System.nanoTime() + timeout.toNanos();
        String first = nextLine("the greeting", deadline);
        for (int skipped = 0; first.contains("\"event\"") && !first.contains("\"QMP\"") && skipped < 64; skipped++) {
            events.add(first);
            first = nextLine("the greeting", deadline);
        }
        this.greeting = first;
        if (!greeting.contains("\"QMP\"")) {
            throw new IOException("not a QMP greeting: " + greeting);
        }
        executeOk("{\"execute\":\"qmp_capabilities\"}");
    }

    /** Connects to a unix socket, reads the greeting and leaves capabilities negotiation mode. */
    public static QmpConnection connect(Path socket, Duration timeout) throws IOException {
        SocketChannel ch = io.vncstream.rfb.io.Transport.connectUnix(socket, timeout);
        try {
            return new QmpConnection(ch, line -> {
                ByteBuffer b = ByteBuffer.wrap(line);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
            }, ch, timeout);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Talks QMP over a process's stdin and stdout ({@code qemu -qmp stdio}). */
    public static QmpConnection overStdio(Process process, Duration timeout) throws IOException {
        java.io.OutputStream stdin = process.getOutputStream();
        return new QmpConnection(Channels.newChannel(process.getInputStream()), line -> {
            stdin.write(line);
            stdin.flush();
        }, () -> {
                    process.getOutputStream().close();
                    process.getInputStream().close();
                }, timeout);
    }

    private void readLoop() {
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        try {
            while (in.read(buf) >= 0) {
                buf.flip();
                while (buf.hasRemaining()) {
                    byte b = buf.get();
                    if (b == '\n') {
                        String text = line.toString(StandardCharsets.UTF_8).strip();
                        line.reset();
                        if (!text.isEmpty()) {
                            lines.add(text);
                        }
                    } else {
                        line.write(b);
                    }
                }
                buf.clear();
            }
        } catch (IOException e) {
            // closed
        }
        lines.add(CLOSED);
    }

    /** The server's first line, with QEMU's version. */
    public String greeting() {
        return greeting;
    }

    /** Asynchronous events seen so far while waiting for answers. */
    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    /** Sends one command (a JSON object) and returns its answer line ({@code return} or {@code error}). */
    public synchronized String execute(String json) throws IOException {
        out.send((json.strip() + "\n").getBytes(StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = nextLine(json, deadline);
            if (RESPONSE.matcher(line).find()) {
                return line;
            }
            events.add(line);
        }
    }

    private String nextLine(String what, long deadline) throws IOException {
        try {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IOException("QMP: no answer within " + timeout.toSeconds() + " s to " + what);
            }
            if (line == CLOSED) {
                lines.add(CLOSED);
                throw new IOException("QMP connection closed while waiting for the answer to " + what);
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the answer to " + what, e);
        }
    }

    /** Sends a command and fails unless QEMU answers with {@code return}. */
    public String executeOk(String json) throws IOException {
        String response = execute(json);
        if (!response.startsWith("{\"return\"")) {
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

    @Override
    public void close() {
        try {
            resource.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
