package io.vncstream.gateway.device;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A device flooding faster than its viewers read (a Unix socket written as fast as the kernel
 * takes it) is paced by the viewer furthest ahead, so the flood does not pile up in the heap and
 * a lone slow viewer is waited for; a viewer that stops reading is cut off at its bound next to
 * a live one, and after its stall timeout when alone.
 */
class DevicePacingTest {
    private static final int MiB = 1024 * 1024;

    @TempDir
    Path dir;
    private ServerSocketChannel server;
    private Device device;

    @AfterEach
    void tearDown() throws IOException {
        if (device != null) {
            device.remove("test over");
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Timeout(60)
    void aFloodReadSlowerThanItIsWrittenStaysNearThePacingMarkNotAtTheBound() throws Exception {
        start();
        Drainer slow = new Drainer(256 * 1024);
        Subscription s = device.subscribe(slow, 256L * MiB);
        slow.start(s);
        slow.awaitBytes(48L * MiB);
        // Without pacing the device reads the socket at its own speed (GB/s) and the queue heads
        // for the 256 MiB bound while this reader takes a quarter second per 64 MiB.
        assertThat(slow.maxQueued()).as("most queued for the reader, bytes").isLessThan(16L * MiB);
        assertThat(slow.overflowed()).isFalse();
    }

    @Test
    @Timeout(60)
    void withFlowControlAViewerAloneSlowerThanTheFloodIsWaitedForAndNeverCutOff() throws Exception {
        start();
        // 4 MB/s against a flood of GB/s, with a bound the flood fills in milliseconds: without
        // flow control this one is cut off at its bound at once (the next test).
        Drainer slow = new Drainer(4 * 1024);
        slow.start(device.subscribe(slow, new CaptureLimits(4L * MiB, CaptureLimits.DEFAULT_STALL_TIMEOUT)));
        slow.awaitBytes(16L * MiB);
        assertThat(slow.maxQueued()).as("most queued for the reader, bytes").isLessThanOrEqualTo(MiB + 64 * 1024);
        assertThat(slow.overflowed()).isFalse();
        assertThat(device.subscriberCount()).isEqualTo(1);
    }

    @Test
    @Timeout(60)
    void withoutFlowControlAViewerAloneSlowerThanTheFloodIsCutOffAtItsBound() throws Exception {
        start();
        // The stream extension's rule, the default: a server never blocks a device on one slow
        // client; a client that falls too far behind is disconnected with a reason.
        Drainer slow = new Drainer(4 * 1024);
        slow.start(device.subscribe(slow, CaptureLimits.maxBehind(4L * MiB)));
        assertThat(slow.cut.await(20, TimeUnit.SECONDS)).as("cut off").isTrue();
        assertThat(slow.overflowed()).as("cut off at its bound, not as stalled").isTrue();
        assertThat(slow.stall.getCount()).as("not cut off as stalled").isEqualTo(1);
    }

    @Test
    @Timeout(60)
    void withFlowControlAViewerAloneThatStopsReadingIsCutOffAfterTheStallTimeoutAndTheDeviceReadsOn() throws Exception {
        start();
        Drainer stalled = new Drainer(0);
        Subscription s = device.subscribe(stalled, new CaptureLimits(4L * MiB, Duration.ofSeconds(1)));
        long t0 = System.nanoTime();
        assertThat(stalled.stall.await(20, TimeUnit.SECONDS)).as("cut off as stalled").isTrue();
        long afterMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("pacing: a lone stalled viewer cut off after %d ms%n", afterMs);
        // Held at its pacing mark (a quarter of the bound), not at the bound: not cut off as overflowed.
        assertThat(stalled.overflowed()).as("cut off at its bound").isFalse();
        assertThat(afterMs).as("cut off after, ms").isGreaterThanOrEqualTo(1000);
        assertThat(s.queuedBytes()).isZero();
        assertThat(device.subscriberCount()).isZero();
        Drainer next = new Drainer(Integer.MAX_VALUE);
        next.start(device.subscribe(next, 64L * MiB));
        next.awaitBytes(32L * MiB);
    }

    @Test
    @Timeout(60)
    void aStalledViewerNextToALiveOneIsCutOffAndTheLiveOneReadsOn() throws Exception {
        start();
        Drainer stalled = new Drainer(0);
        Drainer live = new Drainer(Integer.MAX_VALUE);
        device.subscribe(stalled, 4L * MiB);
        live.start(device.subscribe(live, 64L * MiB));
        assertThat(stalled.cut.await(20, TimeUnit.SECONDS)).as("stalled viewer cut off").isTrue();
        long before = live.bytes.get();
        live.awaitBytes(before + 32L * MiB);
        assertThat(live.overflowed()).isFalse();
        assertThat(device.subscriberCount()).isEqualTo(1);
    }

    private void start() throws IOException {
        Path path = dir.resolve("flood.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        Thread t = new Thread(this::flood, "flood source");
        t.setDaemon(true);
        t.start();
        device = new Device("flood", SocketBackend.unix(path), 0);
        device.start();
    }

    private void flood() {
        try (SocketChannel c = server.accept()) {
            ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
            while (true) {
                chunk.clear();
                while (chunk.hasRemaining()) {
                    c.write(chunk);
                }
            }
        } catch (IOException e) {
            // the device went away
        }
    }

    /** A viewer's writer thread in miniature: drains its subscription, {@code perMillisecond} bytes a millisecond at most (0: never). */
    private static final class Drainer implements DeviceSubscriber {
        private final int perMillisecond;
        final AtomicLong bytes = new AtomicLong();
        private final AtomicLong maxQueued = new AtomicLong();
        final CountDownLatch cut = new CountDownLatch(1);
        final CountDownLatch stall = new CountDownLatch(1);
        private volatile Thread thread;

        Drainer(int perMillisecond) {
            this.perMillisecond = perMillisecond;
        }

        void start(Subscription s) {
            thread = new Thread(() -> {
                while (cut.getCount() > 0 && stall.getCount() > 0) {
                    long took = 0;
                    maxQueued.accumulateAndGet(s.queuedBytes(), Math::max);
                    byte[] c;
                    while (took < perMillisecond && (c = s.poll()) != null) {
                        took += c.length;
                        bytes.addAndGet(c.length);
                    }
                    // At most perMillisecond bytes a millisecond on average, whatever the chunks' size.
                    LockSupport.parkNanos(took >= perMillisecond ? took / perMillisecond * 1_000_000 : 10_000_000);
                }
            }, "drainer");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void ready() {
            Thread t = thread;
            if (t != null && perMillisecond == Integer.MAX_VALUE) {
                LockSupport.unpark(t);
            }
        }

        @Override
        public void overflowed(long boundBytes) {
            cut.countDown();
        }

        @Override
        public void stalled(long idleMillis) {
            stall.countDown();
        }

        boolean overflowed() {
            return cut.getCount() == 0;
        }

        long maxQueued() {
            return maxQueued.get();
        }

        void awaitBytes(long n) throws InterruptedException {
            while (bytes.get() < n) {
                assertThat(overflowed()).as("cut off after " + bytes.get() + " bytes").isFalse();
                assertThat(stall.getCount()).as("cut off as stalled after " + bytes.get() + " bytes").isEqualTo(1);
                Thread.sleep(5);
            }
        }
    }
}
