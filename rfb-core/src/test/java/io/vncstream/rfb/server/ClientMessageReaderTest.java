package io.vncstream.rfb.server;

import io.vncstream.rfb.message.EnableContinuousUpdates;
import io.vncstream.rfb.message.ExtendedClipboard;
import io.vncstream.rfb.message.Fence;
import io.vncstream.rfb.message.QemuAudioRequest;
import io.vncstream.rfb.message.SetDesktopSize;
import io.vncstream.rfb.message.XvpMessage;
import io.vncstream.rfb.message.PointerEvent;
import io.vncstream.rfb.testing.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static io.vncstream.rfb.testing.Wire.concat;
import static io.vncstream.rfb.testing.Wire.hex;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's reader of client messages for the extension messages a relay must pass on: each
 * is dispatched to its handler method, and its exact bytes are what {@code lastMessageBytes}
 * gives, whole or one byte at a time, with the next message still readable after it.
 */
class ClientMessageReaderTest {
    private static final byte[] POINTER = hex("05 01 00 0a 00 14");

    /** Reads messages until the input ends, recording each one's bytes and what the handler saw. */
    private static List<Object> readAll(byte[] wire, boolean oneByteAtATime, List<byte[]> bytes) throws Exception {
        List<Object> seen = new ArrayList<>();
        var in = Wire.input(wire, oneByteAtATime);
        ClientMessageReader[] reader = new ClientMessageReader[1];
        reader[0] = new ClientMessageReader(in, new RfbServerHandler() {
            @Override
            public void setDesktopSize(SetDesktopSize request) {
                seen.add(request);
            }

            @Override
            public void pointerEvent(PointerEvent event) {
                seen.add(event);
            }

            @Override
            public void fence(Fence fence) {
                seen.add(fence);
            }

            @Override
            public void enableContinuousUpdates(EnableContinuousUpdates request) {
                seen.add(request);
            }

            @Override
            public void xvp(XvpMessage message) {
                seen.add(message);
            }

            @Override
            public void qemuAudio(QemuAudioRequest request) {
                seen.add(request);
            }

            @Override
            public void extendedClipboard(ExtendedClipboard message) {
                seen.add(message);
            }

            @Override
            public void clientCutText(String text) {
                seen.add(text);
            }
        });
        while (!in.atEnd()) {
            reader[0].readMessage();
            bytes.add(reader[0].lastMessageBytes());
        }
        return seen;
    }

    @ParameterizedTest(name = "one byte at a time: {0}")
    @ValueSource(booleans = {false, true})
    void setDesktopSizeIsDispatchedWithItsExactBytes(boolean oneByteAtATime) throws Exception {
        byte[] resize = hex("fb 00 | 04 00 | 03 00 | 01 00 | 00 00 00 00  00 00 00 00  04 00 03 00  00 00 00 00");
        List<byte[]> bytes = new ArrayList<>();
        List<Object> seen = readAll(concat(resize, POINTER), oneByteAtATime, bytes);
        assertThat(seen).containsExactly(SetDesktopSize.singleScreen(1024, 768, 0, 0), new PointerEvent(1, 10, 20));
        assertThat(bytes).containsExactly(resize, POINTER);
    }

    @ParameterizedTest(name = "one byte at a time: {0}")
    @ValueSource(booleans = {false, true})
    void everyExtensionMessageIsDispatchedWithItsExactBytes(boolean oneByteAtATime) throws Exception {
        byte[][] wire = {
            hex("f8 000000 80000005 01 01"),
            hex("96 01 0000 0000 0400 0300"),
            hex("fa 00 01 04"),
            hex("ff 01 0000"),
            hex("ff 01 0002 03 02 0000ac44"),
            hex("06 000000 fffffff8 10000001 a1b2c3d4"),
            hex("06 000000 00000002 68 e9"),
            POINTER,
        };
        List<byte[]> bytes = new ArrayList<>();
        List<Object> seen = readAll(concat(wire), oneByteAtATime, bytes);
        assertThat(seen).containsExactly(
                new Fence(Fence.REQUEST | Fence.BLOCK_BEFORE | Fence.SYNC_NEXT, new byte[]{1}),
                new EnableContinuousUpdates(true, 0, 0, 1024, 768),
                new XvpMessage(1, XvpMessage.RESET),
                QemuAudioRequest.enable(),
                QemuAudioRequest.setFormat(3, 2, 44100),
                new ExtendedClipboard(ExtendedClipboard.PROVIDE | ExtendedClipboard.TEXT, hex("a1b2c3d4")),
                "h\u00e9",
                new PointerEvent(1, 10, 20));
        assertThat(bytes).containsExactly(wire);
    }

    @Test
    void anUnknownMessageIsNamedWithItsPosition() {
        assertThat(Wire.thrown(() -> readAll(concat(POINTER, hex("07")), true, new ArrayList<>())))
                .hasMessage("unknown client message type 7 at byte 6");
    }
}
