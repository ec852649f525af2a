package io.vncstream.gateway.demo;

import io.vncstream.gateway.device.DeviceConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A demo program's output waits in a bounded queue: a device that does not read (it waits for a
 * slow viewer) holds the program up instead of piling its flood up in the heap, and closing
 * lets a program that waits go on.
 */
class ProgramBackendTest {
    private static final int CHUNK = 64 * 1024;
    private static final int CHUNKS = 1024;

    /** Writes {@link #CHUNKS} chunks on a thread of its own, as fast as it may. */
    private static final class Flood implements DemoProgram {
        final AtomicLong written = new AtomicLong();
        volatile Thread thread;

        @Override
        public void start(Consumer<byte[]> output) {
            thread = new Thread(() -> {
                for (int i = 0; i < CHUNKS; i++) {
                    byte[] b = new byte[CHUNK];
                    b[0] = (byte) i;
                    output.accept(b);
                    written.addAndGet(CHUNK);
                }
            }, "flood");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void input(byte[] data) {
        }

        @Override
        public void stop() {
        }
    }

    @Test
    @Timeout(30)
    void aProgramWaitsWhileItsDeviceDoesNotReadAndLosesNothing() throws Exception {
        Flood flood = new Flood();
        DeviceConnection c = new ProgramBackend("test", flood).open();
        Thread.sleep(500);
        // Unbounded, the program had written its whole 64 MiB by now.
        assertThat(flood.written.get()).as("bytes queued while nobody reads").isLessThanOrEqualTo(ProgramBackend.BOUND + CHUNK);
        byte[] buffer = new byte[CHUNK];
        long read = 0;
        int expected = 0;
        while (read < (long) CHUNK * CHUNKS) {
            int n = c.read(buffer);
            assertThat(n).isPositive();
            if (read % CHUNK == 0) {
                assertThat(buffer[0]).as("chunk " + expected).isEqualTo((byte) expected);
                expected++;
            }
            read += n;
        }
        assertThat(read).isEqualTo((long) CHUNK * CHUNKS);
        c.close();
        assertThat(c.read(buffer)).isEqualTo(-1);
    }

    @Test
    @Timeout(30)
    void closingLetsAWaitingProgramGoOn() throws Exception {
        Flood flood = new Flood();
        DeviceConnection c = new ProgramBackend("test", flood).open();
        Thread.sleep(200);
        c.close();
        flood.thread.join(10_000);
        assertThat(flood.thread.isAlive()).as("the program still waiting after the close").isFalse();
        // What was queued before the close is still read, then the end; nothing put after it.
        long rest = 0;
        int n;
        while ((n = c.read(new byte[CHUNK])) >= 0) {
            rest += n;
        }
        assertThat(rest).isLessThanOrEqualTo(ProgramBackend.BOUND + CHUNK);
    }
}
