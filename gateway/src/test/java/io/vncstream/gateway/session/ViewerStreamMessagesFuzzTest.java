package io.vncstream.gateway.session;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vncstream.gateway.device.Device;
import io.vncstream.gateway.device.DeviceBackend;
import io.vncstream.gateway.device.DeviceConnection;
import io.vncstream.gateway.device.DeviceRegistry;
import io.vncstream.gateway.device.DeviceSubscriber;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.server.ClientMessageReader;
import io.vncstream.rfb.server.RfbServerHandler;
import io.vncstream.rfb.stream.StreamMessage;
import io.vncstream.rfb.testing.FuzzContract;
import io.vncstream.rfb.testing.FuzzInput;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A viewer's messages as the gateway's session handles them, without sockets: the client
 * message reader hands 255/2 capture messages to the session's captures, over a registry with
 * two devices that have a backlog. Besides the bad-input rule, every answer the gateway sends
 * must be a message the viewer's own parser reads back unchanged: an answer the viewer rejects
 * would end its connection.
 */
class ViewerStreamMessagesFuzzTest {
    private static final DeviceRegistry REGISTRY = registry();

    @Timeout(10)
    @FuzzTest(maxDuration = "4m")
    void gatewayAnswersViewerStreamMessages(byte[] data) {
        FuzzInput input = FuzzInput.of(data);
        List<StreamMessage> answers = new ArrayList<>();
        SessionCaptures captures = new SessionCaptures("fuzz", REGISTRY, new SessionCaptures.ViewerOutput() {
            @Override
            public void send(StreamMessage message) {
                answers.add(message);
            }

            @Override
            public void deviceOutputQueued() {
            }
        });
        ClientMessageReader reader = new ClientMessageReader(input.in(), new RfbServerHandler() {
            @Override
            public void streamMessage(StreamMessage message) {
                captures.handle(message);
            }
        });
        try {
            FuzzContract.untilEnd(reader::readMessage);
        } finally {
            captures.closeAll();
        }
        for (StreamMessage answer : answers) {
            FuzzContract.holds(() -> {
                RfbInput in = RfbInput.of(answer.toBytes());
                in.skip(2);
                StreamMessage read = StreamMessage.readFromServer(in);
                if (!read.equals(answer) || !in.atEnd()) {
                    throw new AssertionError("the viewer reads the gateway's " + answer + " as " + read);
                }
            });
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
            public void output(byte[] data) {
                output.countDown();
            }

            @Override
            public void ended(String reason) {
            }
        };
        for (int i = 0; i < 500 && output.getCount() > 0; i++) {
            device.subscribe(probe);
            device.unsubscribe(probe);
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
