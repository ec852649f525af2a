package io.vncstream.gateway;

import io.vncstream.gateway.cli.GatewayCommand;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.ClientHandshake;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.io.Transport;
import io.vncstream.rfb.stream.Capture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code --listen unix:PATH}: viewers on an owner-only Unix socket, the way libvirt gives QEMU's
 * VNC server one. A real rfb-core viewer connects over it, sees the screen and types into a
 * console; the socket's file is owner-only and goes with the gateway; a dead gateway's socket
 * is replaced, a live one or any other file is not; and another user is refused by name.
 */
@Timeout(120)
class UnixListenGatewayTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void aViewerOnTheSocketSeesTheScreenAndTypesIntoAConsole() throws Exception {
        Path socket = dir.resolve("vm.sock");
        Gateway gateway = GatewayCommand.start("--demo", "--listen", "unix:" + socket);
        try {
            assertThat(gateway.address()).isEqualTo("unix:" + socket);
            assertThat(gateway.port()).isEqualTo(-1);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
            try (StreamViewer v = new StreamViewer(ServerAddress.parse("unix:" + socket), new ClientConfig())) {
                assertThat(v.client.framebuffer().width()).isPositive();
                assertThat(v.streams.devices()).contains("serial0", "log0");
                StreamViewer.Output out = new StreamViewer.Output();
                Capture serial = v.capture("serial0", out);
                serial.send("echo over a unix socket\r".getBytes(StandardCharsets.US_ASCII));
                out.await(t -> t.contains("\r\nover a unix socket\r\n"), WAIT);
            }
        } finally {
            gateway.close();
        }
        assertThat(socket).as("the socket goes with the gateway").doesNotExist();
    }

    @Test
    void aDeadGatewaysSocketIsReplacedButALiveOneAndOtherFilesAreLeftAlone() throws Exception {
        Path socket = dir.resolve("vm.sock");
        // A gateway that died leaves its socket's file behind, with no one listening.
        ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        dead.bind(UnixDomainSocketAddress.of(socket));
        dead.close();
        assertThat(socket).exists();
        Gateway gateway = GatewayCommand.start("--demo", "--listen", "unix:" + socket);
        try {
            assertThatThrownBy(() -> GatewayCommand.start("--demo", "--listen", "unix:" + socket))
                    .isInstanceOf(IOException.class)
                    .hasMessage("unix:" + socket + ": in use (something accepts connections there: another gateway?)");
            try (StreamViewer v = new StreamViewer(ServerAddress.parse("unix:" + socket), new ClientConfig())) {
                assertThat(v.client.framebuffer().width()).as("the first gateway still serves").isPositive();
            }
        } finally {
            gateway.close();
        }

        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "not a socket");
        assertThatThrownBy(() -> GatewayCommand.start("--demo", "--listen", "unix:" + file))
                .isInstanceOf(IOException.class)
                .hasMessage("unix:" + file + ": a file of that name exists and is not a socket");
        assertThat(file).hasContent("not a socket");
        // A start that fails after the bind leaves no socket behind.
        Path failed = dir.resolve("failed.sock");
        assertThatThrownBy(() -> GatewayCommand.start("--demo", "--listen", "unix:" + failed,
                "--device", "a=unix:" + dir.resolve("a"), "--device", "a=unix:" + dir.resolve("b")))
                .hasMessage("device a is given twice");
        assertThat(failed).doesNotExist();
        assertThatThrownBy(() -> GatewayCommand.start("--demo", "--listen", "unix:"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--listen unix:PATH needs a path");
    }

    /**
     * A viewer that sends half a message and then nothing is cut off at the message deadline,
     * as on TCP (a Unix socket has no read timeout of its own: the gateway's reads there wait on
     * a selector). The gateway runs as its own process, with the deadline at 1 s.
     */
    @Test
    void aViewerThatSendsHalfAMessageIsCutOffAtTheDeadline() throws Exception {
        Path socket = dir.resolve("vm.sock");
        try (GatewayProcess gateway = GatewayProcess.startOnUnixSocket(dir, socket,
                List.of("-Dvncstream.gateway.messageTimeoutMs=1000"), "--demo");
             Transport viewer = Transport.unix(socket)) {
            new ClientHandshake(RfbInput.of(viewer.input()), viewer.output(), new ClientConfig(), "gateway").run();
            // A ClientCutText of 4096 bytes, of which 100 come.
            viewer.output().write(new byte[]{6, 0, 0, 0, 0, 0, 0x10, 0});
            viewer.output().write(new byte[100]);
            viewer.output().flush();
            long start = System.nanoTime();
            CompletableFuture<Void> closed = CompletableFuture.runAsync(() -> {
                try {
                    viewer.input().transferTo(OutputStream.nullOutputStream());
                } catch (IOException e) {
                    // closed with a reset: closed all the same
                }
            });
            closed.get(15, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(900));
            String cut = "sent part of a message and then nothing for 1 s";
            for (long end = System.nanoTime() + 5_000_000_000L; !gateway.logText().contains(cut) && System.nanoTime() < end; ) {
                Thread.sleep(50);
            }
            assertThat(gateway.logText()).contains(cut);
        }
    }

    /**
     * The file is owner-only, but it is created with the process's umask before it is made so,
     * and a process that connects in between is queued. Here the file is opened up as if that had
     * happened, and a process of another user (nobody) connects: it hears a reason, not a desktop.
     */
    @Test
    void anotherUsersViewerIsRefusedWithAReason() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "needs root to run a process as another user (runuser -u nobody)");
        Path open = Files.createTempDirectory("unix-listen");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path socket = open.resolve("vm.sock");
        Gateway gateway = GatewayCommand.start("--demo", "--listen", "unix:" + socket);
        try {
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
            Process p = new ProcessBuilder("runuser", "-u", "nobody", "--", "socat", "-t", "3", "-", "UNIX-CONNECT:" + socket)
                    .redirectErrorStream(true).start();
            p.getOutputStream().write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
            p.getOutputStream().flush();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("socat ended").isTrue();
            String heard = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(heard).startsWith("RFB 003.008\n")
                    .contains("only root may connect to unix:" + socket + ", not nobody");
            // The gateway's own user is still served.
            try (StreamViewer v = new StreamViewer(ServerAddress.parse("unix:" + socket), new ClientConfig())) {
                assertThat(v.client.framebuffer().width()).isPositive();
            }
        } finally {
            gateway.close();
            Files.deleteIfExists(socket);
            Files.delete(open);
        }
    }
}
