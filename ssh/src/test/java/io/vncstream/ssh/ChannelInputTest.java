package io.vncstream.ssh;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bounded buffer between jsch's session thread and a channel's reader. */
class ChannelInputTest {
    @Test
    void bytesComeOutInOrderThenEofAfterTheSinkCloses() throws IOException {
        ChannelInput in = new ChannelInput("test");
        OutputStream sink = in.sink();
        sink.write(new byte[] {1, 2, 3});
        sink.write(4);
        sink.close();
        assertThat(in.read()).isEqualTo(1);
        byte[] rest = new byte[10];
        assertThat(in.read(rest, 0, 10)).isEqualTo(3);
        assertThat(rest).startsWith(2, 3, 4);
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void wrapsAroundTheRing() throws IOException {
        ChannelInput in = new ChannelInput("test");
        byte[] chunk = new byte[ChannelInput.CAPACITY / 3 + 7];
        for (int round = 0; round < 10; round++) {
            java.util.Arrays.fill(chunk, (byte) round);
            in.sink().write(chunk);
            assertThat(in.readNBytes(chunk.length)).containsOnly((byte) round).hasSize(chunk.length);
        }
    }

    @Test
    void aFullBufferHoldsTheWriterUntilTheReaderTakesSome() throws Exception {
        ChannelInput in = new ChannelInput("test");
        in.sink().write(new byte[ChannelInput.CAPACITY]);
        CompletableFuture<Void> more = CompletableFuture.runAsync(() -> {
            try {
                in.sink().write(new byte[] {42});
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThatThrownBy(() -> more.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        assertThat(in.available()).isEqualTo(ChannelInput.CAPACITY);
        in.readNBytes(1000);
        more.get(5, TimeUnit.SECONDS);
        in.readNBytes(ChannelInput.CAPACITY - 1000);
        assertThat(in.read()).isEqualTo(42);
    }

    @Test
    void closingReleasesABlockedWriterAndDropsWhatArrivesLater() throws Exception {
        ChannelInput in = new ChannelInput("test");
        in.sink().write(new byte[ChannelInput.CAPACITY]);
        CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> {
            try {
                in.sink().write(new byte[100]);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Thread.sleep(100);
        in.close();
        blocked.get(5, TimeUnit.SECONDS);
        assertThat(in.available()).isZero();
        assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessage("test is closed");
    }

    @Test
    void aReadTimesOutLikeASocket() {
        ChannelInput in = new ChannelInput("tunnel x");
        in.setTimeout(Duration.ofMillis(100));
        long start = System.nanoTime();
        assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class)
                .hasMessage("tunnel x: nothing received within 100 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(90));
        in.setTimeout(Duration.ZERO);
    }
}
