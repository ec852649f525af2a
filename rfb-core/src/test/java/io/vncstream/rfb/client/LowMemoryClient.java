package io.vncstream.rfb.client;

import io.vncstream.rfb.io.Transport;

import java.time.Duration;

/**
 * What {@code vncstream snapshot} does, as a program of its own for {@link LowMemoryTest} to run
 * in a JVM with a small heap: connect, wait for one full update, print one line.
 * Arguments: port, seconds to wait for the frame.
 */
public final class LowMemoryClient {
    private LowMemoryClient() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Duration wait = Duration.ofSeconds(Integer.parseInt(args[1]));
        long start = System.nanoTime();
        String outcome;
        FirstFullUpdate frame = new FirstFullUpdate(new RfbClientHandler() { });
        try (RfbClient client = RfbClient.connect(Transport.tcp("127.0.0.1", port, Duration.ofSeconds(10)),
                "127.0.0.1::" + port, new ClientConfig(), frame)) {
            frame.watch(client.framebuffer());
            client.start();
            FirstFullUpdate.Frame picture = frame.await(wait);
            outcome = "OK " + picture.width() + "x" + picture.height();
        } catch (Exception e) {
            outcome = "FAILED: " + e.getMessage();
        }
        System.out.println(outcome + " | " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
}
