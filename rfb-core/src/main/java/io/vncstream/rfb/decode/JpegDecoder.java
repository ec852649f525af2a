package io.vncstream.rfb.decode;

import io.vncstream.rfb.RfbProtocolException;

/**
 * Decodes one Tight JPEG rectangle into ARGB ints (0xFFRRGGBB, row stride = rectangle width).
 * One instance per decoding lane of a connection: it keeps its reader or native handle and its
 * buffers between rectangles, and is not for two threads at once.
 */
interface JpegDecoder extends AutoCloseable {
    /**
     * Decodes {@code len} bytes of {@code src} from {@code off} into {@code out} and returns it.
     * The image's size is read from its header and checked against the rectangle before anything
     * is decoded: a few hundred bytes of JPEG may claim 65535x65535 pixels.
     */
    int[] decode(RectHeader rect, byte[] src, int off, int len, int[] out) throws RfbProtocolException;

    /** The convenience form of the tests: a whole array. */
    default int[] decode(RectHeader rect, byte[] jpeg, int[] out) throws RfbProtocolException {
        return decode(rect, jpeg, 0, jpeg.length, out);
    }

    /** Which library decodes: "libturbojpeg" or "ImageIO". */
    String name();

    /** Frees the reader or native handle; a later decode opens a new one. */
    @Override
    void close();

    /** A library's message as one line of an error. */
    static String oneLine(String message) {
        return message.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ");
    }
}
