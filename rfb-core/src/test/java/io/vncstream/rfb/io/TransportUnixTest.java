package io.vncstream.rfb.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransportUnixTest {
    @TempDir
    Path dir;

    /**
     * A server that never accepts (as a QEMU chardev socket that has its one client): once its
     * listen queue is full, a connect must give up at the deadline instead of blocking for ever.
     */
    @Test
    void aConnectToAServerWithAFullQueueGivesUpAtTheDeadline() throws Exception {
        Path path = dir.resolve("busy.sock");
        List<SocketChannel> waiting = new ArrayList<>();
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(path), 1);
            long start = System.nanoTime();
            SocketTimeoutException refused = null;
            for (int i = 0; i < 10 && refused == null; i++) {
                try {
                    waiting.add(Transport.connectUnix(path, Duration.ofMillis(500)));
                } catch (SocketTimeoutException e) {
                    refused = e;
                }
            }
            assertThat(refused).as("some connect waited for a place in the queue").isNotNull();
            assertThat(refused).hasMessageContaining("unix:" + path).hasMessageContaining("within 500 ms");
            assertThat(waiting).isNotEmpty();
            // and it did give up: all of this took a bounded time, not for ever
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        } finally {
            for (SocketChannel c : waiting) {
                c.close();
            }
        }
    }

    @Test
    void aMissingSocketFailsAtOnce() {
        assertThatThrownBy(() -> Transport.unix(dir.resolve("nothing.sock"), Duration.ofSeconds(5)))
                .isNotInstanceOf(SocketTimeoutException.class);
    }
}
