package io.vncstream.gateway.session;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's own messages never land between a desktop Fence and what it fences. */
class InjectionGateTest {
    private final List<String> out = new ArrayList<>();
    private final InjectionGate gate = new InjectionGate(m -> out.add(new String(m)));

    @Test
    void oursGoBetweenDesktopMessagesAtOnce() {
        gate.desktop("update".getBytes(), false);
        gate.inject("notice".getBytes());
        gate.desktop("bell".getBytes(), false);
        assertThat(out).containsExactly("update", "notice", "bell");
        assertThat(gate.heldBytes()).isZero();
    }

    @Test
    void afterAFenceThatFencesTheNextMessageOursWaitForIt() {
        gate.desktop("fence".getBytes(), true);
        gate.inject("notice".getBytes());
        gate.inject("capture".getBytes());
        assertThat(out).containsExactly("fence");
        assertThat(gate.heldBytes()).isEqualTo(13);
        gate.desktop("fenced".getBytes(), false);
        assertThat(out).containsExactly("fence", "fenced", "notice", "capture");
        assertThat(gate.heldBytes()).isZero();
        gate.inject("later".getBytes());
        assertThat(out).endsWith("later");
    }

    @Test
    void twoFencesInARowKeepOursBackUntilTheFirstMessageThatIsNoFence() {
        gate.desktop("fence1".getBytes(), true);
        gate.inject("notice".getBytes());
        gate.desktop("fence2".getBytes(), true);
        assertThat(out).containsExactly("fence1", "fence2");
        gate.desktop("update".getBytes(), false);
        assertThat(out).containsExactly("fence1", "fence2", "update", "notice");
    }
}
