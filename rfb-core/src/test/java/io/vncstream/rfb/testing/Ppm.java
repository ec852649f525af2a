package io.vncstream.rfb.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Binary PPM pictures (P6), the format of QEMU's QMP {@code screendump}: ImageIO has no reader for it. */
public final class Ppm {
    static final int MAX_SIDE = 16384;

    private Ppm() {
    }

    /** Reads a binary PPM (P6, maxval 255) such as QEMU's screendump writes. */
    public static BufferedImage read(Path ppm) throws IOException {
        byte[] data = Files.readAllBytes(ppm);
        int[] pos = {0};
        String magic = token(data, pos);
        if (!"P6".equals(magic)) {
            throw new IOException(ppm + ": not a binary PPM (magic " + magic + ")");
        }
        int w = number(token(data, pos), "width", ppm);
        int h = number(token(data, pos), "height", ppm);
        int max = number(token(data, pos), "maxval", ppm);
        if (max != 255) {
            throw new IOException(ppm + ": maxval " + max + ", expected 255");
        }
        int at = pos[0] + 1; // one whitespace byte after maxval
        if (data.length - at < (long) w * h * 3) {
            throw new IOException(ppm + ": " + (data.length - at) + " bytes of pixels, expected " + (long) w * h * 3);
        }
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++, at += 3) {
                row[x] = (data[at] & 0xFF) << 16 | (data[at + 1] & 0xFF) << 8 | (data[at + 2] & 0xFF);
            }
            image.setRGB(0, y, w, 1, row, 0, w);
        }
        return image;
    }

    /** A header number, at most {@link #MAX_SIDE}: a screendump is a screen, not a poster. */
    private static int number(String token, String what, Path ppm) throws IOException {
        int value;
        try {
            value = Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw new IOException(ppm + ": " + what + " '" + token + "' is not a number");
        }
        if (value < 1 || value > MAX_SIDE) {
            throw new IOException(ppm + ": " + what + " " + value + " outside 1.." + MAX_SIDE);
        }
        return value;
    }

    private static String token(byte[] data, int[] pos) {
        int i = pos[0];
        while (i < data.length) {
            if (data[i] == '#') {
                while (i < data.length && data[i] != '\n') {
                    i++;
                }
            } else if (Character.isWhitespace(data[i])) {
                i++;
            } else {
                break;
            }
        }
        int start = i;
        while (i < data.length && !Character.isWhitespace(data[i])) {
            i++;
        }
        pos[0] = i;
        return new String(data, start, i - start, StandardCharsets.US_ASCII);
    }
}
