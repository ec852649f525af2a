package io.vncstream.ssh;

import io.vncstream.ssh.testing.TestSshd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The password as the last resort, against a real sshd that allows passwords. (No test knows a
 * real password here, so the prompt's answer is wrong: what is checked is that it is asked,
 * after the keys, and what the failure then says.)
 */
class PasswordPromptSshdTest {
    private TestSshd sshd;

    @BeforeEach
    void start() throws Exception {
        sshd = TestSshd.start("PasswordAuthentication yes", "PermitRootLogin yes");
        sshd.trustHostKey();
        TestSshd.keygen(sshd.sshDir().resolve("id_ed25519"), ""); // a key the server does not know
    }

    @AfterEach
    void stop() {
        sshd.close();
    }

    @Test
    void afterTheKeysFailThePasswordIsAskedAndItsFailureNamed() {
        RecordingPrompts prompts = new RecordingPrompts().answerPassword("not the password");
        assertThatThrownBy(() -> SshConnection.open(sshd.target(), sshd.clientOptions().prompts(prompts)))
                .isInstanceOf(SshAuthException.class)
                .hasMessageStartingWith("ssh " + sshd.user() + "@127.0.0.1 port " + sshd.port()
                        + ": authentication failed for user " + sshd.user())
                .hasMessageContaining("the server accepts publickey,password")
                .hasMessageContaining("tried publickey with id_ed25519; password")
                .hasMessageNotContaining("not the password");
        // asked three times, as ssh does (NumberOfPasswordPrompts), never more
        assertThat(prompts.passwords).hasSize(3).allMatch((sshd.user() + "@127.0.0.1")::equals);
    }

    @Test
    void withoutPromptsNoPasswordIsTried() throws Exception {
        Files.delete(sshd.sshDir().resolve("id_ed25519"));
        assertThatThrownBy(() -> SshConnection.open(sshd.target(), sshd.clientOptions()))
                .isInstanceOf(SshAuthException.class)
                .hasMessageEndingWith("(the server accepts publickey,password; tried publickey with no keys)");
    }

    @Test
    void serverTextInAnErrorCannotDriveTheTerminal() {
        assertThat(SshErrors.oneLine("bad\r\n  thing\u001b[31m\u0007!")).isEqualTo("bad thing?[31m?!");
    }
}
