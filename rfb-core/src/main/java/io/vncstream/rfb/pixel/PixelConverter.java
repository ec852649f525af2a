package io.vncstream.rfb.pixel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

/**
 * Turns wire pixels in a given {@link PixelFormat} into opaque ARGB ints (0xFFRRGGBB).
 * Channel values are scaled to 8 bits with rounding through lookup tables, so that the
 * conversion of a 5- or 6-bit channel matches what X servers and other viewers show.
 */
public final class PixelConverter {
    private final PixelFormat format;
    private final ColourMap colourMap;
    private final int bytesPerPixel;
    private final boolean bigEndian;
    private final int[] red;
    private final int[] green;
    private final int[] blue;
    private final boolean identity;
    /** Which of the common 32-bit true-colour layouts this is, for {@link #convert}: one of the constants below. */
    private final int layout;
    /** rfb-core's own format, whose CPIXEL is blue, green, red: the one ZRLE stream every client of ours gets. */
    private final boolean compactRgbLe;
    private static final int GENERAL = 0;
    /** 8 bits a channel, red at bit 16 and blue at bit 0 (rfb-core's own format, Xvnc's natural one). */
    private static final int RGB_LE = 1;
    private static final int RGB_BE = 2;
    /** 8 bits a channel, red at bit 0 and blue at bit 16 (TigerVNC's bgr888, decperf's files). */
    private static final int BGR_LE = 3;
    private static final int BGR_BE = 4;
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    public PixelConverter(PixelFormat format, ColourMap colourMap) {
        this.format = format;
        this.colourMap = colourMap;
        this.bytesPerPixel = format.bytesPerPixel();
        this.bigEndian = format.bigEndian();
        if (format.trueColour()) {
            red = scaleTable(format.redMax());
            green = scaleTable(format.greenMax());
            blue = scaleTable(format.blueMax());
        } else {
            red = green = blue = null;
        }
        identity = format.trueColour() && format.redMax() == 255 && format.greenMax() == 255 && format.blueMax() == 255
                && format.redShift() == 16 && format.greenShift() == 8 && format.blueShift() == 0;
        boolean eightBits = format.trueColour() && format.bitsPerPixel() == 32 && format.redMax() == 255
                && format.greenMax() == 255 && format.blueMax() == 255 && format.greenShift() == 8;
        boolean bgr = eightBits && format.redShift() == 0 && format.blueShift() == 16;
        if (identity && bytesPerPixel == 4) {
            layout = bigEndian ? RGB_BE : RGB_LE;
        } else if (bgr) {
            layout = bigEndian ? BGR_BE : BGR_LE;
        } else {
            layout = GENERAL;
        }
        compactRgbLe = layout == RGB_LE && format.hasCompactPixel() && format.compactPixelInLowBytes();
    }

    public PixelFormat format() {
        return format;
    }

    private static int[] scaleTable(int max) {
        int[] t = new int[max + 1];
        for (int v = 0; v <= max; v++) {
            t[v] = (v * 255 + max / 2) / max;
        }
        return t;
    }

    /** A pixel value (already assembled from its bytes) as ARGB. */
    public int argb(int pixel) {
        if (identity) {
            return 0xFF000000 | pixel;
        }
        if (red == null) {
            return colourMap.argb(pixel);
        }
        int r = red[(pixel >>> format.redShift()) & format.redMax()];
        int g = green[(pixel >>> format.greenShift()) & format.greenMax()];
        int b = blue[(pixel >>> format.blueShift()) & format.blueMax()];
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }

    /** Reads one full-size pixel value (1, 2 or 4 bytes in the format's byte order). */
    public int pixelValue(byte[] src, int off) {
        switch (bytesPerPixel) {
            case 1:
                return src[off] & 0xFF;
            case 2:
                return bigEndian
                        ? ((src[off] & 0xFF) << 8) | (src[off + 1] & 0xFF)
                        : ((src[off + 1] & 0xFF) << 8) | (src[off] & 0xFF);
            default:
                return bigEndian
                        ? ((src[off] & 0xFF) << 24) | ((src[off + 1] & 0xFF) << 16) | ((src[off + 2] & 0xFF) << 8) | (src[off + 3] & 0xFF)
                        : ((src[off + 3] & 0xFF) << 24) | ((src[off + 2] & 0xFF) << 16) | ((src[off + 1] & 0xFF) << 8) | (src[off] & 0xFF);
        }
    }

    /** Reads one full-size pixel and converts it. */
    public int readArgb(byte[] src, int off) {
        if (layout == RGB_LE) {
            return 0xFF000000 | (int) INT_LE.get(src, off);
        }
        return argb(pixelValue(src, off));
    }

    /**
     * Reads one compact pixel (CPIXEL/TPIXEL, {@link PixelFormat#compactPixelSize()} bytes) and converts it.
     * A 3-byte compact pixel is the 4-byte value without its unused byte, in the format's byte order.
     */
    public int readCompactArgb(byte[] src, int off) {
        if (compactRgbLe) {
            return 0xFF000000 | ((src[off + 2] & 0xFF) << 16) | ((src[off + 1] & 0xFF) << 8) | (src[off] & 0xFF);
        }
        return argb(compactValue(src, off));
    }

    /** The pixel value of one compact pixel (a full-size pixel when the format has no compact form). */
    public int compactValue(byte[] src, int off) {
        if (!format.hasCompactPixel()) {
            return pixelValue(src, off);
        }
        int b0 = src[off] & 0xFF, b1 = src[off + 1] & 0xFF, b2 = src[off + 2] & 0xFF;
        if (format.compactPixelInLowBytes()) {
            return bigEndian ? (b0 << 16) | (b1 << 8) | b2 : (b2 << 16) | (b1 << 8) | b0;
        }
        return bigEndian ? (b0 << 24) | (b1 << 16) | (b2 << 8) : (b2 << 24) | (b1 << 16) | (b0 << 8);
    }

    /** The pixel value of one Tight TPIXEL (red, green, blue bytes when 3 bytes long). */
    public int tightValue(byte[] src, int off) {
        if (!format.hasTightRgbPixel()) {
            return pixelValue(src, off);
        }
        return ((src[off] & 0xFF) << format.redShift()) | ((src[off + 1] & 0xFF) << format.greenShift())
                | ((src[off + 2] & 0xFF) << format.blueShift());
    }

    /**
     * Converts {@code count} consecutive full-size pixels into {@code dst}. The common 32-bit
     * layouts read each pixel as one int (the unused byte is forced to opaque alpha); the others go
     * through the channel tables.
     */
    public void convert(byte[] src, int srcOff, int[] dst, int dstOff, int count) {
        if (layout != GENERAL && count >= BULK_FROM) {
            convertBulk(src, srcOff, dst, dstOff, count);
            return;
        }
        switch (layout) {
            case RGB_LE -> {
                for (int i = 0; i < count; i++, srcOff += 4) {
                    dst[dstOff + i] = 0xFF000000 | (int) INT_LE.get(src, srcOff);
                }
            }
            case RGB_BE -> {
                for (int i = 0; i < count; i++, srcOff += 4) {
                    dst[dstOff + i] = 0xFF000000 | (int) INT_BE.get(src, srcOff);
                }
            }
            case BGR_LE -> {
                for (int i = 0; i < count; i++, srcOff += 4) {
                    dst[dstOff + i] = swapRedBlue((int) INT_LE.get(src, srcOff));
                }
            }
            case BGR_BE -> {
                for (int i = 0; i < count; i++, srcOff += 4) {
                    dst[dstOff + i] = swapRedBlue((int) INT_BE.get(src, srcOff));
                }
            }
            default -> {
                for (int i = 0; i < count; i++, srcOff += bytesPerPixel) {
                    dst[dstOff + i] = argb(pixelValue(src, srcOff));
                }
            }
        }
    }

    /** From this many pixels the two-pass conversion below beats the one-pass loops. */
    private static final int BULK_FROM = 64;

    /**
     * The 32-bit layouts in two passes: the ints copied in bulk (a memory copy, byte-swapped if
     * need be), then alpha forced (and red and blue swapped) over the ints, a loop the JIT
     * compiles to vector instructions. About twice as fast as assembling each int from its bytes
     * (measured on rows of 1920 pixels).
     */
    private void convertBulk(byte[] src, int srcOff, int[] dst, int dstOff, int count) {
        IntViews v = views;
        if (v.array != src) {
            v = new IntViews(src, layout == RGB_BE || layout == BGR_BE ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            if (src.length <= CACHE_VIEWS_UP_TO) {
                views = v;
            }
        }
        v.byAlignment[srcOff & 3].get(srcOff >>> 2, dst, dstOff, count);
        int end = dstOff + count;
        if (layout == RGB_LE || layout == RGB_BE) {
            for (int i = dstOff; i < end; i++) {
                dst[i] |= 0xFF000000;
            }
        } else {
            for (int i = dstOff; i < end; i++) {
                dst[i] = swapRedBlue(dst[i]);
            }
        }
    }

    /**
     * Arrays up to this size (a connection's input buffer, an inflate window) keep their views;
     * a larger one (a big rectangle's recording) is not held on to after its rectangle.
     */
    private static final int CACHE_VIEWS_UP_TO = 1 << 20;

    /** The int views of the last source array, made once per array, not per row. */
    private volatile IntViews views = new IntViews(new byte[0], ByteOrder.LITTLE_ENDIAN);

    /**
     * Int views of one byte array, one per starting byte modulo 4, so that a row at any byte
     * offset is an absolute bulk get (int index = offset / 4 in the view of offset % 4).
     */
    private static final class IntViews {
        final byte[] array;
        final IntBuffer[] byAlignment = new IntBuffer[4];

        IntViews(byte[] array, ByteOrder order) {
            this.array = array;
            for (int k = 0; k < 4; k++) {
                int start = Math.min(k, array.length);
                byAlignment[k] = ByteBuffer.wrap(array, start, array.length - start).slice().order(order).asIntBuffer();
            }
        }
    }

    /**
     * Converts {@code count} consecutive compact pixels (CPIXELs) into {@code dst}; rfb-core's own
     * format, the one its ZRLE streams are in, assembles each from its three bytes in one step.
     */
    public void convertCompact(byte[] src, int srcOff, int[] dst, int dstOff, int count) {
        if (!format.hasCompactPixel()) {
            convert(src, srcOff, dst, dstOff, count);
        } else if (compactRgbLe) {
            for (int i = 0; i < count; i++, srcOff += 3) {
                dst[dstOff + i] = 0xFF000000 | ((src[srcOff + 2] & 0xFF) << 16) | ((src[srcOff + 1] & 0xFF) << 8)
                        | (src[srcOff] & 0xFF);
            }
        } else {
            for (int i = 0; i < count; i++, srcOff += 3) {
                dst[dstOff + i] = readCompactArgb(src, srcOff);
            }
        }
    }

    private static int swapRedBlue(int v) {
        return 0xFF000000 | ((v & 0xFF) << 16) | (v & 0xFF00) | ((v >>> 16) & 0xFF);
    }
}
