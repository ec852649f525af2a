package io.vncstream.gateway.session;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vncstream.gateway.device.CaptureLimits;
import io.vncstream.gateway.device.Device;
import io.vncstream.gateway.device.DeviceBackend;
import io.vncstream.gateway.device.DeviceConnection;
import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.gateway.device.DeviceSubscriber;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.server.ClientMessageReader;
import io.vncstream.rfb.server.RfbServerHandler;
import io.vncstream.rfb.stream.StartCapture;
import io.vncstream.rfb.stream.StreamMessage;
import io.vncstream.rfb.testing.FuzzContract;
import io.vncstream.rfb.testing.FuzzInput;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A viewer's messages as the gateway's session handles them, without sockets: the client
 * message reader hands 255/2 capture messages to the session's captures, over a registry with
 * two devices that have a backlog. Besides the bad-input rule, every answer the gateway sends
 * must be a message the viewer's own parser reads back unchanged (an answer the viewer rejects
 * would end its connection), and every start capture is answered by one that repeats its name
 * byte for byte, as the stream extension spec says.
 */
class ViewerStreamMessagesFuzzTest {
    private static final DeviceRegistry REGISTRY = registry();
    /** Where the name starts: after type, sub-type, operation and the u32 length (and a server's u32 ID). */
    private static final int START_CAPTURE_NAME = 7;
    private static final int CAPTURE_STARTED_NAME = 11;

    @Timeout(10)
    @FuzzTest(maxDuration = "11m")
    void gatewayAnswersViewerStreamMessages(byte[] data) {
        FuzzInput input = FuzzInput.of(data);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        ViewerWriter writer = new ViewerWriter(written, "fuzz-writer", e -> { });
        // Replies go through the writer, as the session sends them: everything the viewer would read is in 'written'.
        SessionCaptures captures = new SessionCaptures("fuzz", REGISTRY, writer, CaptureLimits.maxBehind(1 << 20), writer::send, reason -> { });
        List<byte[]> requestedNames = new ArrayList<>();
        ClientMessageReader[] reader = new ClientMessageReader[1];
        reader[0] = new ClientMessageReader(input.in(), new RfbServerHandler() {
            @Override
            public void streamMessage(StreamMessage message) {
                if (message instanceof StartCapture) {
                    byte[] wire = reader[0].lastMessageBytes();
                    requestedNames.add(Arrays.copyOfRange(wire, START_CAPTURE_NAME, wire.length));
                }
                captures.handle(message);
            }
        });
        try {
            FuzzContract.untilEnd(reader[0]::readMessage);
        } finally {
            captures.closeAll();
            writer.finish();
            writer.awaitFinished(System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
            writer.close();
        }
        List<byte[]> answers = new ArrayList<>();
        byte[] sent = written.toByteArray();
        FuzzContract.holds(() -> {
            RfbInput in = RfbInput.of(sent);
            while (!in.atEnd()) {
                long start = in.position();
                in.skip(2);
                StreamMessage read = StreamMessage.readFromServer(in);
                byte[] answer = Arrays.copyOfRange(sent, (int) start, (int) in.position());
                if (!Arrays.equals(read.toBytes(), answer)) {
                    throw new AssertionError("the viewer reads the gateway's " + HexFormat.of().formatHex(answer) + " as " + read);
                }
                answers.add(answer);
            }
        });
        assertRepeatsNames(requestedNames, answers);
    }

    /** The spec: every start capture is answered, in order, by a start capture that repeats the name. */
    private static void assertRepeatsNames(List<byte[]> requested, List<byte[]> answers) {
        List<byte[]> repeated = new ArrayList<>();
        for (byte[] wire : answers) {
            if (wire[2] == StreamMessage.START_CAPTURE) {
                repeated.add(Arrays.copyOfRange(wire, CAPTURE_STARTED_NAME, wire.length));
            }
        }
        if (repeated.size() != requested.size()) {
            throw new AssertionError(requested.size() + " start captures answered by " + repeated.size());
        }
        for (int i = 0; i < requested.size(); i++) {
            if (!Arrays.equals(requested.get(i), repeated.get(i))) {
                throw new AssertionError("start capture " + i + " asked for name bytes " + HexFormat.of().formatHex(requested.get(i))
                        + " and was answered with " + HexFormat.of().formatHex(repeated.get(i)));
            }
        }
    }

    /** Two devices with a few bytes of backlog each, which every new capture receives first. */
    private static DeviceRegistry registry() {
        DeviceRegistry registry = new DeviceRegistry();
        for (String name : List.of("serial0", "console-\u00e9")) {
            Device device = new Device(name, new BootLogBackend(name), 4096);
            registry.add(device);
            awaitBacklog(device);
        }
        return registry;
    }

    private static void awaitBacklog(Device device) {
        CountDownLatch output = new CountDownLatch(1);
        DeviceSubscriber probe = new DeviceSubscriber() {
            @Override
            public void ready() {
                output.countDown();
            }

            @Override
            public void overflowed(long boundBytes) {
            }

            @Override
            public void stalled(long idleMillis) {
            }
        };
        for (int i = 0; i < 500 && output.getCount() > 0; i++) {
            device.unsubscribe(device.subscribe(probe, 1 << 20));
            try {
                output.await(10, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A device that prints one line when attached, then stays silent; input is discarded. */
    private record BootLogBackend(String name) implements DeviceBackend {
        @Override
        public DeviceConnection open() {
            return new DeviceConnection() {
                private final CountDownLatch closed = new CountDownLatch(1);
                private boolean greeted;

                @Override
                public int read(byte[] buffer) throws IOException {
                    if (!greeted) {
                        greeted = true;
                        byte[] line = (name + " booted\r\n").getBytes(StandardCharsets.UTF_8);
                        System.arraycopy(line, 0, buffer, 0, line.length);
                        return line.length;
                    }
                    try {
                        closed.await();
                    } catch (InterruptedException e) {
                        throw new IOException("interrupted", e);
                    }
                    return -1;
                }

                @Override
                public void write(byte[] data) {
                }

                @Override
                public void close() {
                    closed.countDown();
                }
            };
        }

        @Override
        public String describe() {
            return "fuzz:" + name;
        }
    }
}
