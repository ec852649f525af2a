package io.vncstream.gateway.qmp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vncstream.gateway.log.LogText;
import io.vncstream.rfb.Limits;
import io.vncstream.rfb.RfbProtocolException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** QMP's framing: one JSON object per line, each line held to a limit before it is buffered further. */
final class QmpLines {
    /** A line from QEMU (query-qmp-schema answers run to a few hundred KiB). */
    static final int MAX_FROM_QEMU = 16 * 1024 * 1024;
    /** A line from a client of the shared monitor: commands are small. */
    static final int MAX_FROM_CLIENT = 1024 * 1024;
    /**
     * Events QEMU may write before its greeting. A monitor that is not negotiating capabilities
     * (one never connected, or whose last client left) is sent events, and QEMU writes them to
     * a client that has connected before it handles the connection and greets it; a VNC client
     * leaving at that moment puts a VNC_DISCONNECTED first. More than a few is not QEMU.
     */
    static final int MAX_EVENTS_BEFORE_GREETING = 64;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InputStream in;
    private final int limit;
    private final String what;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    QmpLines(InputStream in, int limit, String what) {
        this.in = in;
        this.limit = limit;
        this.what = what;
    }

    /**
     * The greeting, after any events QEMU wrote before it.
     *
     * @throws IOException if the stream ends first, or the first line that is not an event is
     *     not a greeting, or too many events come first
     */
    JsonNode greeting() throws IOException {
        for (int events = 0; ; events++) {
            String line = next();
            if (line == null) {
                throw new IOException(what + ": connection closed before the greeting");
            }
            JsonNode node = parse(line);
            if (node.has("QMP")) {
                return node;
            }
            if (!node.has("event") || events == MAX_EVENTS_BEFORE_GREETING) {
                throw new IOException(what + ": not a QMP greeting: " + LogText.clean(line));
            }
        }
    }

    private JsonNode parse(String line) throws IOException {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject()) {
                throw new IOException(what + ": not a JSON object: " + LogText.clean(line));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IOException(what + ": not JSON: " + LogText.clean(line));
        }
    }

    /** The next line without its end, or null at the end of the stream. */
    String next() throws IOException {
        line.reset();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8).strip();
            }
            if (line.size() >= limit) {
                throw new RfbProtocolException(what + ": a line longer than " + Limits.describe(limit));
            }
            line.write(b);
        }
    }
}
