package io.vncstream.gateway;

import io.vncstream.rfb.stream.Capture;
import io.vncstream.rfb.testing.DeviceEvents;
import io.vncstream.rfb.stream.EndCapture;
import io.vncstream.rfb.stream.SendData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static io.vncstream.rfb.testing.Eventually.await;

/** The gateway serving its demo desktop and devices to real rfb-core clients. */
class DemoGatewayTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private DemoGatewayFixture demo;

    @BeforeEach
    void start() throws Exception {
        demo = new DemoGatewayFixture(2 * 1024 * 1024);
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    @Nested
    class Devices {
        @Test
        void areAnnouncedBeforeTheFirstFramebufferUpdateEnds() throws Exception {
            try (StreamViewer v = new StreamViewer(demo.port())) {
                assertThat(v.streams.devices()).containsExactly("serial0", "log0");
            }
        }

        @Test
        void hotPlugAndUnplugReachEveryViewer() throws Exception {
            try (StreamViewer a = new StreamViewer(demo.port()); StreamViewer b = new StreamViewer(demo.port())) {
                DeviceEvents events = new DeviceEvents();
                b.streams.addDeviceListener(events);
                StreamViewer.Output shell = new StreamViewer.Output();
                Capture serial = a.capture("serial0", shell);
                serial.send("plug extra\r".getBytes(StandardCharsets.US_ASCII));
                await(Duration.ofSeconds(3), "b.streams.devices().contains(\"extra\")", () -> b.streams.devices().contains("extra"));

                StreamViewer.Output extra = new StreamViewer.Output();
                b.capture("extra", extra);
                extra.await(t -> t.contains("echo console extra"), WAIT);

                serial.send("unplug extra\r".getBytes(StandardCharsets.US_ASCII));
                await(Duration.ofSeconds(3), "!b.streams.devices().contains(\"extra\")", () -> !b.streams.devices().contains("extra"));
                extra.awaitEnded(WAIT);
                // The server ends the capture, then removes the device (the spec's order).
                assertThat(extra.endedReason).isEqualTo("capture ended by the server");
                // The list changes before the listeners hear of it, on the reader thread.
                await(Duration.ofSeconds(3), "the listener heard of the removal", () -> events.list().size() == 2);
                assertThat(events.list()).containsExactly("+extra", "-extra");
            }
        }
    }

    @Nested
    class Captures {
        @Test
        void theShellEchoesTypingAndRunsCommands() throws Exception {
            try (StreamViewer v = new StreamViewer(demo.port())) {
                StreamViewer.Output out = new StreamViewer.Output();
                Capture c = v.capture("serial0", out);
                assertThat(c.id()).isNotZero();
                for (byte b : "echo hello from the test\r".getBytes(StandardCharsets.US_ASCII)) {
                    c.send(new byte[]{b});
                }
                String text = out.await(t -> t.contains("echo hello from the test\r\nhello from the test\r\ndemo$ "), WAIT);
                assertThat(text).startsWith("\r\nvncstream demo serial console.");
            }
        }

        @Test
        void aCaptureOpenedLateReplaysTheBacklog() throws Exception {
            try (StreamViewer first = new StreamViewer(demo.port())) {
                StreamViewer.Output out = new StreamViewer.Output();
                first.capture("serial0", out).send("echo marker-1234\r".getBytes(StandardCharsets.US_ASCII));
                out.await(t -> t.contains("marker-1234\r\ndemo$"), WAIT);
            }
            try (StreamViewer late = new StreamViewer(demo.port())) {
                StreamViewer.Output out = new StreamViewer.Output();
                late.capture("serial0", out);
                out.await(t -> t.contains("marker-1234\r\ndemo$"), WAIT);
            }
        }

        @Test
        void capturingTwiceGivesTheSameIdAndUnknownDevicesAreRefused() throws Exception {
            try (StreamViewer v = new StreamViewer(demo.port())) {
                Capture one = v.capture("log0", new StreamViewer.Output());
                Capture two = v.capture("log0", new StreamViewer.Output());
                assertThat(two.id()).isEqualTo(one.id());
                v.streams.devices();
                // A device the client thinks exists but the server does not: the server answers ID 0.
                v.client.send(new io.vncstream.rfb.stream.StartCapture("no-such-device"));
                await(WAIT, "v.messages.stream().anyMatch(m -> m instanceof io.vncstream.rfb.stream.CaptureStarted s && s.refused() && s.name().equals(\"no-such-device\"))", () -> v.messages.stream().anyMatch(m ->
                        m instanceof io.vncstream.rfb.stream.CaptureStarted s && s.refused()
                                && s.name().equals("no-such-device")));
            }
        }

        @Test
        void severalViewersOfOneDeviceReceiveIdenticalBytes() throws Exception {
            try (StreamViewer a = new StreamViewer(demo.port()); StreamViewer b = new StreamViewer(demo.port())) {
                StreamViewer.Output outA = new StreamViewer.Output();
                StreamViewer.Output outB = new StreamViewer.Output();
                Capture ca = a.capture("serial0", outA);
                b.capture("serial0", outB);
                ca.send("flood 20000\r".getBytes(StandardCharsets.US_ASCII));
                outA.await(t -> t.contains("flood: 20000 lines"), WAIT);
                outB.await(t -> t.contains("flood: 20000 lines"), WAIT);
                // Compared up to the flood's last line: the prompt after it may reach one viewer
                // a moment before the other.
                byte[] fromA = between(outA.bytes(), "00000001 the quick", "flood: 20000 lines\r\n");
                byte[] fromB = between(outB.bytes(), "00000001 the quick", "flood: 20000 lines\r\n");
                assertThat(fromA.length).isGreaterThan(20000 * 50);
                assertThat(fromB).isEqualTo(fromA);
            }
        }

        @Test
        void endCaptureIsAcknowledgedAndDataForAnUnknownIdEndsThatId() throws Exception {
            try (StreamViewer v = new StreamViewer(demo.port())) {
                StreamViewer.Output out = new StreamViewer.Output();
                Capture c = v.capture("log0", out);
                c.close();
                out.awaitEnded(WAIT);
                // The capture hears of its end before the viewer's message list records it.
                await(WAIT, "v.messages.contains(new EndCapture(c.id()))", () -> v.messages.contains(new EndCapture(c.id())));

                v.client.send(new SendData(4242, "x".getBytes(StandardCharsets.US_ASCII)));
                await(WAIT, "v.messages.contains(new EndCapture(4242))", () -> v.messages.contains(new EndCapture(4242)));
                assertThat(v.client.isClosed()).isFalse();
            }
        }
    }

    @Nested
    class FanOut {
        @Test
        void aStalledViewerIsDisconnectedWhileTheOthersGoOn() throws Exception {
            try (RawViewer stalled = RawViewer.connect(demo.port()); StreamViewer live = new StreamViewer(demo.port())) {
                stalled.setEncodingsWithStreams();
                stalled.startCapture("serial0");
                // From here the stalled viewer reads nothing.
                StreamViewer.Output out = new StreamViewer.Output();
                Capture c = live.capture("serial0", out);
                await(WAIT, "demo.gateway.viewerCount() == 2", () -> demo.gateway.viewerCount() == 2);
                c.send("flood 200000\r".getBytes(StandardCharsets.US_ASCII));
                out.await(t -> t.contains("flood: 200000 lines"), Duration.ofSeconds(60));
                await(WAIT, "demo.gateway.viewerCount() == 1", () -> demo.gateway.viewerCount() == 1);
                assertThat(live.client.isClosed()).isFalse();
            }
        }
    }

    @Nested
    class MalformedStreamMessages {
        static Stream<Arguments> messages() {
            return Stream.of(
                    Arguments.of("an unknown operation", new byte[]{(byte) 255, 2, 7}),
                    Arguments.of("an oversized SendData, before allocating",
                            new byte[]{(byte) 255, 2, 2, 0, 0, 0, 1, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}),
                    Arguments.of("an oversized name", new byte[]{(byte) 255, 2, 0, 0, 0, 1, 0}));
        }

        @ParameterizedTest(name = "{0} closes that viewer only")
        @MethodSource("messages")
        void closesThatViewerOnly(String what, byte[] message) throws Exception {
            try (StreamViewer other = new StreamViewer(demo.port()); RawViewer bad = RawViewer.connect(demo.port())) {
                bad.setEncodingsWithStreams();
                bad.send(message);
                assertThat(bad.readsUntilClosed(WAIT)).isTrue();
                assertStillServes(other);
            }
        }

        private void assertStillServes(StreamViewer v) throws Exception {
            StreamViewer.Output out = new StreamViewer.Output();
            v.capture("serial0", out).send("echo still here\r".getBytes(StandardCharsets.US_ASCII));
            out.await(t -> t.contains("still here\r\ndemo$"), WAIT);
        }
    }

    /** From the first {@code start} to the end of the first {@code end} after it. */
    private static byte[] between(byte[] all, String start, String end) {
        byte[] tail = afterFirst(all, start);
        String s = new String(tail, StandardCharsets.ISO_8859_1);
        int at = s.indexOf(end);
        assertThat(at).as("marker %s in output", end).isGreaterThanOrEqualTo(0);
        return Arrays.copyOf(tail, at + end.length());
    }

    private static byte[] afterFirst(byte[] all, String marker) {
        String s = new String(all, StandardCharsets.ISO_8859_1);
        int at = s.indexOf(marker);
        assertThat(at).as("marker %s in output", marker).isGreaterThanOrEqualTo(0);
        return Arrays.copyOfRange(all, at, all.length);
    }
}
