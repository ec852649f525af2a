package io.vncstream.viewer.cli;

import io.vncstream.gateway.Gateway;
import io.vncstream.gateway.cli.GatewayCommand;
import io.vncstream.rfb.testing.Processes;
import io.vncstream.rfb.testing.XvncServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the command line prints of what a server says, and writes where the user asked: a real
 * Xvnc, directly (no stream extension) and behind a gateway whose device names are hostile.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerTextCliTest {
    private XvncServer xvnc;
    private Gateway gateway;
    private Path dir;

    @BeforeAll
    void start() throws Exception {
        xvnc = XvncServer.builder().geometry(320, 200).start();
        dir = Files.createTempDirectory("server-text");
        Path log = Files.writeString(dir.resolve("device.log"), "x\n");
        gateway = GatewayCommand.start("--listen", "127.0.0.1:0", "--upstream", xvnc.address(),
                "--device", "red\u001b[31m\u001b]0;pwned\u0007=file:" + log,
                "--device", "two\nlines=file:" + log,
                "--device", "back\\slash\u202eevil=file:" + log,
                "--device", "s\u00e9rie-\u4e2d=file:" + log);
    }

    @AfterAll
    void stop() {
        if (gateway != null) {
            gateway.close();
            gateway.registry().removeAll();
        }
        if (xvnc != null) {
            xvnc.close();
        }
        Processes.deleteTree(dir);
    }

    @Test
    void devicesPrintsHostileNamesEscapedOnePerLine() throws Exception {
        Cli.Outcome r = Cli.separateProcess("devices", "127.0.0.1::" + gateway.port());
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).doesNotContain("\u001b", "\u0007", "\u202e");
        assertThat(r.out().lines()).containsExactlyInAnyOrder(
                "red\\x1b[31m\\x1b]0;pwned\\x07", "two\\nlines", "back\\\\slash\\u202eevil", "s\u00e9rie-\u4e2d");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void devicesAgainstAServerWithoutStreamsSaysSoOnStderr() throws Exception {
        Cli.Outcome r = Cli.separateProcess("devices", xvnc.address());
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).as("%s", r).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("vncstream devices: " + xvnc.address() + " announced no devices")
                .contains("stream extension", "vncstream-gateway");
    }

    @Test
    void aSnapshotNamedJpgIsAJpeg() throws Exception {
        Path jpg = dir.resolve("screen.jpg");
        Cli.Outcome r = Cli.snapshot(xvnc.address(), jpg);
        assertThat(r.exitCode()).as("%s", r).isZero();
        byte[] bytes = Files.readAllBytes(jpg);
        assertThat(bytes).as("JPEG's start-of-image marker").startsWith(0xff, 0xd8, 0xff);
        BufferedImage image = ImageIO.read(jpg.toFile());
        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(200);
    }

    @Test
    void aSnapshotNameWithAnotherExtensionIsRefusedBeforeConnecting() throws Exception {
        Path gif = dir.resolve("screen.gif");
        Cli.Outcome r = Cli.snapshot("127.0.0.1::1", gif); // nothing listens there: the name is checked first
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("vncstream snapshot: cannot tell which picture format to write from the name '"
                + gif + "': end it in .png or .jpg");
        assertThat(gif).doesNotExist();
    }
}
