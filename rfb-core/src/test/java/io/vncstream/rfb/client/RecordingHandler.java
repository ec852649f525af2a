package io.vncstream.rfb.client;

import io.vncstream.rfb.decode.DecodeContext;
import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.pixel.PixelFormat;
import io.vncstream.rfb.pseudo.RemoteCursor;
import io.vncstream.rfb.stream.DeviceNotice;
import io.vncstream.rfb.stream.StreamMessage;
import io.vncstream.rfb.testing.Wire;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A handler that writes down what it hears, as readable strings and the objects themselves. */
public final class RecordingHandler implements RfbClientHandler {
    public final List<String> events = new ArrayList<>();
    public final List<Object> objects = new ArrayList<>();

    @Override
    public void updateCompleted() {
        events.add("update");
    }

    @Override
    public void desktopResized(int width, int height) {
        events.add("resized " + width + "x" + height);
    }

    @Override
    public void cursorChanged(RemoteCursor cursor) {
        events.add("cursor " + cursor.width() + "x" + cursor.height() + " hotspot " + cursor.hotX() + "," + cursor.hotY()
                + " " + Arrays.stream(cursor.argb()).mapToObj(Integer::toHexString).toList());
        objects.add(cursor);
    }

    @Override
    public void desktopNameChanged(String name) {
        events.add("name " + name);
    }

    @Override
    public void extendedKeyEventSupported() {
        events.add("extended keys");
    }

    @Override
    public void bell() {
        events.add("bell");
    }

    @Override
    public void serverCutText(String text) {
        events.add("cut text " + text);
    }

    @Override
    public void deviceNotice(DeviceNotice notice) {
        events.add("device " + (notice.added() ? "added " : "removed ") + notice.name());
        objects.add(notice);
    }

    @Override
    public void streamMessage(StreamMessage message) {
        events.add("stream " + message);
        objects.add(message);
    }

    @Override
    public void extendedClipboard(io.vncstream.rfb.message.ExtendedClipboard message) {
        events.add("extended clipboard flags " + Long.toHexString(message.flags()) + " payload "
                + java.util.HexFormat.of().formatHex(message.payload()));
    }

    @Override
    public void fence(io.vncstream.rfb.message.Fence fence) {
        events.add("fence flags " + Long.toHexString(fence.flags()) + " data " + java.util.HexFormat.of().formatHex(fence.data()));
    }

    @Override
    public void endOfContinuousUpdates() {
        events.add("end of continuous updates");
    }

    @Override
    public void xvp(io.vncstream.rfb.message.XvpMessage message) {
        events.add("xvp version " + message.version() + " code " + message.code());
    }

    @Override
    public void qemuAudio(io.vncstream.rfb.message.QemuAudioData message) {
        events.add("audio operation " + message.operation() + " samples " + java.util.HexFormat.of().formatHex(message.samples()));
    }

    @Override
    public void audioSupported() {
        events.add("audio supported");
    }

    @Override
    public void ledState(int state) {
        events.add("leds " + state);
    }

    @Override
    public void pointerMotionChanged(boolean absolute) {
        events.add(absolute ? "pointer absolute" : "pointer relative");
    }

    /** What one run of a ServerMessageReader over some bytes left behind. */
    public record Outcome(RecordingHandler handler, Framebuffer framebuffer, DecodeContext context,
                          List<Integer> types, boolean lastUpdateAnswered) {
        public List<String> events() {
            return handler.events;
        }
    }

    /**
     * Reads {@code messages} server messages from the bytes into a {@code width x height}
     * framebuffer, from an array and from a one-byte-at-a-time stream; both runs must hear the
     * same events, paint the same pixels and consume every byte. Returns the array run.
     */
    public static Outcome readBothWays(byte[] bytes, int messages, int width, int height, PixelFormat format) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Outcome a = run(bytes, messages, width, height, format, false);
            Outcome b = run(bytes, messages, width, height, format, true);
            assertThat(b.events()).isEqualTo(a.events());
            assertThat(b.types()).isEqualTo(a.types());
            assertThat(b.framebuffer().pixels()).isEqualTo(a.framebuffer().pixels());
            assertThat(b.lastUpdateAnswered()).isEqualTo(a.lastUpdateAnswered());
            return a;
        });
    }

    /** Reading must fail both ways with the same exception (EOF wording aside). */
    public static Throwable rejectedBothWays(byte[] bytes, int messages, int width, int height, PixelFormat format) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Throwable a = Wire.thrown(() -> run(bytes, messages, width, height, format, false));
            Throwable b = Wire.thrown(() -> run(bytes, messages, width, height, format, true));
            assertThat(b).isExactlyInstanceOf(a.getClass());
            if (!(a instanceof java.io.EOFException)) {
                assertThat(b).hasMessage(a.getMessage());
            }
            return a;
        });
    }

    private static Outcome run(byte[] bytes, int messages, int width, int height, PixelFormat format,
                               boolean oneByteAtATime) throws Exception {
        RecordingHandler handler = new RecordingHandler();
        Framebuffer fb = new Framebuffer(width, height);
        DecodeContext ctx = new DecodeContext(format);
        var in = Wire.input(bytes, oneByteAtATime);
        ServerMessageReader reader = new ServerMessageReader(in, ctx, fb, handler);
        List<Integer> types = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            types.add(reader.readMessage());
        }
        assertThat(in.position()).as("bytes consumed").isEqualTo(bytes.length);
        return new Outcome(handler, fb, ctx, types, reader.lastUpdateAnsweredRequest());
    }
}
