package io.vncstream.viewer.ui;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RetryDelayTest {
    @Test
    void pausesDoubleFromOneSecondUpToThirty() {
        assertThat(IntStream.range(0, 8).mapToObj(ConnectionKeeper::retryDelay).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
        assertThat(ConnectionKeeper.retryDelay(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(30));
    }
}
