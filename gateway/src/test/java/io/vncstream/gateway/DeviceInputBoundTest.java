package io.vncstream.gateway;

import io.vncstream.gateway.demo.DemoDesktop;
import io.vncstream.gateway.device.Device;
import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.gateway.device.SocketBackend;
import io.vncstream.rfb.server.ServerSecurity;
import io.vncstream.rfb.stream.SendData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static io.vncstream.rfb.testing.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, defect 2a: input to a device that does not read is bounded. The sending viewer is
 * held back (TCP backpressure) instead of the gateway taking it all in, and what a viewer that
 * left had queued is not written to the device afterwards.
 */
class DeviceInputBoundTest {
    private static final int MIB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void aDeviceThatDoesNotReadHoldsBackItsViewerAndForgetsItsInputWhenItLeaves() throws Exception {
        Path sock = dir.resolve("sink.sock");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(sock));
        DeviceRegistry registry = new DeviceRegistry();
        registry.add(new Device("sink", SocketBackend.unix(sock), 0));
        SocketChannel device = server.accept();
        // A console's prompt now and then: the gateway notices a viewer that left when it next writes to it.
        Thread prompt = new Thread(() -> {
            try {
                while (true) {
                    device.write(ByteBuffer.wrap(new byte[]{'$'}));
                    Thread.sleep(50);
                }
            } catch (IOException | InterruptedException e) {
                // closed
            }
        });
        prompt.setDaemon(true);
        prompt.start();
        Gateway gateway = Gateway.start("127.0.0.1", 0, new DemoDesktop(), registry, ServerSecurity.NONE, 16L * MIB);
        AtomicLong sent = new AtomicLong();
        try {
            RawViewer viewer = RawViewer.connect(gateway.port());
            viewer.setEncodingsWithStreams();
            viewer.startCapture("sink");
            byte[] message = new SendData(1, new byte[MIB]).toBytes();
            Thread sender = new Thread(() -> {
                try {
                    for (int i = 0; i < 64; i++) {
                        viewer.send(message);
                        sent.addAndGet(MIB);
                    }
                } catch (IOException e) {
                    // closed below
                }
            });
            sender.setDaemon(true);
            sender.start();
            Thread.sleep(3000);
            long accepted = sent.get();
            System.out.printf("input to a device that does not read: the viewer got %d MiB out in 3 s%n", accepted / MIB);
            // Without a bound all 64 MiB go out in a fraction of a second; with it, the device's
            // bound (1 MiB), one message being read (1 MiB) and the sockets' buffers, which loopback
            // TCP autotunes (7-9 MiB in all here, seen under load); never the 64 MiB sent.
            assertTrue(accepted <= 24L * MIB, accepted / MIB + " MiB accepted from a viewer of a device that does not read");

            viewer.close();
            await(Duration.ofSeconds(10), "the gateway saw the viewer leave", () -> gateway.viewerCount() == 0);
            // Now the device reads: it gets what was in flight, not what the viewer had queued.
            device.configureBlocking(false);
            Thread.sleep(200);
            ByteBuffer b = ByteBuffer.allocate(MIB);
            long got = 0;
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < 1_000_000_000L) {
                int n = device.read(b);
                b.clear();
                if (n > 0) {
                    got += n;
                    quietSince = System.nanoTime();
                } else {
                    Thread.sleep(20);
                }
            }
            System.out.printf("after the viewer left, the device received %d KiB of its input%n", got / 1024);
            assertTrue(got <= 3L * MIB, "the device received " + got / 1024 + " KiB after the viewer left");
        } finally {
            gateway.close();
            device.close();
            server.close();
        }
    }
}
