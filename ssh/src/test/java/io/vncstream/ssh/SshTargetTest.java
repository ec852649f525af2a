package io.vncstream.ssh;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SshTargetTest {
    @Test
    void hostAlone() {
        assertThat(SshTarget.parse("gw")).isEqualTo(new SshTarget(null, "gw", SshTarget.NO_PORT));
    }

    @Test
    void userHostAndPort() {
        assertThat(SshTarget.parse("root@gw.example.org:2222")).isEqualTo(new SshTarget("root", "gw.example.org", 2222));
    }

    @Test
    void ipv6InBrackets() {
        assertThat(SshTarget.parse("me@[::1]:22")).isEqualTo(new SshTarget("me", "::1", 22));
        assertThat(SshTarget.parse("[fe80::1%eth0]")).isEqualTo(new SshTarget(null, "fe80::1%eth0", SshTarget.NO_PORT));
        assertThat(new SshTarget("me", "::1", 22)).hasToString("me@[::1]:22");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "@gw", "gw:", "gw:0", "gw:65536", "gw:x", "::1", "[::1", "a b", "-oProxyCommand=x",
            "us er@gw", "gw:22:33", "[zz]:22"})
    void rejectsWithTheInputQuoted(String text) {
        assertThatThrownBy(() -> SshTarget.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("\n");
    }

    @Test
    void identityFileExpansions() {
        Path home = Path.of("/home/u");
        assertThat(SshHost.expand("~/.ssh/k_%r_%h", home, "root", "gw")).isEqualTo(Path.of("/home/u/.ssh/k_root_gw"));
        assertThat(SshHost.expand("%d/keys/a%%", home, "root", "gw")).isEqualTo(Path.of("/home/u/keys/a%"));
        assertThat(SshHost.expand("\"/abs/key\"", home, "root", "gw")).isEqualTo(Path.of("/abs/key"));
    }
}
