package io.vncstream.viewer.ui;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayOverlapTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String lines(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append("line ").append(i).append(" of the device's output\r\n");
        }
        return sb.toString();
    }

    private static ReplayOverlap shown(String text, int capacity) {
        ReplayOverlap o = new ReplayOverlap(capacity);
        byte[] data = b(text);
        // in uneven pieces, as captures deliver it
        for (int off = 0; off < data.length; off += 37) {
            o.remember(data, off, Math.min(37, data.length - off));
        }
        return o;
    }

    @Test
    void aReplayOfTheTailFollowedByNewOutputDropsExactlyTheRepeatedPart() {
        ReplayOverlap o = shown(lines(0, 100), 4096);
        String replay = lines(60, 100) + lines(100, 110);
        int k = o.overlap(b(replay));
        assertThat(replay.substring(k)).isEqualTo(lines(100, 110));
    }

    @Test
    void aReplayOfNothingNewIsDroppedWhole() {
        ReplayOverlap o = shown(lines(0, 50), 4096);
        String replay = lines(20, 50);
        assertThat(o.overlap(b(replay))).isEqualTo(replay.length());
    }

    @Test
    void aReplayLongerThanTheRememberedTailStillMatchesWhenTheTailIsInside() {
        ReplayOverlap o = shown(lines(0, 200), 512);
        String replay = lines(150, 200) + "new\r\n";
        assertThat(replay.substring(o.overlap(b(replay)))).isEqualTo("new\r\n");
    }

    @Test
    void aFreshServerWithOtherOutputOverlapsNothing() {
        ReplayOverlap o = shown(lines(0, 50), 4096);
        assertThat(o.overlap(b("Welcome to a rebooted machine\r\nlogin: "))).isZero();
    }

    @Test
    void aGapLongerThanTheBacklogOverlapsNothing() {
        ReplayOverlap o = shown(lines(0, 50), 4096);
        assertThat(o.overlap(b(lines(500, 560)))).isZero();
    }

    @Test
    void aReplayReachingBeforeAllWeEverShowedIsShownWhole() {
        // We remember everything we showed, and the replay holds more before it: not the stream we
        // had (a restarted server, say), so nothing is taken for a repeat.
        ReplayOverlap o = shown(lines(10, 12), 4096);
        assertThat(o.overlap(b(lines(0, 12) + "new\r\n"))).isZero();
    }

    @Test
    void aShortCommonEndingIsTakenForChanceNotForARepeat() {
        ReplayOverlap o = shown("some output\r\n$ ", 4096);
        assertThat(o.overlap(b("$ ls\r\n"))).isZero();
    }

    @Test
    void theTailKeepsTheLastBytesInOrder() {
        ReplayOverlap o = new ReplayOverlap(8);
        o.remember(b("abcdef"), 0, 6);
        o.remember(b("ghijk"), 0, 5);
        assertThat(new String(o.tail(), StandardCharsets.US_ASCII)).isEqualTo("defghijk");
        o.remember(b("0123456789"), 0, 10);
        assertThat(new String(o.tail(), StandardCharsets.US_ASCII)).isEqualTo("23456789");
    }

    @Test
    void theTailIsTheLastBytesOfAModelAcrossGrowthAndWrapping() {
        int capacity = 5 * ReplayOverlap.INITIAL_BYTES + 123;
        ReplayOverlap o = new ReplayOverlap(capacity);
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        java.util.Random random = new java.util.Random(42);
        for (int round = 0; round < 400; round++) {
            // mostly small pieces, now and then one larger than the ring (or the capacity)
            int len = round % 97 == 0 ? capacity + random.nextInt(1000) : random.nextInt(600);
            byte[] piece = new byte[len + 7];
            random.nextBytes(piece);
            o.remember(piece, 3, len);
            all.write(piece, 3, len);
            byte[] everything = all.toByteArray();
            byte[] expected = java.util.Arrays.copyOfRange(everything,
                    Math.max(0, everything.length - capacity), everything.length);
            assertThat(o.tail()).as("after round %d", round).isEqualTo(expected);
        }
    }

    @Test
    void theRingStartsSmallAndGrowsOnlyUpToItsCapacity() {
        int capacity = 256 * 1024;
        ReplayOverlap o = new ReplayOverlap(capacity);
        assertThat(o.allocated()).isEqualTo(ReplayOverlap.INITIAL_BYTES).isLessThan(capacity);
        o.remember(b(lines(0, 10)), 0, lines(0, 10).length());
        assertThat(o.allocated()).isEqualTo(ReplayOverlap.INITIAL_BYTES);
        byte[] big = b(lines(0, 20_000));
        o.remember(big, 0, big.length);
        assertThat(o.allocated()).isEqualTo(capacity);
        assertThat(o.tail()).isEqualTo(java.util.Arrays.copyOfRange(big, big.length - capacity, big.length));
    }
}
