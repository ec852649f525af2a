package io.vncstream.rfb.io;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Transport#of(java.io.InputStream, java.io.OutputStream, AutoCloseable, Transport.ReadTimeout, String)}: any stream pair. */
class TransportStreamsTest {
    @Test
    void carriesTheStreamsForwardsReadTimeoutsAndCloses() throws Exception {
        List<String> calls = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Transport t = Transport.of(new ByteArrayInputStream(new byte[] {7}), out, () -> calls.add("closed"),
                d -> calls.add("timeout " + d.toMillis()), "tunnel to x");
        assertThat(t.input().read()).isEqualTo(7);
        t.output().write(9);
        assertThat(out.toByteArray()).containsExactly(9);
        t.setReadTimeout(Duration.ofSeconds(3));
        t.setReadTimeout(Duration.ZERO);
        t.close();
        assertThat(calls).containsExactly("timeout 3000", "timeout 0", "closed");
        assertThat(t).hasToString("tunnel to x");
    }

    @Test
    void withoutAReadTimeoutReadsAreUnbounded() throws Exception {
        Transport t = Transport.of(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), () -> { }, null, "x");
        t.setReadTimeout(Duration.ofSeconds(1)); // nothing to bound: no error
        t.close();
    }
}
