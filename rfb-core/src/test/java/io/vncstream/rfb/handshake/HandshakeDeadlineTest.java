package io.vncstream.rfb.handshake;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The one deadline both handshake sides use: it expires once, pauses for the user, and ends. */
class HandshakeDeadlineTest {

    @Test
    void expiresAndRunsItsActionOnce() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        HandshakeDeadline d = new HandshakeDeadline(Duration.ofMillis(100), closed::countDown);
        assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(d.expired()).isTrue();
        d.close();
        assertThat(d.expired()).as("closing after expiry keeps the verdict").isTrue();
    }

    @Test
    void closedInTimeNeverExpires() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        HandshakeDeadline d = new HandshakeDeadline(Duration.ofMillis(150), closed::countDown);
        d.close();
        assertThat(closed.await(600, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(d.expired()).isFalse();
    }

    @Test
    void timeTheUserTakesDoesNotCount() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        HandshakeDeadline d = new HandshakeDeadline(Duration.ofMillis(300), closed::countDown);
        d.started(); // a password prompt opens
        assertThat(closed.await(800, TimeUnit.MILLISECONDS)).as("paused while the user answers").isFalse();
        long resumed = System.nanoTime();
        d.ended();
        assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - resumed))
                .as("what was left of the limit, not all of it again or none").isBetween(150L, 2000L);
        assertThat(d.expired()).isTrue();
    }

    @Test
    void closingConnectionsThatFailToCloseIsStillAnExpiry() throws Exception {
        HandshakeDeadline d = HandshakeDeadline.closing(Duration.ofMillis(50), () -> {
            throw new java.io.IOException("already closed");
        });
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!d.expired() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(d.expired()).isTrue();
        assertThat(d.describeLimit()).isEqualTo("50 ms");
        try (HandshakeDeadline whole = new HandshakeDeadline(Duration.ofSeconds(2), () -> { })) {
            assertThat(whole.describeLimit()).isEqualTo("2 s");
        }
    }
}
