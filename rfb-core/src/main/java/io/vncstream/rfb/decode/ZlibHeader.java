package io.vncstream.rfb.decode;

import io.vncstream.rfb.RfbProtocolException;

/**
 * The two bytes (CMF, FLG) that begin a zlib stream, read and checked as zlib checks them, for
 * a raw inflater that then gets the deflate data after them. They may come split over two
 * rectangles' data, so what was seen is kept until the stream is reset.
 */
final class ZlibHeader {
    private static final int DEFLATE = 8;
    private static final int MAX_WINDOW_BITS = 7;
    private static final int PRESET_DICTIONARY = 0x20;

    /** Header bytes still to come: 2 at the start of a stream, 0 once read. */
    private int missing = 2;
    private int cmf;

    void reset() {
        missing = 2;
    }

    /**
     * Consumes what is still missing of the header from {@code src[off..off+len)}; returns how
     * many bytes that was (0 once the header is read). A header zlib would refuse is refused
     * here with zlib's own words.
     */
    int take(byte[] src, int off, int len, RectHeader rect) throws RfbProtocolException {
        int used = 0;
        while (missing > 0 && used < len) {
            int b = src[off + used++] & 0xFF;
            if (missing == 2) {
                cmf = b;
                missing = 1;
            } else {
                missing = 0;
                check(cmf, b, rect);
            }
        }
        return used;
    }

    private static void check(int cmf, int flg, RectHeader rect) throws RfbProtocolException {
        if (((cmf << 8) | flg) % 31 != 0) {
            throw corrupt(rect, "incorrect header check");
        }
        if ((cmf & 0x0F) != DEFLATE) {
            throw corrupt(rect, "unknown compression method");
        }
        if ((cmf >>> 4) > MAX_WINDOW_BITS) {
            throw corrupt(rect, "invalid window size");
        }
        if ((flg & PRESET_DICTIONARY) != 0) {
            throw new RfbProtocolException(rect.describe() + ": zlib stream asks for a preset dictionary");
        }
    }

    /** The one wording of a zlib refusal, whether this header or the inflater found it. */
    static RfbProtocolException corrupt(RectHeader rect, String why) {
        return new RfbProtocolException(rect.describe() + ": corrupt zlib data (" + why + ")");
    }
}
