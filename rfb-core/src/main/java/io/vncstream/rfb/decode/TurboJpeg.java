package io.vncstream.rfb.decode;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.framebuffer.Framebuffer;

import java.lang.ref.Cleaner;
import java.util.function.Supplier;

import static io.vncstream.rfb.decode.TurboJpegLibrary.TJCS_CMYK;
import static io.vncstream.rfb.decode.TurboJpegLibrary.TJCS_YCCK;
import static io.vncstream.rfb.decode.TurboJpegLibrary.TJERR_WARNING;
import static io.vncstream.rfb.decode.TurboJpegLibrary.TJPF_BGRX;

/**
 * Tight's JPEG rectangles through libjpeg-turbo (TurboJPEG, default flags: the accurate integer
 * DCT and fancy upsampling, as TigerVNC's and ImageIO's libjpeg decode). The JPEG is copied into
 * a native buffer, decoded there as BGRX (the int layout of {@code out} on little-endian x86) and
 * copied out in bulk reads, row by row into the framebuffer when it paints. The handle is made at the first JPEG and freed by {@link #close}
 * or, for a decoder that is simply dropped with its connection, by a cleaner. Both native
 * buffers only grow, to the largest JPEG and rectangle seen (bounded by Tight's length limit
 * and the framebuffer).
 */
final class TurboJpeg implements JpegDecoder {
    private static final Cleaner CLEANER = Cleaner.create();

    private Handle handle;
    private Cleaner.Cleanable cleanable;
    /** Width, height, subsampling, colour space, as tjDecompressHeader3 writes them. */
    private final Memory header = new Memory(16);
    private final Pointer width = header.share(0);
    private final Pointer height = header.share(4);
    private final Pointer subsamp = header.share(8);
    private final Pointer colorspace = header.share(12);
    private Memory input;
    private Memory output;
    /** CMYK JPEGs, which no VNC server sends and TurboJPEG cannot turn into RGB. */
    private ImageIoJpeg general;

    @Override
    public String name() {
        return "libturbojpeg";
    }

    @Override
    public int[] decode(RectHeader rect, byte[] src, int off, int len, int[] out) throws RfbProtocolException {
        Memory dst = decodeNative(rect, src, off, len);
        if (dst == null) {
            return general().decode(rect, src, off, len, out);
        }
        dst.read(0, out, 0, rect.width() * rect.height());
        return out;
    }

    /** Copies the decoded rows straight into the framebuffer's: one copy less than through an array. */
    @Override
    public void paint(RectHeader rect, byte[] src, int off, int len, Framebuffer fb, Supplier<int[]> scratch)
            throws RfbProtocolException {
        Memory dst = decodeNative(rect, src, off, len);
        if (dst == null) {
            general().paint(rect, src, off, len, fb, scratch);
            return;
        }
        int w = rect.width();
        int h = rect.height();
        int[] pixels = fb.pixels();
        int stride = fb.width();
        if (w == stride) {
            dst.read(0, pixels, rect.y() * stride, w * h);
            return;
        }
        for (int row = 0; row < h; row++) {
            dst.read((long) row * w * 4, pixels, (rect.y() + row) * stride + rect.x(), w);
        }
    }

    /** The JPEG decoded into the output buffer as BGRX, w x h; null for a CMYK JPEG (ImageIO's). */
    private Memory decodeNative(RectHeader rect, byte[] src, int off, int len) throws RfbProtocolException {
        int w = rect.width();
        int h = rect.height();
        Pointer tj = handle(rect);
        Memory in = input(len);
        in.write(0, src, off, len);
        NativeLong size = new NativeLong(len);
        // Cleared first: on data that holds only tables TurboJPEG 2 succeeds without writing a size.
        header.clear();
        if (TurboJpegLibrary.tjDecompressHeader3(tj, in, size, width, height, subsamp, colorspace) != 0) {
            throw failed(rect, TurboJpegLibrary.errorText(tj));
        }
        int jw = width.getInt(0);
        int jh = height.getInt(0);
        if (jw <= 0 || jh <= 0) {
            throw failed(rect, "no image in the data");
        }
        if (jw != w || jh != h) {
            throw new RfbProtocolException(rect.describe() + ": JPEG image is " + jw + "x" + jh
                    + ", not the rectangle's size");
        }
        int cs = colorspace.getInt(0);
        if (cs == TJCS_CMYK || cs == TJCS_YCCK) {
            return null;
        }
        Memory dst = output((long) w * h * 4);
        if (TurboJpegLibrary.tjDecompress2(tj, in, size, dst, w, w * 4, h, TJPF_BGRX, 0) != 0
                && TurboJpegLibrary.tjGetErrorCode(tj) != TJERR_WARNING) {
            throw failed(rect, TurboJpegLibrary.errorText(tj));
        }
        return dst;
    }

    private ImageIoJpeg general() {
        if (general == null) {
            general = new ImageIoJpeg();
        }
        return general;
    }

    private static RfbProtocolException failed(RectHeader rect, String why) {
        return new RfbProtocolException(rect.describe() + ": JPEG data cannot be decoded (" + JpegDecoder.oneLine(why) + ")");
    }

    private Pointer handle(RectHeader rect) throws RfbProtocolException {
        if (handle == null) {
            Pointer p = TurboJpegLibrary.tjInitDecompress();
            if (p == null) {
                throw new RfbProtocolException(rect.describe() + ": libturbojpeg cannot start a decompressor ("
                        + JpegDecoder.oneLine(TurboJpegLibrary.errorText(null)) + ")");
            }
            handle = new Handle(p);
            cleanable = CLEANER.register(this, handle);
        }
        return handle.pointer;
    }

    private Memory input(int len) {
        if (input == null || input.size() < len) {
            input = new Memory(Math.max(len, 4096));
        }
        return input;
    }

    private Memory output(long bytes) {
        if (output == null || output.size() < bytes) {
            output = new Memory(Math.max(bytes, 4096));
        }
        return output;
    }

    @Override
    public void close() {
        if (cleanable != null) {
            cleanable.clean();
            cleanable = null;
            handle = null;
        }
        if (input != null) {
            input.close();
            input = null;
        }
        if (output != null) {
            output.close();
            output = null;
        }
        if (general != null) {
            general.close();
            general = null;
        }
    }

    /** The native handle, destroyed once: by close() or by the cleaner (it must not refer to the decoder). */
    private static final class Handle implements Runnable {
        final Pointer pointer;

        Handle(Pointer pointer) {
            this.pointer = pointer;
        }

        @Override
        public void run() {
            TurboJpegLibrary.tjDestroy(pointer);
        }
    }
}
