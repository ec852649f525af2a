package io.vncstream.terminal.emulation;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8ChunkDecoderTest {
    /** One-, two-, three- and four-byte characters (the last a surrogate pair in Java). */
    private static final String MIXED = "a\u00e9\u4e2d\uD83D\uDE00z \u00df\u20ac";

    @Test
    void splittingAtEveryBytePositionGivesTheSameText() {
        byte[] bytes = MIXED.getBytes(StandardCharsets.UTF_8);
        for (int split = 0; split <= bytes.length; split++) {
            Utf8ChunkDecoder decoder = new Utf8ChunkDecoder();
            String text = decoder.decode(bytes, 0, split).toString()
                    + decoder.decode(bytes, split, bytes.length - split);
            assertThat(text).as("split at byte %d", split).isEqualTo(MIXED);
            assertThat(decoder.pendingBytes()).isZero();
        }
    }

    @Test
    void splittingAtEveryPairOfPositionsGivesTheSameText() {
        byte[] bytes = MIXED.getBytes(StandardCharsets.UTF_8);
        for (int first = 0; first <= bytes.length; first++) {
            for (int second = first; second <= bytes.length; second++) {
                Utf8ChunkDecoder decoder = new Utf8ChunkDecoder();
                String text = decoder.decode(bytes, 0, first).toString()
                        + decoder.decode(bytes, first, second - first)
                        + decoder.decode(bytes, second, bytes.length - second);
                assertThat(text).as("splits at %d and %d", first, second).isEqualTo(MIXED);
            }
        }
    }

    @Test
    void oneByteAtATimeGivesTheSameText() {
        byte[] bytes = MIXED.getBytes(StandardCharsets.UTF_8);
        Utf8ChunkDecoder decoder = new Utf8ChunkDecoder();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            text.append(decoder.decode(bytes, i, 1));
        }
        assertThat(text).hasToString(MIXED);
    }

    @Test
    void invalidBytesBecomeReplacementCharacters() {
        byte[] bytes = {'a', (byte) 0xff, 'b', (byte) 0xc3, 'c'};
        String text = new Utf8ChunkDecoder().decode(bytes, 0, bytes.length).toString();
        assertThat(text).isEqualTo("a\uFFFDb\uFFFDc");
    }

    @Test
    void resetDropsAHeldBackPartialCharacterVisibly() {
        Utf8ChunkDecoder decoder = new Utf8ChunkDecoder();
        byte[] bytes = "\u4e2d".getBytes(StandardCharsets.UTF_8);
        assertThat(decoder.decode(bytes, 0, 2).toString()).isEmpty();
        assertThat(decoder.pendingBytes()).isEqualTo(2);
        assertThat(decoder.reset()).isEqualTo("\uFFFD");
        assertThat(decoder.decode(new byte[] {'x'}, 0, 1).toString()).isEqualTo("x");
    }
}
