package io.vncstream.terminal.log;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RecentBytesTest {

    @Test
    void startsSmallAndGrowsWithTheOutputUpToItsCapacity() {
        RecentBytes recent = new RecentBytes(1024 * 1024);
        assertThat(recent.allocated()).isEqualTo(RecentBytes.INITIAL_BYTES);
        recent.append(new byte[100_000], 0, 100_000);
        assertThat(recent.allocated()).isEqualTo(2 * RecentBytes.INITIAL_BYTES);
        recent.append(new byte[5_000_000], 0, 5_000_000);
        assertThat(recent.allocated()).isEqualTo(1024 * 1024);
    }

    @Test
    void aCapacityBelowTheInitialSizeIsAllocatedOnce() {
        RecentBytes recent = new RecentBytes(100);
        assertThat(recent.allocated()).isEqualTo(100);
        recent.append(new byte[1000], 0, 1000);
        assertThat(recent.allocated()).isEqualTo(100);
    }

    /** Whatever the sizes of the appends, across growth and wrapping: the last capacity bytes, in order. */
    @Test
    void keepsExactlyTheLastCapacityBytesInOrder() {
        Random random = new Random(7);
        for (int capacity : new int[] {1, 100, RecentBytes.INITIAL_BYTES, RecentBytes.INITIAL_BYTES * 3 + 17}) {
            RecentBytes recent = new RecentBytes(capacity);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int i = 0; i < 400; i++) {
                int length = random.nextInt(10) == 0 ? random.nextInt(capacity * 2 + 1) : random.nextInt(3000);
                byte[] chunk = new byte[length + 10];
                random.nextBytes(chunk);
                int offset = random.nextInt(11);
                recent.append(chunk, offset, length);
                all.write(chunk, offset, length);
                byte[] written = all.toByteArray();
                byte[] tail = Arrays.copyOfRange(written, Math.max(0, written.length - capacity), written.length);
                assertThat(recent.snapshot()).as("capacity %d after %d appends", capacity, i + 1).isEqualTo(tail);
                assertThat(recent.total()).isEqualTo(written.length);
            }
        }
    }
}
