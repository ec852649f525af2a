package io.vncstream.ssh;

import io.vncstream.rfb.io.Transport;
import io.vncstream.ssh.testing.TestSshd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Channels through a real sshd: direct-tcpip, direct-streamlocal, exec with and without a pty. */
class ChannelsSshdTest {
    private static TestSshd sshd;
    private static SshConnection ssh;

    @BeforeAll
    static void connect() throws Exception {
        sshd = TestSshd.start();
        sshd.trustHostKey();
        ssh = SshConnection.open(sshd.target(), sshd.clientOptions());
    }

    @AfterAll
    static void stop() {
        if (ssh != null) {
            ssh.close();
        }
        if (sshd != null) {
            sshd.close();
        }
    }

    @Test
    void aTcpTunnelCarriesBytesBothWays() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread server = echoOnce(echo);
            byte[] data = new byte[1_000_000];
            new Random(7).nextBytes(data);
            try (Transport t = ssh.openTcp("localhost", echo.getLocalPort())) {
                assertThat(roundTrip(t, data)).isEqualTo(data);
            }
            server.join(10_000);
        }
    }

    @Test
    void aUnixSocketTunnelCarriesBytesBothWays() throws Exception {
        Path path = sshd.dir().resolve("echo.sock");
        try (ServerSocketChannel echo = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            echo.bind(UnixDomainSocketAddress.of(path));
            Thread server = new Thread(() -> {
                try (SocketChannel c = echo.accept()) {
                    ByteBuffer b = ByteBuffer.allocate(65536);
                    while (c.read(b) >= 0) {
                        b.flip();
                        while (b.hasRemaining()) {
                            c.write(b);
                        }
                        b.clear();
                    }
                } catch (IOException ignored) {
                    // the test fails on its side
                }
            });
            server.start();
            byte[] data = "hello through direct-streamlocal\n".repeat(1000).getBytes(StandardCharsets.US_ASCII);
            try (Transport t = ssh.openUnix(path.toString())) {
                assertThat(t.toString()).contains("unix:" + path);
                assertThat(roundTrip(t, data)).isEqualTo(data);
            }
            server.join(10_000);
        }
    }

    @Test
    void aReadTimeoutOnATunnelIsASocketTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             Transport t = ssh.openTcp("127.0.0.1", silent.getLocalPort())) {
            t.setReadTimeout(Duration.ofMillis(300));
            assertThatThrownBy(() -> t.input().read()).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void aPortNothingListensOnIsNamedInOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThatThrownBy(() -> ssh.openTcp("127.0.0.1", port))
                .isInstanceOf(SshException.class)
                .hasMessage("ssh " + sshd.user() + "@127.0.0.1 port " + sshd.port() + ": the SSH host could not connect to 127.0.0.1:"
                        + port + " (connection refused)");
        assertThat(ssh.isOpen()).as("the connection survives a failed channel").isTrue();
    }

    @Test
    void aMissingSocketIsNamedInOneLine() {
        assertThatThrownBy(() -> ssh.openUnix("/nonexistent/vnc.sock"))
                .isInstanceOf(SshException.class)
                .hasMessageContaining("could not connect to unix:/nonexistent/vnc.sock");
    }

    @Test
    void aCommandGivesItsOutputErrorsAndExitStatus() throws Exception {
        try (RemoteProcess p = ssh.exec("read line; echo \"got $line\"; echo oops >&2; exit 3", null)) {
            p.stdin().write("hello\n".getBytes(StandardCharsets.UTF_8));
            p.stdin().close();
            assertThat(readAll(p.stdout())).isEqualTo("got hello\n");
            assertThat(readAll(p.stderr())).isEqualTo("oops\n");
            assertThat(p.waitFor(Duration.ofSeconds(10))).isEqualTo(OptionalInt.of(3));
        }
    }

    @Test
    void runGivesTheExitStatusAndBothOutputs() throws Exception {
        CommandResult r = ssh.run("echo out; echo err >&2; cat; exit 4", Duration.ofSeconds(10));
        assertThat(r).isEqualTo(new CommandResult(4, "out\n", "err\n"));
        assertThat(ssh.run("true", Duration.ofSeconds(10)).succeeded()).isTrue();
    }

    @Test
    void quotedWordsReachTheRemoteProgramAsTheyAre() throws Exception {
        List<String> words = List.of("a b", "it's", "$HOME", "; exit 9", "", "\\n", "ünï", "-x=1,2");
        List<String> command = new java.util.ArrayList<>(List.of("printf", "[%s]\\n"));
        command.addAll(words);
        CommandResult r = ssh.run(RemoteCommand.of(command), Duration.ofSeconds(10));
        StringBuilder expected = new StringBuilder();
        for (String w : words) {
            expected.append('[').append(w).append("]\n");
        }
        assertThat(r).isEqualTo(new CommandResult(0, expected.toString(), ""));
    }

    @Test
    void runRefusesMoreOutputThanItsBound() {
        assertThatThrownBy(() -> ssh.run("head -c 17000000 /dev/zero", Duration.ofSeconds(30)))
                .isInstanceOf(SshException.class)
                .hasMessageEndingWith(": more than " + SshConnection.MAX_RUN_OUTPUT + " bytes of output");
        assertThat(ssh.isOpen()).isTrue();
    }

    @Test
    void runEndsACommandThatOverrunsItsTimeInOneLine() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> ssh.run("sleep 30", Duration.ofSeconds(1)))
                .isInstanceOf(SshException.class)
                .hasMessage("ssh " + sshd.user() + "@127.0.0.1 port " + sshd.port() + ": 'sleep 30': did not finish within 1 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(ssh.isOpen()).isTrue();
    }

    @Test
    void aCommandUnderAPtyHasATerminalOfTheGivenSize() throws Exception {
        try (RemoteProcess p = ssh.exec("tty; echo \"$TERM\"; stty size; exit 5", PtySize.xterm(91, 37))) {
            String out = readAll(p.stdout());
            assertThat(out).contains("/dev/pts/").contains("xterm-256color").contains("37 91");
            assertThat(p.waitFor(Duration.ofSeconds(10))).isEqualTo(OptionalInt.of(5));
        }
    }

    @Test
    void anInteractiveProgramUnderAPtyEchoesWhatIsTyped() throws Exception {
        try (RemoteProcess p = ssh.exec("read -r line; echo \"[$line]\"", PtySize.xterm(80, 24))) {
            p.stdin().write("typed text\r".getBytes(StandardCharsets.UTF_8));
            String out = readAll(p.stdout());
            assertThat(out).contains("typed text").contains("[typed text]");
            assertThat(p.waitFor(Duration.ofSeconds(10))).isEqualTo(OptionalInt.of(0));
        }
    }

    private static Thread echoOnce(ServerSocket echo) {
        Thread t = new Thread(() -> {
            try (Socket s = echo.accept()) {
                s.getInputStream().transferTo(s.getOutputStream());
            } catch (IOException ignored) {
                // the test fails on its side
            }
        });
        t.start();
        return t;
    }

    /** Writes everything on one thread while reading it back on this one. */
    private static byte[] roundTrip(Transport t, byte[] data) throws Exception {
        Thread writer = new Thread(() -> {
            try {
                t.output().write(data);
            } catch (IOException ignored) {
                // the read below comes up short
            }
        });
        writer.start();
        byte[] back = t.input().readNBytes(data.length);
        writer.join(10_000);
        return back;
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toString(StandardCharsets.UTF_8);
    }
}
