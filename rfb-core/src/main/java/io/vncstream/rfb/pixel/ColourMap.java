package io.vncstream.rfb.pixel;

import java.util.Arrays;

/**
 * The server's colour map (SetColourMapEntries), as opaque ARGB values. 16-bit RFB colour
 * components are reduced to 8 bits by taking the high byte, as X servers define them.
 */
public final class ColourMap {
    public static final int SIZE = 65536;

    private final int[] argb = new int[SIZE];
    private volatile int version;

    public ColourMap() {
        Arrays.fill(argb, 0xFF000000);
    }

    public void set(int index, int red16, int green16, int blue16) {
        argb[index] = 0xFF000000 | ((red16 >>> 8) << 16) | ((green16 >>> 8) << 8) | (blue16 >>> 8);
        version++;
    }

    public int argb(int index) {
        return argb[index & 0xFFFF];
    }

    /** Changes whenever an entry changes, so that cached conversions can be rebuilt. */
    public int version() {
        return version;
    }
}
