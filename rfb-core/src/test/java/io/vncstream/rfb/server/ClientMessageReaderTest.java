package io.vncstream.rfb.server;

import io.vncstream.rfb.message.SetDesktopSize;
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

    @Test
    void anUnknownMessageIsNamedWithItsPosition() {
        assertThat(Wire.thrown(() -> readAll(concat(POINTER, hex("07")), true, new ArrayList<>())))
                .hasMessage("unknown client message type 7 at byte 6");
    }
}
