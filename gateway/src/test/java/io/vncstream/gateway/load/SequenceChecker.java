package io.vncstream.gateway.load;

import io.vncstream.rfb.stream.CaptureListener;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Checks a capture of a {@link SequenceSource} byte for byte: from the first line boundary on,
 * every line must be the next number's line, none lost, repeated or changed.
 */
public final class SequenceChecker implements CaptureListener {
    private final byte[] partial = new byte[SequenceSource.LINE];
    private int filled;
    private boolean synced;
    private long expected = -1;
    private volatile long bytes;
    private volatile long linesChecked;
    private volatile String error;
    private volatile String endedReason;

    @Override
    public synchronized void output(byte[] data) {
        bytes += data.length;
        for (byte b : data) {
            if (error != null) {
                return;
            }
            if (!synced) {
                synced = b == '\n';
                continue;
            }
            partial[filled++] = b;
            if (filled == partial.length) {
                filled = 0;
                check();
            }
        }
    }

    private void check() {
        if (expected < 0) {
            try {
                expected = Long.parseLong(new String(partial, 0, 19, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                error = "not a line: " + new String(partial, StandardCharsets.US_ASCII);
                return;
            }
        }
        if (!Arrays.equals(partial, SequenceSource.line(expected))) {
            error = "expected line " + expected + ", got '" + new String(partial, StandardCharsets.US_ASCII).strip() + "'";
            return;
        }
        expected++;
        linesChecked++;
    }

    @Override
    public void ended(String reason) {
        endedReason = reason;
    }

    public long bytes() {
        return bytes;
    }

    public long linesChecked() {
        return linesChecked;
    }

    /** The first difference seen, or null if every byte so far was right. */
    public String error() {
        return error;
    }

    public String endedReason() {
        return endedReason;
    }
}
