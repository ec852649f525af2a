package io.vncstream.gateway;

import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.FirstFullUpdate;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.stream.Capture;
import io.vncstream.rfb.stream.CaptureListener;
import io.vncstream.rfb.stream.StreamClient;
import io.vncstream.rfb.stream.StreamMessage;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real rfb-core client with the stream extension, connected to a gateway, recording what it hears. */
final class StreamViewer implements AutoCloseable {
    final RfbClient client;
    final StreamClient streams = new StreamClient();
    final List<StreamMessage> messages = new CopyOnWriteArrayList<>();
    volatile Exception disconnected;

    StreamViewer(int port) throws Exception {
        this(port, new ClientConfig());
    }

    StreamViewer(int port, ClientConfig config) throws Exception {
        this(ServerAddress.tcp("127.0.0.1", port), config);
    }

    StreamViewer(ServerAddress address, ClientConfig config) throws Exception {
        FirstFullUpdate frame = new FirstFullUpdate(streams.handler(new RfbClientHandler() {
            @Override
            public void streamMessage(StreamMessage message) {
                messages.add(message);
            }

            @Override
            public void disconnected(Exception cause) {
                disconnected = cause;
            }
        }));
        client = RfbClient.connect(address, config, frame);
        streams.attach(client);
        frame.watch(client.framebuffer());
        client.start();
        frame.await(Duration.ofSeconds(20));
    }

    /** Output of one capture, collected. */
    static final class Output implements CaptureListener {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        volatile String endedReason;

        @Override
        public synchronized void output(byte[] data) {
            bytes.write(data, 0, data.length);
            notifyAll();
        }

        @Override
        public synchronized void ended(String reason) {
            endedReason = reason;
            notifyAll();
        }

        synchronized byte[] bytes() {
            return bytes.toByteArray();
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        /** Waits until the collected text satisfies the condition; fails with what was seen. */
        synchronized String await(Predicate<String> condition, Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            while (!condition.test(text())) {
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError("timed out; output so far:\n" + tail(text()));
                }
                wait(left);
            }
            return text();
        }

        synchronized void awaitEnded(Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            while (endedReason == null) {
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError("capture did not end");
                }
                wait(left);
            }
        }

        private static String tail(String s) {
            return s.length() > 2000 ? "..." + s.substring(s.length() - 2000) : s;
        }
    }

    Capture capture(String device, Output output) throws Exception {
        return streams.capture(device, output).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        client.close();
    }
}
