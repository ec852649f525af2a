package io.vncstream.rfb.decode;

import io.vncstream.rfb.RfbProtocolException;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * One of a connection's persistent zlib streams (Zlib has one, ZRLE one, Tight four). Each
 * rectangle's compressed bytes continue the stream of the previous one, so rectangles that use
 * a stream are decoded in wire order. Output is bounded: a rectangle cannot inflate to more
 * than its pixels could need.
 */
final class ZlibStream {
    private final Inflater inflater = new Inflater();
    private final byte[] probe = new byte[1];
    private byte[] out = new byte[64 * 1024];

    /** Starts the stream afresh (Tight's reset bits). */
    void reset() {
        inflater.reset();
    }

    /**
     * Inflates all of {@code len} compressed bytes; returns the output length, which is at most
     * {@code maxOut}. The output is in {@link #output()} until the next call.
     */
    int inflate(byte[] src, int off, int len, int maxOut, String what) throws RfbProtocolException {
        inflater.setInput(src, off, len);
        int produced = 0;
        try {
            while (true) {
                int room = Math.min(out.length, maxOut) - produced;
                if (room == 0) {
                    if (produced >= maxOut) {
                        break;
                    }
                    out = Arrays.copyOf(out, (int) Math.min(maxOut, out.length * 2L));
                    continue;
                }
                int n = inflater.inflate(out, produced, room);
                produced += n;
                if (n == 0) {
                    if (inflater.needsDictionary()) {
                        throw new RfbProtocolException(what + ": zlib stream asks for a preset dictionary");
                    }
                    break;
                }
            }
            // Input may remain at the limit only if it yields nothing more (a sync-flush marker).
            if (produced >= maxOut && inflater.getRemaining() > 0 && inflater.inflate(probe) > 0) {
                throw new RfbProtocolException(what + ": zlib data inflates to more than " + maxOut + " bytes");
            }
        } catch (DataFormatException e) {
            throw new RfbProtocolException(what + ": corrupt zlib data (" + e.getMessage() + ")");
        }
        return produced;
    }

    byte[] output() {
        return out;
    }
}
