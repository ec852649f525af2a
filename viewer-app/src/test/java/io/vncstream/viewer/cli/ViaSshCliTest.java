package io.vncstream.viewer.cli;

import io.vncstream.gateway.Gateway;
import io.vncstream.gateway.cli.GatewayCommand;
import io.vncstream.gateway.demo.EmbeddedDemo;
import io.vncstream.rfb.testing.PixelDiff;
import io.vncstream.rfb.testing.Processes;
import io.vncstream.rfb.testing.TestPeers;
import io.vncstream.rfb.testing.XvncServer;
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
 * {@code --via} against a real sshd in front of a real Xvnc: the VNC address is resolved on the
 * SSH host (here the same machine, reached only through the tunnel's channels), TCP and unix socket.
 * The client side uses the sshd's throw-away HOME, never the real user's ~/.ssh.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ViaSshCliTest {
    XvncServer xvnc;
    TestSshd sshd;
    Path dir;
    Path reference;

    @BeforeAll
    void start() throws Exception {
        xvnc = XvncServer.builder().geometry(640, 480).unixSocket().start();
        xvnc.background().flatArea(400, 300, 200, 150, 0x3366CC).colouredTerminal(16, 16).waitUntilStable();
        dir = Files.createTempDirectory("via-ssh");
        reference = xvnc.referencePng(dir.resolve("reference.png"));
        assertThat(PixelDiff.distinctColours(PixelDiff.read(reference))).isGreaterThan(1000);
        sshd = TestSshd.start();
        sshd.clientSystemProperties().forEach(System::setProperty);
    }

    @AfterAll
    void stop() {
        sshd.clientSystemProperties().keySet().forEach(System::clearProperty);
        if (sshd != null) {
            sshd.close();
        }
        if (xvnc != null) {
            xvnc.close();
        }
        Processes.deleteTree(dir);
    }

    @Test
    void anUnknownSshHostIsRefusedInOneLineWithItsFingerprintThenSnapshotsExactlyOnceKnown() throws Exception {
        Files.deleteIfExists(sshd.knownHosts());
        Path out = dir.resolve("refused.png");
        Cli.Outcome refused = Cli.snapshot("localhost::" + xvnc.port(), out, "--via", sshd.address());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.errLines()).as(refused.toString()).containsExactly("vncstream snapshot: ssh " + sshd.user()
                + "@127.0.0.1 port " + sshd.port() + ": host key not known: ED25519 key fingerprint "
                + sshd.hostKeyFingerprint() + ", not accepted without a prompt (connect once with ssh or the GUI to "
                + "accept it, or add it to " + sshd.knownHosts() + ")");
        assertThat(out).doesNotExist();

        sshd.trustHostKey();
        Cli.Outcome ok = Cli.snapshot("localhost::" + xvnc.port(), out, "--via", sshd.address(), "--encoding", "zrle");
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        PixelDiff.assertMatches(reference, out, PixelDiff.EXACT, "--via, localhost resolved on the SSH host");
    }

    /** On a terminal (a real pty from util-linux's script), the question is asked as ssh asks it, and "yes" stores the key. */
    @Test
    void onATerminalAnUnknownHostKeyIsAskedAndYesAcceptsIt() throws Exception {
        TestPeers.requireProgram("script", "bsdutils");
        Files.deleteIfExists(sshd.knownHosts());
        Path out = dir.resolve("terminal.png");
        Path input = dir.resolve("answers");
        Files.writeString(input, "yes\n");
        StringBuilder cmd = new StringBuilder();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(jvmOptions());
        command.addAll(List.of(VncstreamCommand.class.getName(), "snapshot", "--via", sshd.address(),
                "localhost::" + xvnc.port(), out.toString()));
        for (String a : command) {
            cmd.append('\'').append(a.replace("'", "'\\''")).append("' ");
        }
        Path log = dir.resolve("terminal.log");
        Process p = new ProcessBuilder("script", "-q", "-e", "-c", cmd.toString(), "/dev/null")
                .redirectInput(input.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("finished").isTrue();
        String shown = Files.readString(log);
        assertThat(p.exitValue()).as(shown).isZero();
        assertThat(shown).contains("The authenticity of host '" + sshd.knownHostsName() + "' can't be established.")
                .contains("ED25519 key fingerprint is " + sshd.hostKeyFingerprint() + ".")
                .contains("Are you sure you want to continue connecting (yes/no)?");
        assertThat(Files.readString(sshd.knownHosts())).startsWith(sshd.knownHostsName() + " ssh-ed25519 ");
        PixelDiff.assertMatches(reference, out, PixelDiff.EXACT, "--via after yes on the terminal");
    }

    @Test
    void aUnixSocketOnTheSshHostIsReachedByDirectStreamlocal() throws Exception {
        trust();
        assertThat(xvnc.unixSocket()).exists();
        Path out = dir.resolve("unix.png");
        Cli.Outcome ok = Cli.snapshot("unix:" + xvnc.unixSocket(), out, "--via", sshd.address(), "--encoding", "tight");
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        PixelDiff.assertMatches(reference, out, PixelDiff.EXACT, "--via to unix:" + xvnc.unixSocket());
    }

    @Test
    void aDisplayNothingServesOnTheSshHostIsNamed() throws Exception {
        trust();
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Cli.Outcome r = Cli.snapshot("localhost::" + port, dir.resolve("none.png"), "--via", sshd.address());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly("vncstream snapshot: ssh " + sshd.user() + "@127.0.0.1 port " + sshd.port()
                + ": the SSH host could not connect to localhost:" + port + " (connection refused)");
    }

    @Test
    void devicesThroughTheTunnel() throws Exception {
        TestPeers.requireDisplay(); // the demo draws its desktop with AWT
        trust();
        try (EmbeddedDemo demo = EmbeddedDemo.start(0)) {
            Cli.Outcome r = Cli.separateProcess(jvmOptions(), "devices", "--via", sshd.address(), "127.0.0.1::" + demo.port());
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out().lines()).contains("serial0", "log0");
        }
    }

    @Test
    void consoleThroughTheTunnelRunsACommand() throws Exception {
        TestPeers.requireDisplay();
        trust();
        try (EmbeddedDemo demo = EmbeddedDemo.start(0)) {
            Cli.Outcome r = Cli.separateProcessWithInput(jvmOptions(), "uname\n", "console", "--via", sshd.address(),
                    "127.0.0.1::" + demo.port(), "serial0", "--timeout", "3");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).as(r.toString()).contains("Linux demo 6.1.0-vncstream");
        }
    }

    /**
     * A gateway that listens on an owner-only unix socket only, nothing on the network: a viewer
     * elsewhere reaches its consoles with --via, over a direct-streamlocal channel.
     */
    @Test
    void aGatewayOnAUnixSocketIsReachedThroughTheTunnel() throws Exception {
        TestPeers.requireDisplay();
        trust();
        Path socket = dir.resolve("gateway.sock");
        Gateway gateway = GatewayCommand.start("--demo", "--listen", "unix:" + socket);
        try {
            Cli.Outcome r = Cli.separateProcessWithInput(jvmOptions(), "uname\n", "console", "--via", sshd.address(),
                    "unix:" + socket, "serial0", "--timeout", "3");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).as(r.toString()).contains("Linux demo 6.1.0-vncstream");
        } finally {
            gateway.close();
        }
    }

    /** For the command in its own process: headless, and this test's client HOME for SSH. */
    private List<String> jvmOptions() {
        List<String> jvm = new ArrayList<>(List.of("-Djava.awt.headless=true"));
        for (Map.Entry<String, String> p : sshd.clientSystemProperties().entrySet()) {
            jvm.add("-D" + p.getKey() + "=" + p.getValue());
        }
        return jvm;
    }

    private void trust() throws Exception {
        Files.deleteIfExists(sshd.knownHosts());
        sshd.trustHostKey();
    }
}
