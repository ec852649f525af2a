package io.vncstream.viewer.cli;

import io.vncstream.rfb.testing.LibvirtTestDomain;
import io.vncstream.rfb.testing.PixelDiff;
import io.vncstream.rfb.testing.Processes;
import io.vncstream.ssh.testing.TestSshd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line with {@code --connect qemu+ssh://root@127.0.0.1:PORT/system}, each the real
 * main in a JVM of its own whose ~/.ssh is the test sshd's client HOME (its key authorized, the
 * host key known): virsh runs over SSH exec channels, the screen and the unix-socket serial come
 * through SSH channels, as from a remote host.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LibvirtSshCliTest {
    private LibvirtTestDomain vm;
    private TestSshd sshd;
    private Path dir;

    @BeforeAll
    void start() throws Exception {
        vm = LibvirtTestDomain.boot();
        sshd = TestSshd.start();
        sshd.trustHostKey();
        dir = Files.createTempDirectory("libvirt-ssh-cli");
    }

    @AfterAll
    void stop() {
        if (sshd != null) {
            sshd.close();
        }
        if (vm != null) {
            vm.close();
        }
        Processes.deleteTree(dir);
    }

    private String uri() {
        return "qemu+ssh://" + sshd.user() + "@127.0.0.1:" + sshd.port() + "/system";
    }

    private List<String> jvm() {
        List<String> jvm = new ArrayList<>(List.of("-Djava.awt.headless=true"));
        for (Map.Entry<String, String> p : sshd.clientSystemProperties().entrySet()) {
            jvm.add("-D" + p.getKey() + "=" + p.getValue());
        }
        return jvm;
    }

    @Test
    void devicesOverSsh() throws Exception {
        Cli.Outcome r = Cli.separateProcess(jvm(), "devices", "--connect", uri(), vm.name());
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out().lines()).containsExactly("serial0", "serial1", "channel0\torg.vncstream.test.0");
    }

    @Test
    void consoleOnThePtySerialOverSsh() throws Exception {
        Cli.Outcome r = Cli.separateProcessWithInput(jvm(), "echo $((6*7))r\r",
                "console", "--connect", uri(), vm.name(), "serial0", "--timeout", "5");
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).contains("42r");
    }

    @Test
    void consoleOnTheUnixSocketSerialOverSsh() throws Exception {
        Cli.Outcome r = Cli.separateProcessWithInput(jvm(), "echo $((7*6))q\n",
                "console", "--connect", uri(), vm.name(), "serial1", "--timeout", "5");
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).contains("42q");
    }

    @Test
    void snapshotOverSshEqualsVirshScreenshot() throws Exception {
        AssertionError last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            Path ref = dir.resolve("ref" + attempt + ".img");
            Path png = dir.resolve("snap" + attempt + ".png");
            LibvirtTestDomain.virsh("screenshot", vm.name(), ref.toString());
            Cli.Outcome r = Cli.separateProcess(jvm(), "snapshot", "--connect", uri(), vm.name(), png.toString());
            assertThat(r.exitCode()).as("%s", r).isZero();
            try {
                PixelDiff.assertMatches(LibvirtCliTest.readImage(ref), PixelDiff.read(png), PixelDiff.EXACT,
                        "snapshot over SSH vs virsh screenshot");
                return;
            } catch (AssertionError e) {
                last = e;
            }
        }
        throw last;
    }

    @Test
    void anUnknownHostKeyIsOneLineAndNoConnection() throws Exception {
        Path other = Files.createTempDirectory(dir, "home");
        Cli.Outcome r = Cli.separateProcess(List.of("-Djava.awt.headless=true", "-Dvncstream.ssh.home=" + other,
                "-Dvncstream.ssh.agent=none", "-Dvncstream.ssh.global-known-hosts=" + other.resolve("none")), "devices", "--connect", uri(), vm.name());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("vncstream devices: ");
    }
}
