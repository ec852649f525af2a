package io.vncstream.ssh;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ~/.ssh/config as OpenSSH reads it: Host blocks in order, Include files, Match blocks never leaking. */
class SshHostConfigTest {
    @TempDir
    Path home;
    Path ssh;

    @BeforeEach
    void dirs() throws IOException {
        ssh = Files.createDirectories(home.resolve(".ssh"));
    }

    private SshHost resolve(String target) throws SshException {
        return SshHost.resolve(SshTarget.parse(target), SshOptions.forUser().home(home).agentSocket(null));
    }

    @Test
    void theFirstValueOfTheMatchingBlocksWins() throws Exception {
        Files.writeString(ssh.resolve("config"), "Host gw\n  HostName 10.0.0.1\n  Port=2200\n\nHost *\n  User fallback\n  Port 22\n");
        SshHost h = resolve("gw");
        assertThat(h.hostName()).isEqualTo("10.0.0.1");
        assertThat(h.port()).isEqualTo(2200);
        assertThat(h.user()).isEqualTo("fallback");
        assertThat(resolve("other").hostName()).isEqualTo("other");
    }

    @Test
    void aMatchBlockDoesNotLeakIntoTheHostBlockBeforeIt() throws Exception {
        Files.writeString(ssh.resolve("config"), "Host a\n  HostName h\nMatch all\n  User leaked\n  Port 9\nHost *\n  User fallback\n");
        SshHost h = resolve("a");
        assertThat(h.user()).isEqualTo("fallback");
        assertThat(h.port()).isEqualTo(22);
    }

    @Test
    void includedFilesAreReadInPlaceInGlobOrder() throws Exception {
        Path d = Files.createDirectories(ssh.resolve("config.d"));
        Files.writeString(d.resolve("20-b"), "Host b\n  HostName 10.0.0.2\n");
        Files.writeString(d.resolve("10-a"), "Host a\n  HostName 10.0.0.1\n  Port 2201\nHost b\n  Port 2202\n");
        Files.writeString(d.resolve("ignored.txt~"), "Host a\n  HostName wrong\n");
        Files.writeString(ssh.resolve("config"), "Include config.d/[0-9]*-?\nInclude ~/.ssh/missing\nHost *\n  Port 22\n");
        assertThat(resolve("a")).extracting(SshHost::hostName, SshHost::port).containsExactly("10.0.0.1", 2201);
        assertThat(resolve("b")).extracting(SshHost::hostName, SshHost::port).containsExactly("10.0.0.2", 2202);
    }

    @Test
    void identityFilesComeFromTheConfigFirstThenTheDefaultsThatExist() throws Exception {
        for (String k : List.of("gw_key", "id_rsa", "id_ed25519")) {
            Files.writeString(ssh.resolve(k), "not a key, only a file");
        }
        Files.writeString(ssh.resolve("config"), "Host gw\n  IdentityFile ~/.ssh/gw_key\n  IdentityFile ~/.ssh/absent\n");
        assertThat(resolve("gw").identityFiles())
                .containsExactly(ssh.resolve("gw_key"), ssh.resolve("id_ed25519"), ssh.resolve("id_rsa"));
    }

    @Test
    void anIncludeLoopIsAnErrorNotAHang() throws Exception {
        Files.writeString(ssh.resolve("config"), "Include config\n");
        assertThatThrownBy(() -> resolve("gw")).isInstanceOf(SshException.class)
                .hasMessageContaining("Include nested more than 16 deep");
    }
}
