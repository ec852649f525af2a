package io.vncstream.ssh;

import io.vncstream.rfb.testing.Processes;
import io.vncstream.ssh.testing.TestSshd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Logging in to a real sshd: key files, passphrases, ~/.ssh/config aliases, ssh-agent, and the failures' one-line messages. */
class AuthenticationSshdTest {
    private TestSshd sshd;

    @BeforeEach
    void start() throws Exception {
        sshd = TestSshd.start();
        sshd.trustHostKey();
    }

    @AfterEach
    void stop() {
        sshd.close();
    }

    @Test
    void anEncryptedKeyIsUsedWithThePassphraseFromThePrompt() throws Exception {
        Path key = sshd.authorizeNewClientKey("id_ecdsa", "correct horse");
        Files.delete(sshd.sshDir().resolve("id_ed25519")); // only the encrypted key can log in
        RecordingPrompts prompts = new RecordingPrompts().answerPassphrase("correct horse");
        try (SshConnection c = SshConnection.open(sshd.target(), sshd.clientOptions().prompts(prompts))) {
            assertThat(c.isOpen()).isTrue();
        }
        assertThat(prompts.passphrases).containsExactly(key.toString());
    }

    @Test
    void aCancelledPassphraseFailsNamingWhatWasTried() throws Exception {
        sshd.authorizeNewClientKey("id_ecdsa", "correct horse");
        Files.delete(sshd.sshDir().resolve("id_ed25519"));
        RecordingPrompts prompts = new RecordingPrompts(); // answers no passphrase
        assertThatThrownBy(() -> SshConnection.open(sshd.target(), sshd.clientOptions().prompts(prompts)))
                .isInstanceOf(SshAuthException.class)
                .hasMessageStartingWith("ssh " + sshd.user() + "@127.0.0.1 port " + sshd.port() + ": authentication")
                .hasMessageContaining("the server accepts publickey")
                .hasMessageContaining("id_ecdsa")
                .hasMessageContaining("passphrase for")
                .hasMessageNotContaining("\n");
    }

    /** A daemon (the gateway) asks nobody: the key with a passphrase is named, and how it could be used. */
    @Test
    void aKeyWithAPassphraseAndNoOneToAskSaysToLoadItIntoAnAgent() throws Exception {
        Path key = sshd.authorizeNewClientKey("id_ecdsa", "correct horse");
        Files.delete(sshd.sshDir().resolve("id_ed25519"));
        assertThatThrownBy(() -> SshConnection.open(sshd.target(), sshd.clientOptions().prompts(SshPrompts.nonInteractive())))
                .isInstanceOf(SshAuthException.class)
                .hasMessage("ssh " + sshd.user() + "@127.0.0.1 port " + sshd.port() + ": authentication failed for user "
                        + sshd.user() + " (the server accepts publickey; tried publickey with id_ecdsa; " + key
                        + " has a passphrase and nothing may ask for it here: load it into ssh-agent (ssh-add))");
    }

    @Test
    void noAuthorizedKeyFailsNamingTheMethodsTriedAndTheServers() throws Exception {
        TestSshd.keygen(sshd.sshDir().resolve("id_ed25519"), ""); // a new key the server does not know
        assertThatThrownBy(() -> SshConnection.open(sshd.target(), sshd.clientOptions()))
                .isInstanceOf(SshAuthException.class)
                .hasMessage("ssh " + sshd.user() + "@127.0.0.1 port " + sshd.port() + ": authentication failed for user "
                        + sshd.user() + " (the server accepts publickey; tried publickey with id_ed25519)");
    }

    @Test
    void aKeyFileOthersCanReadIsIgnoredAsOpenSshDoesAndTheFailureSaysWhy() throws Exception {
        Path key = sshd.sshDir().resolve("id_ed25519");
        Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> SshConnection.open(sshd.target(), sshd.clientOptions()))
                .isInstanceOf(SshAuthException.class)
                .hasMessageEndingWith("tried publickey with id_ed25519 (ignored: permissions 0644 are too open))");
        Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        try (SshConnection c = SshConnection.open(sshd.target(), sshd.clientOptions())) {
            assertThat(c.isOpen()).isTrue();
        }
    }

    @Test
    void aConfigAliasGivesHostNamePortUserAndIdentityFile() throws Exception {
        Path key = sshd.authorizeNewClientKey("gateway_key", "");
        Files.delete(sshd.sshDir().resolve("id_ed25519"));
        sshd.writeClientConfig("Host gw\n  HostName 127.0.0.1\n  Port " + sshd.port() + "\n  User " + sshd.user()
                + "\n  IdentityFile ~/.ssh/gateway_key\n\nHost *\n  User nobody-at-all\n");
        SshHost resolved = SshHost.resolve(SshTarget.parse("gw"), sshd.clientOptions());
        assertThat(resolved).isEqualTo(new SshHost("gw", sshd.user(), "127.0.0.1", sshd.port(), List.of(key), false));
        try (SshConnection c = SshConnection.open(SshTarget.parse("gw"), sshd.clientOptions())) {
            assertThat(c.host().describe()).isEqualTo(sshd.user() + "@127.0.0.1 port " + sshd.port());
        }
        // what the command line gives wins over the config
        assertThat(SshHost.resolve(SshTarget.parse("someone@gw:2"), sshd.clientOptions()))
                .extracting(SshHost::user, SshHost::port).containsExactly("someone", 2);
    }

    @Test
    void theKeysOfAnSshAgentAreUsed() throws Exception {
        TestSshd.keygen(sshd.sshDir().resolve("id_ed25519"), ""); // the file's key is not authorized...
        Path agentKey = sshd.authorizeNewClientKey("agent_only", "");
        Path socket = sshd.dir().resolve("agent.sock");
        Path log = sshd.dir().resolve("agent.log");
        Process agent = Processes.start(Map.of(), null, log, List.of("ssh-agent", "-D", "-a", socket.toString()));
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!Files.exists(socket) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Processes.check(Duration.ofSeconds(10), Map.of("SSH_AUTH_SOCK", socket.toString()), null, "ssh-add",
                    agentKey.toString());
            Files.delete(agentKey); // ...and this one is only in the agent
            try (SshConnection c = SshConnection.open(sshd.target(), sshd.clientOptions().agentSocket(socket))) {
                assertThat(c.isOpen()).isTrue();
            }
        } finally {
            Processes.killTree(agent.toHandle());
        }
    }

    @Test
    void aStaleAgentSocketDoesNotStopTheKeyFiles() throws Exception {
        Path gone = sshd.dir().resolve("no-agent-here.sock");
        try (SshConnection c = SshConnection.open(sshd.target(), sshd.clientOptions().agentSocket(gone))) {
            assertThat(c.isOpen()).isTrue();
        }
    }

    @Test
    void aRefusedConnectionIsOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThatThrownBy(() -> SshConnection.open(SshTarget.parse("root@127.0.0.1:" + port), sshd.clientOptions()))
                .isInstanceOf(SshException.class)
                .hasMessage("ssh root@127.0.0.1 port " + port + ": connection refused");
    }

    @Test
    void aServerThatNeverSpeaksTimesOutAtTheDeadline() throws Exception {
        try (ServerSocket silent = new ServerSocket()) {
            silent.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            long start = System.nanoTime();
            assertThatThrownBy(() -> SshConnection.open(SshTarget.parse("root@127.0.0.1:" + silent.getLocalPort()),
                    sshd.clientOptions().connectTimeout(Duration.ofSeconds(1))))
                    .isInstanceOf(SshException.class)
                    .hasMessageStartingWith("ssh root@127.0.0.1 port " + silent.getLocalPort() + ": timed out after 1 s");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        } catch (IOException e) {
            throw e;
        }
    }
}
