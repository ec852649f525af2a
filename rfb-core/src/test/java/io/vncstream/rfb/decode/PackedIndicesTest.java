package io.vncstream.rfb.decode;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Both ways of painting one-bit rows give the same pixels, and neither writes past its row. */
class PackedIndicesTest {
    @Test
    void twoColoursPaintsWhatThePaletteLookupPaints() {
        Random random = new Random(42);
        int[] palette = {0xFF102030, 0xFFE0D0C0};
        for (int w = 1; w <= 70; w++) {
            byte[] src = new byte[3 + (w + 7) / 8];
            random.nextBytes(src);
            int[] byLookup = new int[w + 10];
            int[] byMask = new int[w + 10];
            Arrays.fill(byLookup, 7);
            Arrays.fill(byMask, 7);
            PackedIndices.row(src, 3, 1, w, palette, byLookup, 5);
            PackedIndices.twoColours(src, 3, w, palette[0], palette[1], byMask, 5);
            assertThat(byMask).as("width %d", w).containsExactly(byLookup);
            assertThat(byMask[4]).isEqualTo(7);
            assertThat(byMask[5 + w]).isEqualTo(7);
        }
    }

    @Test
    void theFirstPixelIsTheHighBit() {
        int[] out = new int[9];
        PackedIndices.twoColours(new byte[]{(byte) 0b1000_0001, (byte) 0b1000_0000}, 0, 9, 0xFF000000, 0xFFFFFFFF, out, 0);
        assertThat(out).containsExactly(0xFFFFFFFF, 0xFF000000, 0xFF000000, 0xFF000000, 0xFF000000,
                0xFF000000, 0xFF000000, 0xFFFFFFFF, 0xFFFFFFFF);
    }
}
