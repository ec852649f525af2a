package io.vncstream.rfb.encode;

import java.util.HashMap;
import java.util.Map;

/** A tile's pixels copied out, with its distinct colours (up to 128) and its runs, to pick a ZRLE sub-encoding. */
final class TileAnalysis {
    final int[] tile = new int[64 * 64];
    final int[] palette = new int[128];
    private final Map<Integer, Integer> indexOf = new HashMap<>();
    /** Distinct colours, or 128 meaning "more than 127". */
    int colours;
    int runs;
    /** Extra run-length bytes that runs longer than 256 need. */
    int longRunBytes;

    void analyse(int[] pixels, int x, int y, int w, int h, int stride) {
        indexOf.clear();
        colours = 0;
        runs = 0;
        longRunBytes = 0;
        int n = 0;
        for (int row = y; row < y + h; row++) {
            System.arraycopy(pixels, row * stride + x, tile, n, w);
            n += w;
        }
        int run = 0;
        for (int i = 0; i < n; i++) {
            int c = tile[i];
            if (i > 0 && c == tile[i - 1]) {
                // A run's colour was counted at its first pixel: no map look-up (and boxing) per pixel.
                run++;
                continue;
            }
            if (colours < 128 && !indexOf.containsKey(c)) {
                if (colours < 127) {
                    palette[colours] = c;
                    indexOf.put(c, colours);
                }
                colours++;
            }
            if (i > 0) {
                longRunBytes += run / 255;
            }
            runs++;
            run = 0;
        }
        longRunBytes += run / 255;
    }

    int index(int colour) {
        return indexOf.get(colour);
    }
}
