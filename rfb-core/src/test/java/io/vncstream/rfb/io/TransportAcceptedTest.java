package io.vncstream.rfb.io;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A Unix socket a server accepted: its reads time out as a TCP socket's do, both directions
 * work at once, and a close ends a read or a write that waits.
 */
@Timeout(60)
class TransportAcceptedTest {
    @TempDir
    Path dir;
    private ServerSocketChannel server;
    private SocketChannel client;
    private Transport accepted;

    @BeforeEach
    void connect() throws IOException {
        Path path = dir.resolve("s.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        client = Transport.connectUnix(path, Duration.ofSeconds(5));
        accepted = Transport.accepted(server.accept(), "unix:" + path + " #1");
    }

    @AfterEach
    void close() throws IOException {
        accepted.close();
        client.close();
        server.close();
    }

    @Test
    void aReadWaitsNoLongerThanItsTimeoutAndAfterwardsAsLongAsItTakes() throws Exception {
        accepted.setReadTimeout(Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThatThrownBy(() -> accepted.input().read()).isInstanceOf(SocketTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(290), Duration.ofSeconds(10));

        accepted.setReadTimeout(Duration.ZERO);
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
            try {
                return accepted.input().read();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        Thread.sleep(600);
        assertThat(read).as("no timeout: still waiting after twice the old one").isNotDone();
        client.write(ByteBuffer.wrap(new byte[]{42}));
        assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo(42);
    }

    @Test
    void bytesGoBothWaysAtOnceWholeAndInOrder() throws Exception {
        byte[] data = new byte[8 * 1024 * 1024];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + (i >>> 11));
        }
        // The writer fills the socket long before the peer reads: it must wait, not spin or fail.
        CompletableFuture<Void> write = CompletableFuture.runAsync(() -> {
            try {
                accepted.output().write(data);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        Thread.sleep(200);
        client.write(ByteBuffer.wrap("hello".getBytes()));
        assertThat(accepted.input().readNBytes(5)).isEqualTo("hello".getBytes());
        ByteBuffer got = ByteBuffer.allocate(data.length);
        while (got.hasRemaining() && client.read(got) >= 0) {
            // reading it all
        }
        write.get(10, TimeUnit.SECONDS);
        assertThat(Arrays.equals(got.array(), data)).isTrue();
    }

    @Test
    void aCloseEndsAReadAndAWriteThatWait() throws Exception {
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
            try {
                return accepted.input().read();
            } catch (IOException e) {
                return -2;
            }
        });
        CompletableFuture<Boolean> write = CompletableFuture.supplyAsync(() -> {
            try {
                accepted.output().write(new byte[16 * 1024 * 1024]);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        Thread.sleep(300);
        assertThat(read).isNotDone();
        assertThat(write).isNotDone();
        accepted.close();
        assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo(-2);
        assertThat(write.get(5, TimeUnit.SECONDS)).as("the write failed").isFalse();
    }

    @Test
    void thePeerLeavingIsTheEndOfTheStream() throws Exception {
        client.write(ByteBuffer.wrap(new byte[]{1, 2}));
        client.close();
        assertThat(accepted.input().readAllBytes()).containsExactly(1, 2);
    }
}
