package io.vncstream.rfb.stream;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A capture's delivery queue: bounded in bytes, the reader waits for room; in order; the end comes last. */
class CaptureDeliveryTest {

    @Test
    void aReaderFasterThanTheApplicationWaitsWithinTheBoundAndEverythingArrivesInOrder() throws Exception {
        int bound = 256 * 1024;
        int chunk = 16 * 1024;
        int chunks = 2000; // 32 MiB
        CaptureDelivery delivery = new CaptureDelivery("test", bound);
        List<Integer> seen = new ArrayList<>();
        CountDownLatch ended = new CountDownLatch(1);
        long maxQueued = 0;
        for (int i = 0; i < chunks; i++) {
            int n = i;
            delivery.output(() -> {
                seen.add(n);
                try {
                    Thread.sleep(0, 100_000); // the terminal, slower than the network
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, chunk);
            maxQueued = Math.max(maxQueued, delivery.queuedBytes());
        }
        delivery.finish(ended::countDown);
        assertThat(ended.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(maxQueued).as("bytes the reader handed over and the application has not taken").isLessThanOrEqualTo(bound);
        assertThat(seen).hasSize(chunks);
        for (int i = 0; i < chunks; i++) {
            assertThat(seen.get(i)).isEqualTo(i);
        }
    }

    @Test
    void anItemLargerThanTheBoundStillGoesThroughAlone() throws Exception {
        CaptureDelivery delivery = new CaptureDelivery("big", 1024);
        CountDownLatch done = new CountDownLatch(2);
        delivery.output(done::countDown, 1024 * 1024);
        delivery.output(done::countDown, 1024 * 1024);
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aReaderWaitingForRoomIsReleasedWhenTheCaptureEnds() throws Exception {
        CaptureDelivery delivery = new CaptureDelivery("stuck", 2048);
        CountDownLatch block = new CountDownLatch(1);
        delivery.output(() -> {
            try {
                block.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, 1024);
        delivery.output(() -> { }, 1024); // queued: the first still holds its room
        Thread reader = new Thread(() -> {
            try {
                delivery.output(() -> { }, 1024);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        reader.start();
        reader.join(300);
        assertThat(reader.isAlive()).as("the reader waits for room").isTrue();
        delivery.finish(() -> { });
        reader.join(5000);
        assertThat(reader.isAlive()).isFalse();
        block.countDown();
    }
}
