package io.vncstream.rfb.decode;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.framebuffer.Framebuffer;

import java.util.function.Supplier;

/**
 * Decodes one Tight JPEG rectangle into ARGB ints (0xFFRRGGBB, row stride = rectangle width).
 * One instance per Tight decoder of a connection: it keeps its reader or native handle and its
 * buffers between rectangles, and is not for two threads at once.
 */
interface JpegDecoder extends AutoCloseable {
    /**
     * Decodes {@code len} bytes of {@code src} from {@code off} into {@code out} and returns it.
     * The image's size is read from its header and checked against the rectangle before anything
     * is decoded: a few hundred bytes of JPEG may claim 65535x65535 pixels.
     */
    int[] decode(RectHeader rect, byte[] src, int off, int len, int[] out) throws RfbProtocolException;

    /**
     * Decodes into the rectangle's place in {@code fb} (which the caller has checked it fits):
     * through a scratch array by default, straight into the framebuffer's rows where the
     * decoder can.
     */
    default void paint(RectHeader rect, byte[] src, int off, int len, Framebuffer fb, Supplier<int[]> scratch)
            throws RfbProtocolException {
        int[] out = decode(rect, src, off, len, scratch.get());
        fb.setPixels(rect.x(), rect.y(), rect.width(), rect.height(), out, 0, rect.width());
    }

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
