package io.vncstream.gateway.qmp;

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

    private final InputStream in;
    private final int limit;
    private final String what;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    QmpLines(InputStream in, int limit, String what) {
        this.in = in;
        this.limit = limit;
        this.what = what;
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
