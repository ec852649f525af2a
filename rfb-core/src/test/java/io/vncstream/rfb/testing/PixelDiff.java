package io.vncstream.rfb.testing;

import org.junit.jupiter.api.Assertions;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Compares two pictures pixel by pixel (ImageIO, {@code getRGB}) and, on failure, says how many
 * pixels differ and where the first one is.
 */
public final class PixelDiff {
    private PixelDiff() {
    }

    /** Whether two 0xRRGGBB colours count as equal. */
    @FunctionalInterface
    public interface Match {
        boolean matches(int expectedRgb, int actualRgb);
    }

    public static final Match EXACT = (e, a) -> e == a;

    /**
     * Equal in the top {@code r}, {@code g}, {@code b} bits of each 8-bit channel: the test for a
     * picture that went through a format with that many bits per channel (e.g. 5/6/5 for 16-bit
     * RGB565). Any sane widening back to 8 bits (shift, bit replication, scaling by 255/max with or
     * without rounding) keeps those top bits, so this is exact about what the format can carry,
     * and it implies a per-channel difference below 2^(8-bits) (8 for 5 bits, 4 for 6 bits).
     */
    public static Match sameTopBits(int r, int g, int b) {
        int mask = (0xFF00 >> r & 0xFF) << 16 | (0xFF00 >> g & 0xFF) << 8 | (0xFF00 >> b & 0xFF);
        return (e, a) -> ((e ^ a) & mask) == 0;
    }

    /**
     * The actual colour must be exactly the expected one after TigerVNC's own reduction to
     * {@code max + 1} levels per channel and back: down {@code (v * max + 128) / 255}, up
     * {@code level * 255 / max} (common/rfb/PixelFormat.cxx, the down/up conversion tables).
     * This is what a client sees of a 24-bit framebuffer through Xvnc's fake BGR233 colour map
     * (maxima 7, 7, 3), whose entries are the up-converted levels.
     */
    public static Match viaTigerVncLevels(int redMax, int greenMax, int blueMax) {
        return (e, a) -> (reduce(e >> 16, redMax) << 16 | reduce(e >> 8, greenMax) << 8 | reduce(e, blueMax)) == a;
    }

    private static int reduce(int channel, int max) {
        int level = ((channel & 0xFF) * max + 128) / 255;
        return level * 255 / max;
    }

    public static BufferedImage read(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        if (image == null) {
            throw new IOException("not a picture ImageIO can read: " + png);
        }
        return image;
    }

    /** Fails unless the pictures have the same size and every pixel matches. */
    public static void assertMatches(Path expected, Path actual, Match match, String what) throws IOException {
        assertMatches(read(expected), read(actual), match, what + " (expected " + expected + ", actual " + actual + ")");
    }

    public static void assertMatches(BufferedImage expected, BufferedImage actual, Match match, String what) {
        String diff = describe(expected, actual, match);
        if (diff != null) {
            Assertions.fail(what + ": " + diff);
        }
    }

    /** Null when they match; otherwise what differs. */
    public static String describe(BufferedImage expected, BufferedImage actual, Match match) {
        if (expected.getWidth() != actual.getWidth() || expected.getHeight() != actual.getHeight()) {
            return "size " + actual.getWidth() + "x" + actual.getHeight() + ", expected "
                    + expected.getWidth() + "x" + expected.getHeight();
        }
        int w = expected.getWidth();
        int h = expected.getHeight();
        int[] e = expected.getRGB(0, 0, w, h, null, 0, w);
        int[] a = actual.getRGB(0, 0, w, h, null, 0, w);
        long count = 0;
        int first = -1;
        for (int i = 0; i < e.length; i++) {
            if (!match.matches(e[i] & 0xFFFFFF, a[i] & 0xFFFFFF)) {
                if (first < 0) {
                    first = i;
                }
                count++;
            }
        }
        if (count == 0) {
            return null;
        }
        return count + " of " + e.length + " pixels differ; the first at (" + first % w + ", " + first / w
                + "): expected #" + String.format("%06x", e[first] & 0xFFFFFF)
                + ", got #" + String.format("%06x", a[first] & 0xFFFFFF);
    }

    /** The number of distinct colours, to show that a picture is not trivially flat. */
    public static int distinctColours(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        return (int) java.util.Arrays.stream(image.getRGB(0, 0, w, h, null, 0, w)).distinct().count();
    }
}
