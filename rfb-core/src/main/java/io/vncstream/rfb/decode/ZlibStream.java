package io.vncstream.rfb.decode;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * One of a connection's persistent zlib streams (Zlib has one, ZRLE one, Tight four). Each
 * rectangle's compressed bytes continue the stream of the previous one, so rectangles that use
 * a stream are decoded in wire order.
 * <p>
 * A rectangle's data is inflated as the decoder reads it, into one fixed buffer, never whole:
 * a few KiB of zlib can claim gigabytes, and even honest data for a 4K rectangle is tens of MiB.
 * The decoder stops at what its pixels need; {@link #finish} then checks that the stream holds
 * nothing more for this rectangle.
 * <p>
 * The inflater is a raw one: this class reads the two-byte zlib header itself. A server's
 * stream never ends (each rectangle ends in a sync flush), so zlib's Adler-32 trailer never
 * comes and is never checked, yet a zlib-wrapped inflater sums every byte it makes for it: 4-6%
 * of lossless Tight's and ZRLE's decoding time (perf, recorded Xvnc sessions).
 */
final class ZlibStream {
    private static final int WINDOW = 64 * 1024;

    private final Inflater inflater = new Inflater(true);
    private final ZlibHeader header = new ZlibHeader();
    private final byte[] window = new byte[WINDOW];
    private final byte[] probe = new byte[1];
    private final Source source = new Source();
    private RectHeader rect;
    private long produced;

    /** Starts the stream afresh (Tight's reset bits). */
    void reset() {
        inflater.reset();
        header.reset();
    }

    /**
     * The inflated data of {@code len} compressed bytes, read as it is produced. The input array
     * must stay unchanged until {@link #finish}.
     */
    RfbInput open(byte[] src, int off, int len, RectHeader rect) throws RfbProtocolException {
        this.rect = rect;
        int h = header.take(src, off, len, rect);
        inflater.setInput(src, off + h, len - h);
        this.produced = 0;
        return RfbInput.over(source, window);
    }

    /** Bytes inflated so far for this rectangle (some may still be unread in the input's buffer). */
    long produced() {
        return produced;
    }

    /**
     * Checks that the decoder read all this rectangle's data and no more came: nothing left in
     * {@code data}'s buffer, nothing more in the stream. Input left at the end may only be what
     * yields no bytes (a sync-flush marker). Excess is reported as "N bytes of {@code leftover}
     * left over" when it all arrived in the buffer and {@code leftover} is not null, else as
     * "zlib data inflates to more than" the bytes the pixels used.
     */
    void finish(RfbInput data, String leftover) throws RfbProtocolException {
        int left = data.buffered();
        boolean more;
        try {
            more = inflater.inflate(probe) > 0;
        } catch (DataFormatException e) {
            throw ZlibHeader.corrupt(rect, e.getMessage());
        }
        if (left > 0 && !more && leftover != null) {
            throw new RfbProtocolException(rect.describe() + ": " + left + " bytes of " + leftover + " left over");
        }
        if (left > 0 || more) {
            throw new RfbProtocolException(rect.describe() + ": zlib data inflates to more than " + (produced - left) + " bytes");
        }
    }

    /**
     * Inflates a rectangle's {@code length} compressed bytes from {@code in} whole, appending
     * the output to {@code out}, for a painting thread to read later ({@link DecodePipeline});
     * returns how many bytes it appended. More than {@code max} bytes of output is an error,
     * found when one byte more has been inflated. The compressed bytes are consumed from {@code in} a
     * buffer at a time, so they need not fit its buffer.
     */
    long inflateAll(RfbInput in, int length, RectHeader rect, ByteArray out, long max) throws IOException {
        this.rect = rect;
        long made = 0;
        int left = length;
        while (left > 0) {
            // All of a buffer's worth before any of it is inflated: data cut short is reported
            // as the input's end, as a decoder reading the rectangle whole reports it.
            int n = Math.min(left, in.capacity());
            in.ensure(n);
            // The inflater reads the input's buffer in place: it is skipped only once inflated.
            int h = header.take(in.array(), in.arrayOffset(), n, rect);
            inflater.setInput(in.array(), in.arrayOffset() + h, n - h);
            made = inflateInput(out, made, max);
            in.skip(n);
            left -= n;
        }
        produced = made;
        return made;
    }

    private static final int CHUNK = 64 * 1024;

    /** Inflates the input set until it is used up; returns the total made for this rectangle. */
    private long inflateInput(ByteArray out, long made, long max) throws IOException {
        while (true) {
            int room = (int) Math.min(CHUNK, max + 1 - made);
            byte[] a = out.reserve(room);
            int n;
            try {
                n = inflater.inflate(a, out.size(), room);
            } catch (DataFormatException e) {
                throw ZlibHeader.corrupt(rect, e.getMessage());
            }
            if (n == 0) {
                return made;
            }
            out.added(n);
            made += n;
            if (made > max) {
                throw tooMuch(max);
            }
        }
    }

    private RfbProtocolException tooMuch(long max) {
        return new RfbProtocolException(rect.describe() + ": zlib data inflates to more than " + max + " bytes");
    }

    /** The inflater as a stream: ends (-1) when this rectangle's input is used up. */
    private final class Source extends InputStream {
        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                int n = inflater.inflate(b, off, len);
                if (n == 0) {
                    return -1;
                }
                produced += n;
                return n;
            } catch (DataFormatException e) {
                throw ZlibHeader.corrupt(rect, e.getMessage());
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }
    }
}
