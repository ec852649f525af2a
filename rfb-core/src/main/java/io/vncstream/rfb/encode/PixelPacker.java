package io.vncstream.rfb.encode;

import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.pixel.PixelFormat;

/** Turns ARGB into wire pixels of a true-colour format: the inverse of PixelConverter. */
public final class PixelPacker {
    private final PixelFormat format;
    private final int bytesPerPixel;
    private final boolean compact;
    private final boolean compactLow;

    public PixelPacker(PixelFormat format) {
        if (!format.trueColour()) {
            throw new IllegalArgumentException("colour-map pixel formats are not supported by this server: " + format);
        }
        this.format = format;
        this.bytesPerPixel = format.bytesPerPixel();
        this.compact = format.hasCompactPixel();
        this.compactLow = compact && format.compactPixelInLowBytes();
    }

    public PixelFormat format() {
        return format;
    }

    public int pack(int argb) {
        int r = scale((argb >>> 16) & 0xFF, format.redMax());
        int g = scale((argb >>> 8) & 0xFF, format.greenMax());
        int b = scale(argb & 0xFF, format.blueMax());
        return (r << format.redShift()) | (g << format.greenShift()) | (b << format.blueShift());
    }

    private static int scale(int v, int max) {
        return max == 255 ? v : (v * max + 127) / 255;
    }

    /** A full-size PIXEL. */
    public void write(ByteArray out, int value) {
        switch (bytesPerPixel) {
            case 1 -> out.u8(value);
            case 2 -> {
                if (format.bigEndian()) {
                    out.u8(value >>> 8).u8(value);
                } else {
                    out.u8(value).u8(value >>> 8);
                }
            }
            default -> {
                if (format.bigEndian()) {
                    out.s32(value);
                } else {
                    out.u8(value).u8(value >>> 8).u8(value >>> 16).u8(value >>> 24);
                }
            }
        }
    }

    /** A ZRLE CPIXEL: three bytes when the format allows, in the format's byte order. */
    public void writeCompact(ByteArray out, int value) {
        if (!compact) {
            write(out, value);
            return;
        }
        int v = compactLow ? value : value >>> 8;
        if (format.bigEndian()) {
            out.u8(v >>> 16).u8(v >>> 8).u8(v);
        } else {
            out.u8(v).u8(v >>> 8).u8(v >>> 16);
        }
    }

    public int compactSize() {
        return format.compactPixelSize();
    }
}
