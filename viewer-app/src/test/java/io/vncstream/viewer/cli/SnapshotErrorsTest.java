package io.vncstream.viewer.cli;

import io.vncstream.rfb.testing.PixelDiff;
import io.vncstream.rfb.testing.Processes;
import io.vncstream.rfb.testing.XvncServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user sees when {@code vncstream snapshot} needs a password or cannot connect: the real
 * main in its own JVM, so that the exit status and every byte on stderr are the real ones.
 */
class SnapshotErrorsTest {

    /** Xvnc with {@code -SecurityTypes VncAuth -rfbauth FILE}, the file made by {@code vncpasswd -f}. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class VncAuth {
        static final String PASSWORD = "s3cret!";
        XvncServer server;
        Path dir;
        Path reference;

        @BeforeAll
        void start() throws Exception {
            server = XvncServer.builder().vncAuth(PASSWORD).start();
            server.background().waitUntilStable();
            dir = Files.createTempDirectory("snapshot-auth");
            reference = server.referencePng(dir.resolve("reference.png"));
        }

        @AfterAll
        void stop() {
            if (server != null) {
                server.close();
            }
            Processes.deleteTree(dir);
        }

        @Test
        void theRightPasswordInAPlainTextFileGivesThePicture() throws Exception {
            Path pw = Files.writeString(dir.resolve("plain.txt"), PASSWORD + "\n");
            Path png = dir.resolve("plain.png");
            Cli.Outcome r = Cli.separateProcess("snapshot", server.address(), png.toString(), "--password-file", pw.toString());
            assertThat(r.exitCode()).as("%s", r).isZero();
            assertThat(r.err()).as("stderr").isEmpty();
            PixelDiff.assertMatches(reference, png, PixelDiff.EXACT, "VncAuth, plain-text password file");
        }

        /** ImageIO, given a path it cannot open, prints its own stack trace: the file is opened by us. */
        @Test
        void anUnwritableOutputIsOneLineNamingTheFile() throws Exception {
            Path notADirectory = Files.writeString(dir.resolve("not-a-directory"), "");
            Path png = notADirectory.resolve("x.png");
            Cli.Outcome r = Cli.separateProcess("snapshot", server.address(), png.toString(),
                    "--password-file", server.passwordFile().toString());
            assertThat(r.exitCode()).as("%s", r).isNotZero();
            assertThat(r.errLines()).as("%s", r).hasSize(1);
            assertThat(r.errLines().get(0))
                    .isEqualTo("vncstream snapshot: cannot write " + png + ": " + notADirectory + " is not a directory");
            assertNoStackTrace(r);
        }

        @Test
        void theRightPasswordInTheServersVncpasswdFileGivesThePicture() throws Exception {
            assertThat(Files.size(server.passwordFile())).isEqualTo(8);
            Path png = dir.resolve("vncpasswd.png");
            Cli.Outcome r = Cli.separateProcess("snapshot", server.address(), png.toString(),
                    "--password-file", server.passwordFile().toString());
            assertThat(r.exitCode()).as("%s", r).isZero();
            assertThat(r.err()).as("stderr").isEmpty();
            PixelDiff.assertMatches(reference, png, PixelDiff.EXACT, "VncAuth, vncpasswd file");
        }

        @Test
        void aWrongPasswordIsOneLineSayingAuthenticationFailed() throws Exception {
            Path pw = Files.writeString(dir.resolve("wrong.txt"), "not-it\n");
            Path png = dir.resolve("wrong.png");
            Cli.Outcome r = Cli.separateProcess("snapshot", server.address(), png.toString(), "--password-file", pw.toString());
            assertThat(r.exitCode()).as("%s", r).isNotZero();
            assertThat(r.errLines()).as("%s", r).hasSize(1);
            assertThat(r.errLines().get(0)).contains("authentication failed");
            assertNoStackTrace(r);
            assertThat(png).doesNotExist();
        }
    }

    @Test
    void aClosedPortIsOneLineSayingConnectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path png = Files.createTempFile("refused", ".png");
        Files.delete(png);
        Cli.Outcome r = Cli.separateProcess("snapshot", "127.0.0.1::" + port, png.toString());
        assertThat(r.exitCode()).as("%s", r).isNotZero();
        assertThat(r.errLines()).as("%s", r).hasSize(1);
        assertThat(r.errLines().get(0)).isEqualTo("vncstream snapshot: connection refused by 127.0.0.1 port " + port);
        assertNoStackTrace(r);
        assertThat(png).doesNotExist();
    }

    static void assertNoStackTrace(Cli.Outcome r) {
        System.out.println("exit " + r.exitCode() + ", stderr: " + r.err().strip());
        assertThat(r.err()).as("stderr").doesNotContainPattern("(?m)^\\s+at [\\w.$]+\\(")
                .doesNotContain("Exception in thread").doesNotContain("Caused by:");
    }
}
