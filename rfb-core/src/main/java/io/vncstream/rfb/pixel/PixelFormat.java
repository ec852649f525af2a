package io.vncstream.rfb.pixel;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;

/** The 16-byte PIXEL_FORMAT of RFC 6143 section 7.4. */
public record PixelFormat(int bitsPerPixel, int depth, boolean bigEndian, boolean trueColour,
                          int redMax, int greenMax, int blueMax,
                          int redShift, int greenShift, int blueShift) {

    /** What the client asks for: 32-bit little-endian true colour, 0x00RRGGBB. */
    public static final PixelFormat TRUE_COLOUR_32 = new PixelFormat(32, 24, false, true, 255, 255, 255, 16, 8, 0);

    public static final int WIRE_SIZE = 16;

    public int bytesPerPixel() {
        return bitsPerPixel / 8;
    }

    /**
     * Whether ZRLE's CPIXEL and Tight's TPIXEL are 3 bytes: true colour, 32 bpp, depth at most 24,
     * and all colour bits in the low or the high three bytes (RFC 6143 7.7.6).
     */
    public boolean hasCompactPixel() {
        if (!trueColour || bitsPerPixel != 32 || depth > 24) {
            return false;
        }
        long mask = channelMask(redMax, redShift) | channelMask(greenMax, greenShift) | channelMask(blueMax, blueShift);
        return (mask & 0xFF000000L) == 0 || (mask & 0x000000FFL) == 0;
    }

    /** Whether the colour bits sit in the three least significant bytes (else the three most). */
    public boolean compactPixelInLowBytes() {
        long mask = channelMask(redMax, redShift) | channelMask(greenMax, greenShift) | channelMask(blueMax, blueShift);
        return (mask & 0xFF000000L) == 0;
    }

    /** Bytes of one CPIXEL/TPIXEL. */
    public int compactPixelSize() {
        return hasCompactPixel() ? 3 : bytesPerPixel();
    }

    /**
     * Whether Tight's TPIXEL is 3 bytes: 32 bpp true colour, depth 24, 8 bits per channel.
     * Unlike ZRLE's CPIXEL, those bytes are always red, green, blue (RFC 6143 7.7.5).
     */
    public boolean hasTightRgbPixel() {
        return trueColour && bitsPerPixel == 32 && depth == 24 && redMax == 255 && greenMax == 255 && blueMax == 255;
    }

    /** Bytes of one Tight TPIXEL. */
    public int tightPixelSize() {
        return hasTightRgbPixel() ? 3 : bytesPerPixel();
    }

    private static long channelMask(int max, int shift) {
        return ((long) max << shift) & 0xFFFFFFFFL;
    }

    /** Reads and validates a PIXEL_FORMAT (ServerInit, or a client's SetPixelFormat). */
    public static PixelFormat read(RfbInput in) throws IOException {
        int bpp = in.readU8();
        int depth = in.readU8();
        boolean bigEndian = in.readU8() != 0;
        boolean trueColour = in.readU8() != 0;
        int redMax = in.readU16();
        int greenMax = in.readU16();
        int blueMax = in.readU16();
        int redShift = in.readU8();
        int greenShift = in.readU8();
        int blueShift = in.readU8();
        in.skip(3);
        PixelFormat pf = new PixelFormat(bpp, depth, bigEndian, trueColour, redMax, greenMax, blueMax,
                redShift, greenShift, blueShift);
        pf.validate();
        return pf;
    }

    public void write(ByteArray out) {
        out.u8(bitsPerPixel).u8(depth).u8(bigEndian ? 1 : 0).u8(trueColour ? 1 : 0)
                .u16(redMax).u16(greenMax).u16(blueMax)
                .u8(redShift).u8(greenShift).u8(blueShift).padding(3);
    }

    /** Rejects formats no decoder can handle, with the reason. */
    public void validate() throws RfbProtocolException {
        if (bitsPerPixel != 8 && bitsPerPixel != 16 && bitsPerPixel != 32) {
            throw new RfbProtocolException("pixel format: bits-per-pixel " + bitsPerPixel + " is not 8, 16 or 32");
        }
        if (depth == 0 || depth > bitsPerPixel) {
            throw new RfbProtocolException("pixel format: depth " + depth + " does not fit " + bitsPerPixel + " bits per pixel");
        }
        if (trueColour) {
            checkChannel("red", redMax, redShift);
            checkChannel("green", greenMax, greenShift);
            checkChannel("blue", blueMax, blueShift);
        }
    }

    private void checkChannel(String name, int max, int shift) throws RfbProtocolException {
        if (max == 0 || Integer.bitCount(max + 1) != 1) {
            throw new RfbProtocolException("pixel format: " + name + "-max " + max + " is not 2^n-1");
        }
        if (shift >= bitsPerPixel || ((long) max << shift) >= (1L << bitsPerPixel)) {
            throw new RfbProtocolException("pixel format: " + name + " channel (max " + max + ", shift " + shift
                    + ") does not fit " + bitsPerPixel + " bits");
        }
    }

    @Override
    public String toString() {
        if (!trueColour) {
            return bitsPerPixel + " bpp, depth " + depth + ", colour map" + (bigEndian ? ", big-endian" : "");
        }
        return bitsPerPixel + " bpp, depth " + depth + (bigEndian ? ", big-endian" : ", little-endian")
                + ", rgb max " + redMax + "/" + greenMax + "/" + blueMax
                + " shift " + redShift + "/" + greenShift + "/" + blueShift;
    }
}
