package io.vncstream.rfb.decode;

import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.pixel.PixelConverter;
import io.vncstream.rfb.pixel.PixelFormat;

import java.io.IOException;

/**
 * Tight's gradient filter: each colour component is sent as the difference from the
 * prediction left + above - above-left, clamped to the component's range.
 */
final class TightGradient {
    private TightGradient() {
    }

    static void decode(RfbInput data, PixelConverter conv, int[] out, int w, int h) throws IOException {
        PixelFormat pf = conv.format();
        int[] max = {pf.redMax(), pf.greenMax(), pf.blueMax()};
        int[] shift = {pf.redShift(), pf.greenShift(), pf.blueShift()};
        int size = pf.tightPixelSize();
        int[] above = new int[(w + 1) * 3];
        int[] current = new int[(w + 1) * 3];
        byte[] raw = new byte[4];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                data.readFully(raw, 0, size);
                int diff = conv.tightValue(raw, 0);
                int value = 0;
                for (int c = 0; c < 3; c++) {
                    int left = current[x * 3 + c];
                    int up = above[(x + 1) * 3 + c];
                    int upLeft = above[x * 3 + c];
                    int predicted = Math.max(0, Math.min(max[c], left + up - upLeft));
                    int component = (predicted + ((diff >>> shift[c]) & max[c])) & max[c];
                    current[(x + 1) * 3 + c] = component;
                    value |= component << shift[c];
                }
                out[y * w + x] = conv.argb(value);
            }
            int[] t = above;
            above = current;
            current = t;
            java.util.Arrays.fill(current, 0);
        }
    }
}
