package io.vncstream.rfb.client;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.handshake.ServerInit;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.pixel.PixelFormat;
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
 * The relay's framing of the extension messages it passes on unread: each comes out as exactly
 * its own bytes, whole or one byte at a time, and the pixel format switches where the server
 * switches it (at the answer to the client's SyncNext fence, when there is one).
 */
class ServerMessageFramerTest {
    private static final PixelFormat RGB565 = new PixelFormat(16, 16, false, true, 31, 63, 31, 11, 5, 0);

    private static List<byte[]> frameAll(ServerMessageFramer framer, RfbInput in) throws Exception {
        List<byte[]> out = new ArrayList<>();
        while (!in.atEnd()) {
            out.add(framer.next());
        }
        return out;
    }

    private static final byte[][] MESSAGES = {
        hex("96"),                                                       // EndOfContinuousUpdates
        hex("f8 000000 80000001 02 aa bb"),                              // Fence request, 2 bytes of data
        hex("fa 00 01 01"),                                              // XVP init
        hex("ff 01 0001"),                                               // QEMU audio begin
        hex("ff 01 0002 00000003 01 02 03"),                             // QEMU audio samples
        hex("ff 01 0000"),                                               // QEMU audio end
        hex("03 000000 fffffff4 1f000005 00a00000 00a00000"),            // extended clipboard caps
        hex("03 000000 00000002 68 69"),                                 // legacy cut text
        hex("00 00 0005"
                + " 0000 0000 0001 0001 fffffefb 04"                      // LED state: Caps Lock
                + " 0000 0000 0001 0001 574d5668 00000002"                // VMware LED state: Num Lock
                + " 0001 0000 0040 0030 fffffeff"                         // QEMU pointer: absolute
                + " 0000 0000 0040 0030 fffffefd"                         // QEMU audio acknowledged
                + " 0000 0000 0001 0001 fffffec6 00000000 11223380"),     // 1x1 cursor with alpha, Raw
    };

    @ParameterizedTest(name = "one byte at a time: {0}")
    @ValueSource(booleans = {false, true})
    void everyExtensionMessageIsFramedToItsExactBytes(boolean oneByteAtATime) throws Exception {
        RfbInput in = Wire.input(concat(MESSAGES), oneByteAtATime);
        ServerMessageFramer framer = new ServerMessageFramer(in, new ServerInit(64, 48, PixelFormat.TRUE_COLOUR_32, "t"));
        assertThat(frameAll(framer, in)).containsExactly(MESSAGES);
    }

    @ParameterizedTest(name = "one byte at a time: {0}")
    @ValueSource(booleans = {false, true})
    void aPixelFormatSentAfterASyncFenceAppliesFromTheServersAnswer(boolean oneByteAtATime) throws Exception {
        byte[] before = hex("00 00 0001 | 0000 0000 0001 0001 00000000 | 11 22 33 44");  // Raw 1x1, 32 bpp
        byte[] answer = hex("f8 000000 00000004 01 01");                                 // the fence's answer
        byte[] after = hex("00 00 0001 | 0000 0000 0001 0001 00000000 | 55 66");        // Raw 1x1, 16 bpp
        RfbInput in = Wire.input(concat(before, answer, after), oneByteAtATime);
        ServerMessageFramer framer = new ServerMessageFramer(in, new ServerInit(64, 48, PixelFormat.TRUE_COLOUR_32, "t"));
        framer.fenceRequested();
        framer.pixelFormatAtFenceAnswer(RGB565);
        assertThat(framer.next()).isEqualTo(before);
        assertThat(framer.lastFence()).isNull();
        assertThat(framer.next()).isEqualTo(answer);
        assertThat(framer.lastFence().isRequest()).isFalse();
        assertThat(framer.next()).isEqualTo(after);
        assertThat(in.atEnd()).isTrue();
    }

    @ParameterizedTest(name = "one byte at a time: {0}")
    @ValueSource(booleans = {false, true})
    void aCursorWithAlphaInAnotherEncodingCannotBeFramed(boolean oneByteAtATime) {
        byte[] wire = hex("00 00 0001 | 0000 0000 0001 0001 fffffec6 | 00000010");
        assertThat(Wire.rejectedBothWays(wire, in -> new ServerMessageFramer(in,
                new ServerInit(64, 48, PixelFormat.TRUE_COLOUR_32, "t")).next()))
                .isInstanceOf(RfbProtocolException.class)
                .hasMessage("upstream sent CursorWithAlpha rectangle 1x1 at (0,0) in ZRLE, which the gateway cannot frame");
    }

    @ParameterizedTest(name = "one byte at a time: {0}")
    @ValueSource(booleans = {false, true})
    void anExtendedClipboardBeyondTheLimitIsRejectedBeforeItIsSkipped(boolean oneByteAtATime) {
        byte[] wire = hex("03 000000 80000000");
        assertThat(Wire.rejectedBothWays(wire, in -> new ServerMessageFramer(in,
                new ServerInit(64, 48, PixelFormat.TRUE_COLOUR_32, "t")).next()))
                .hasMessage("ServerCutText extended clipboard length 2147483648 exceeds limit 16 MiB");
    }

    @Test
    void tooManyUnansweredFencesEndTheRelay() throws Exception {
        ServerMessageFramer framer = new ServerMessageFramer(RfbInput.of(new byte[0]),
                new ServerInit(64, 48, PixelFormat.TRUE_COLOUR_32, "t"));
        for (int i = 0; i < ServerMessageFramer.MAX_OUTSTANDING_FENCES; i++) {
            framer.fenceRequested();
        }
        assertThat(Wire.thrown(framer::fenceRequested)).isInstanceOf(RfbProtocolException.class)
                .hasMessage("more than 256 fence requests unanswered");
    }
}
