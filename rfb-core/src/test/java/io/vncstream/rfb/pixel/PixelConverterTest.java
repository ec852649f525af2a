package io.vncstream.rfb.pixel;

import org.junit.jupiter.api.Test;

import static io.vncstream.rfb.testing.Wire.hex;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The row conversion's fast paths for the common 32-bit layouts must give what the channel
 * tables give, from literal wire bytes: red, green, blue, white, and a pixel whose unused byte
 * is not zero (servers may leave garbage there; it must not reach the alpha or a channel).
 */
class PixelConverterTest {
    private static final int[] EXPECTED = {0xFFFF0000, 0xFF00FF00, 0xFF0000FF, 0xFFFFFFFF, 0xFF123456};

    private static int[] convert(PixelFormat pf, String bytes) {
        int[] once = convert(pf, bytes, 1);
        // 150 pixels: long rows take the two-pass bulk path, which must give the same.
        int[] long30 = convert(pf, bytes, 30);
        for (int i = 0; i < 30; i++) {
            assertThat(java.util.Arrays.copyOfRange(long30, i * once.length, (i + 1) * once.length))
                    .as("pixels %d-%d of a long row", i * once.length, (i + 1) * once.length - 1).containsExactly(once);
        }
        return once;
    }

    private static int[] convert(PixelFormat pf, String bytes, int times) {
        byte[] src = hex("ee " + (" " + bytes).repeat(times)); // one byte in front: rows start at any offset
        int n = EXPECTED.length * times;
        int[] dst = new int[n + 2];
        new PixelConverter(pf, new ColourMap()).convert(src, 1, dst, 1, n);
        assertThat(dst[0]).as("the int before the row").isZero();
        assertThat(dst[n + 1]).as("the int after the row").isZero();
        return java.util.Arrays.copyOfRange(dst, 1, n + 1);
    }

    /** The same through the general path: one pixel at a time, through the tables. */
    private static int[] oneByOne(PixelFormat pf, String bytes) {
        byte[] src = hex(bytes);
        PixelConverter conv = new PixelConverter(pf, new ColourMap());
        int[] dst = new int[EXPECTED.length];
        for (int i = 0; i < dst.length; i++) {
            dst[i] = conv.readArgb(src, i * 4);
        }
        return dst;
    }

    @Test
    void rgbLittleEndian() {
        PixelFormat pf = new PixelFormat(32, 24, false, true, 255, 255, 255, 16, 8, 0);
        String b = "00 00 ff 00 | 00 ff 00 00 | ff 00 00 00 | ff ff ff 00 | 56 34 12 a5";
        assertThat(convert(pf, b)).containsExactly(EXPECTED).isEqualTo(oneByOne(pf, b));
    }

    @Test
    void rgbBigEndian() {
        PixelFormat pf = new PixelFormat(32, 24, true, true, 255, 255, 255, 16, 8, 0);
        String b = "00 ff 00 00 | 00 00 ff 00 | 00 00 00 ff | 00 ff ff ff | a5 12 34 56";
        assertThat(convert(pf, b)).containsExactly(EXPECTED).isEqualTo(oneByOne(pf, b));
    }

    @Test
    void bgrLittleEndian() {
        PixelFormat pf = new PixelFormat(32, 24, false, true, 255, 255, 255, 0, 8, 16);
        String b = "ff 00 00 00 | 00 ff 00 00 | 00 00 ff 00 | ff ff ff 00 | 12 34 56 a5";
        assertThat(convert(pf, b)).containsExactly(EXPECTED).isEqualTo(oneByOne(pf, b));
    }

    @Test
    void bgrBigEndian() {
        PixelFormat pf = new PixelFormat(32, 24, true, true, 255, 255, 255, 0, 8, 16);
        String b = "00 00 00 ff | 00 00 ff 00 | 00 ff 00 00 | 00 ff ff ff | a5 56 34 12";
        assertThat(convert(pf, b)).containsExactly(EXPECTED).isEqualTo(oneByOne(pf, b));
    }

    @Test
    void depth32WithShiftsElsewhereTakesTheGeneralPath() {
        // Red at bit 24: not one of the fast layouts.
        PixelFormat pf = new PixelFormat(32, 32, false, true, 255, 255, 255, 24, 16, 8);
        String b = "00 00 00 ff | 00 00 ff 00 | 00 ff 00 00 | 00 ff ff ff | 00 56 34 12";
        assertThat(convert(pf, b)).containsExactly(EXPECTED).isEqualTo(oneByOne(pf, b));
    }
}
