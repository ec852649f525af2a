package io.vncstream.rfb.client;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.RfbProtocolException;
import org.junit.jupiter.api.Test;

import static io.vncstream.rfb.client.RecordingHandler.readBothWays;
import static io.vncstream.rfb.client.RecordingHandler.rejectedBothWays;
import static io.vncstream.rfb.client.ServerMessageReaderTest.TC32;
import static io.vncstream.rfb.client.ServerMessageReaderTest.rect;
import static io.vncstream.rfb.client.ServerMessageReaderTest.update;
import static io.vncstream.rfb.testing.Wire.concat;
import static io.vncstream.rfb.testing.Wire.hex;
import static org.assertj.core.api.Assertions.assertThat;

/** The extension messages and pseudo-encodings as the client reads them, whole and one byte at a time. */
class ExtensionServerMessagesTest {
    @Test
    void extensionMessages() {
        byte[] wire = concat(
                hex("96"),
                hex("f8 000000 80000001 02 aa bb"),
                hex("fa 00 01 01"),
                hex("ff 01 0001"),
                hex("ff 01 0002 00000003 01 02 03"),
                hex("ff 01 0000"),
                hex("03 000000 fffffff4 1f000005 00a00000 00a00000"),
                hex("03 000000 00000002 68 e9"));
        var out = readBothWays(wire, 8, 4, 2, TC32);
        assertThat(out.events()).containsExactly(
                "end of continuous updates",
                "fence flags 80000001 data aabb",
                "xvp version 1 code 1",
                "audio operation 1 samples ",
                "audio operation 2 samples 010203",
                "audio operation 0 samples ",
                "extended clipboard flags 1f000005 payload 00a0000000a00000",
                "cut text h\u00e9");
        assertThat(out.types()).containsExactly(150, 248, 250, 255, 255, 255, 3, 3);
    }

    @Test
    void extensionPseudoEncodings() {
        byte[] msg = update(5,
                rect(0, 0, 1, 1, Encodings.LED_STATE), hex("04"),
                rect(0, 0, 1, 1, Encodings.VMWARE_LED_STATE), hex("00000003"),
                rect(0, 0, 4, 2, Encodings.QEMU_POINTER_MOTION_CHANGE),
                rect(0, 0, 4, 2, Encodings.QEMU_AUDIO),
                rect(1, 0, 2, 1, Encodings.CURSOR_WITH_ALPHA), hex("00000000 | ff0000ff 80000080"));
        var out = readBothWays(msg, 1, 4, 2, TC32);
        assertThat(out.events()).containsExactly(
                "leds 4",
                "leds 3",
                "pointer relative",
                "audio supported",
                // premultiplied red at half alpha is full red at half alpha
                "cursor 2x1 hotspot 1,0 [ffff0000, 80ff0000]",
                "update");
    }

    @Test
    void aCursorWithAlphaInAnEncodingOtherThanRawIsRejected() {
        byte[] msg = update(1, rect(0, 0, 1, 1, Encodings.CURSOR_WITH_ALPHA), hex("00000010"));
        assertThat(rejectedBothWays(msg, 1, 4, 2, TC32)).isInstanceOf(RfbProtocolException.class)
                .hasMessage("CursorWithAlpha rectangle 1x1 at (0,0) in ZRLE: only Raw is supported");
    }

    @Test
    void aQemuMessageOfAnotherSubTypeIsRejected() {
        assertThat(rejectedBothWays(hex("ff 05"), 1, 4, 2, TC32)).isInstanceOf(RfbProtocolException.class)
                .hasMessage("server message 255 (QEMU) with sub-type 5, which this client never asked for");
    }
}
