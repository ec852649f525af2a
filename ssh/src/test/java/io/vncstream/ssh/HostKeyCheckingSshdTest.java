package io.vncstream.ssh;

import io.vncstream.rfb.testing.Processes;
import io.vncstream.ssh.testing.TestSshd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** known_hosts against a real sshd: unknown keys asked about (or refused with the fingerprint), changed keys refused. */
class HostKeyCheckingSshdTest {
    private TestSshd sshd;

    @BeforeEach
    void start() throws Exception {
        sshd = TestSshd.start();
    }

    @AfterEach
    void stop() {
        sshd.close();
    }

    @Test
    void anUnknownHostKeyIsRefusedWithoutAPromptNamingItsFingerprint() throws Exception {
        assertThatThrownBy(() -> SshConnection.open(sshd.target(), sshd.clientOptions()))
                .isInstanceOfSatisfying(HostKeyException.class, e -> {
                    assertThat(e.problem()).isEqualTo(HostKeyException.Problem.UNKNOWN);
                    assertThat(e.key().knownHostsName()).isEqualTo(sshd.knownHostsName());
                })
                .hasMessageStartingWith("ssh " + sshd.user() + "@127.0.0.1 port " + sshd.port() + ": host key not known")
                .hasMessageContaining("ED25519 key fingerprint " + sshd.hostKeyFingerprint())
                .hasMessageNotContaining("\n");
        assertThat(sshd.knownHosts()).doesNotExist();
    }

    @Test
    void anAcceptedKeyIsAppendedToKnownHostsAndNotAskedAgain() throws Exception {
        RecordingPrompts prompts = new RecordingPrompts().trust(true);
        try (SshConnection c = SshConnection.open(sshd.target(), sshd.clientOptions().prompts(prompts))) {
            assertThat(c.isOpen()).isTrue();
        }
        assertThat(prompts.hostKeys).hasSize(1);
        HostKeyInfo asked = prompts.hostKeys.get(0);
        assertThat(asked.fingerprint()).isEqualTo(sshd.hostKeyFingerprint());
        assertThat(asked.type()).isEqualTo("ED25519");
        assertThat(asked.knownHosts()).isEqualTo(sshd.knownHosts());
        String[] hostKey = sshd.hostPublicKey().split(" ");
        assertThat(Files.readAllLines(sshd.knownHosts()))
                .containsExactly(sshd.knownHostsName() + " " + hostKey[0] + " " + hostKey[1]);
        assertThat(Files.getPosixFilePermissions(sshd.knownHosts())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        // OpenSSH itself reads the entry we wrote
        String found = Processes.check(Duration.ofSeconds(10), Map.of(), null, "ssh-keygen", "-F", sshd.knownHostsName(),
                "-f", sshd.knownHosts().toString());
        assertThat(found).contains(hostKey[1]);

        try (SshConnection c = SshConnection.open(sshd.target(), sshd.clientOptions())) {
            assertThat(c.isOpen()).as("known now, without a prompt").isTrue();
        }
    }

    @Test
    void aKeyTheUserDoesNotTrustIsRefusedAndNotStored() throws Exception {
        RecordingPrompts prompts = new RecordingPrompts().trust(false);
        assertThatThrownBy(() -> SshConnection.open(sshd.target(), sshd.clientOptions().prompts(prompts)))
                .isInstanceOf(HostKeyException.class).hasMessageContaining("not accepted")
                .hasMessageContaining(sshd.hostKeyFingerprint());
        assertThat(prompts.hostKeys).hasSize(1);
        assertThat(sshd.knownHosts()).doesNotExist();
    }

    @Test
    void aHashedKnownHostsEntryIsHonoured() throws Exception {
        sshd.trustHostKey();
        Processes.check(Duration.ofSeconds(10), Map.of(), null, "ssh-keygen", "-H", "-f", sshd.knownHosts().toString());
        assertThat(Files.readString(sshd.knownHosts())).startsWith("|1|").doesNotContain("127.0.0.1");
        try (SshConnection c = SshConnection.open(sshd.target(), sshd.clientOptions())) {
            assertThat(c.isOpen()).isTrue();
        }
    }

    @Test
    void withHashKnownHostsAnAcceptedKeyIsStoredHashedAndOpenSshFindsIt() throws Exception {
        sshd.writeClientConfig("Host *\n  HashKnownHosts yes\n");
        try (SshConnection c = SshConnection.open(sshd.target(), sshd.clientOptions().prompts(new RecordingPrompts().trust(true)))) {
            assertThat(c.isOpen()).isTrue();
        }
        assertThat(Files.readString(sshd.knownHosts())).startsWith("|1|").doesNotContain("127.0.0.1");
        String found = Processes.check(Duration.ofSeconds(10), Map.of(), null, "ssh-keygen", "-F", sshd.knownHostsName(),
                "-f", sshd.knownHosts().toString());
        assertThat(found).contains(sshd.hostPublicKey().split(" ")[1]);
    }

    @Test
    void aKeyInTheSystemWideFileIsTrustedAndNotCopiedToTheUsersFile() throws Exception {
        String[] hostKey = sshd.hostPublicKey().split(" ");
        Files.writeString(sshd.globalKnownHosts(), sshd.knownHostsName() + " " + hostKey[0] + " " + hostKey[1] + "\n");
        try (SshConnection c = SshConnection.open(sshd.target(), sshd.clientOptions())) {
            assertThat(c.isOpen()).isTrue();
        }
        assertThat(sshd.knownHosts()).doesNotExist();
    }

    @Test
    void aChangedKeyInTheSystemWideFileIsRefusedToo() throws Exception {
        Path other = sshd.dir().resolve("other-hostkey");
        TestSshd.keygen(other, "");
        String[] otherKey = Files.readString(Path.of(other + ".pub")).trim().split(" ");
        Files.writeString(sshd.globalKnownHosts(), sshd.knownHostsName() + " " + otherKey[0] + " " + otherKey[1] + "\n");
        assertThatThrownBy(() -> SshConnection.open(sshd.target(), sshd.clientOptions().prompts(new RecordingPrompts().trust(true))))
                .isInstanceOfSatisfying(HostKeyException.class,
                        e -> assertThat(e.problem()).isEqualTo(HostKeyException.Problem.CHANGED))
                .hasMessageContaining("not the one in " + sshd.globalKnownHosts());
    }

    @Test
    void aChangedHostKeyIsRefusedEvenWhenThePromptsWouldTrustAnything() throws Exception {
        Path other = sshd.dir().resolve("other-hostkey");
        TestSshd.keygen(other, "");
        String[] otherKey = Files.readString(Path.of(other + ".pub")).trim().split(" ");
        sshd.appendKnownHost(sshd.knownHostsName() + " " + otherKey[0] + " " + otherKey[1]);
        String before = Files.readString(sshd.knownHosts());
        RecordingPrompts prompts = new RecordingPrompts().trust(true);
        assertThatThrownBy(() -> SshConnection.open(sshd.target(), sshd.clientOptions().prompts(prompts)))
                .isInstanceOfSatisfying(HostKeyException.class,
                        e -> assertThat(e.problem()).isEqualTo(HostKeyException.Problem.CHANGED))
                .hasMessageContaining("host key of " + sshd.knownHostsName() + " has CHANGED")
                .hasMessageContaining(sshd.hostKeyFingerprint())
                .hasMessageContaining("ssh-keygen -R")
                .hasMessageNotContaining("\n");
        assertThat(prompts.hostKeys).as("never asked").isEmpty();
        assertThat(Files.readString(sshd.knownHosts())).as("known_hosts untouched").isEqualTo(before);
    }
}
