package io.vncstream.gateway;

import io.vncstream.gateway.cli.GatewayCommand;
import io.vncstream.gateway.demo.DemoDesktop;
import io.vncstream.gateway.device.Device;
import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.gateway.device.SocketBackend;
import io.vncstream.gateway.load.LightViewer;
import io.vncstream.rfb.server.ServerSecurity;
import io.vncstream.rfb.testing.TinyVm;
import io.vncstream.rfb.testing.TinyVmImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, defect 13, and the fault test "device backend killed and restarted": a listed
 * device whose socket comes back is attached again at once (QEMU drops serial output while no
 * client is attached), so a restarted VM's boot log reaches the open consoles, after a note
 * that marks the gap.
 */
class BackendRestartTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void aSocketThatComesBackIsAttachedWithinAFewHundredMilliseconds() throws Exception {
        Path sock = dir.resolve("ser.sock");
        DeviceRegistry registry = new DeviceRegistry();
        ServerSocketChannel first = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        first.bind(UnixDomainSocketAddress.of(sock));
        registry.add(new Device("ser", SocketBackend.unix(sock), 4096));
        Gateway gateway = Gateway.start("127.0.0.1", 0, new DemoDesktop(), registry, ServerSecurity.NONE, Gateway.DEFAULT_MAX_BEHIND);
        try (LightViewer viewer = new LightViewer(gateway.port())) {
            StreamViewer.Output console = new StreamViewer.Output();
            SocketChannel c = first.accept();
            viewer.capture("ser", console);
            c.write(ByteBuffer.wrap("first boot\r\n".getBytes(StandardCharsets.US_ASCII)));
            console.await(t -> t.contains("first boot"), Duration.ofSeconds(10));
            // The VM goes away for longer than any backoff would grow to, then comes back.
            c.close();
            first.close();
            Files.delete(sock);
            Thread.sleep(8000);
            try (ServerSocketChannel again = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                again.bind(UnixDomainSocketAddress.of(sock));
                long bound = System.nanoTime();
                try (SocketChannel c2 = again.accept()) {
                    long attachMs = (System.nanoTime() - bound) / 1_000_000;
                    System.out.printf("device socket back: attached again after %d ms%n", attachMs);
                    assertThat(attachMs).isLessThan(500);
                    c2.write(ByteBuffer.wrap("second boot\r\n".getBytes(StandardCharsets.US_ASCII)));
                    String text = console.await(t -> t.contains("second boot"), Duration.ofSeconds(10));
                    int note = text.indexOf("---- ser reattached at ");
                    assertThat(note).as("the gap note").isGreaterThan(text.indexOf("first boot"));
                    assertThat(text.indexOf("second boot")).isGreaterThan(note);
                    assertThat(console.endedReason).isNull();
                }
            }
        } finally {
            gateway.close();
        }
    }

    @Test
    @Timeout(300)
    void aRestartedVmsBootLogReachesTheOpenConsole() throws Exception {
        TinyVm vm = TinyVm.boot();
        TinyVm again = null;
        Gateway gateway = null;
        try {
            vm.releaseSerial();
            gateway = GatewayCommand.start("--listen", "127.0.0.1:0", "--demo", "--device", "ser0=unix:" + vm.serialSocket());
            try (LightViewer viewer = new LightViewer(gateway.port())) {
                StreamViewer.Output console = new StreamViewer.Output();
                viewer.capture("ser0", console).send("echo before-restart-$((6*7))\n".getBytes(StandardCharsets.US_ASCII));
                console.await(t -> t.contains("before-restart-42"), Duration.ofSeconds(30));
                again = vm.restart(Duration.ofSeconds(8));
                String text = console.await(t -> t.contains(TinyVmImage.MARKER), Duration.ofSeconds(120));
                int note = text.indexOf("---- ser0 reattached at ");
                assertThat(note).as("the gap note").isGreaterThan(text.indexOf("before-restart-42"));
                // The kernel's first line: the console was attached before the new boot printed anything.
                assertThat(text.indexOf("Linux version", note)).as("the new boot's first line").isGreaterThan(note);
                assertThat(console.endedReason).isNull();
            }
        } finally {
            if (gateway != null) {
                gateway.close();
            }
            if (again != null) {
                again.close();
            }
            vm.close();
        }
    }
}
