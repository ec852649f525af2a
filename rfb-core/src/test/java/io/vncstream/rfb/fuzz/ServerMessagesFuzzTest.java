package io.vncstream.rfb.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerMessageFramer;
import io.vncstream.rfb.client.ServerMessageReader;
import io.vncstream.rfb.decode.DecodeContext;
import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.handshake.ServerInit;
import io.vncstream.rfb.testing.FuzzContract;
import io.vncstream.rfb.testing.FuzzInput;
import org.junit.jupiter.api.Timeout;

/**
 * What a server sends after the handshake, read by the client (every decoder, the
 * pseudo-encodings, stream device notices and 255/2 capture messages) and framed by the
 * gateway's relay, over a 64x48 framebuffer in the pixel format the first byte picks.
 * Seeds: src/test/resources/io/vncstream/rfb/fuzz/ServerMessagesFuzzTestInputs.
 */
class ServerMessagesFuzzTest {
    private static final int WIDTH = 64;
    private static final int HEIGHT = 48;

    @Timeout(10)
    @FuzzTest(maxDuration = "11m")
    void clientReadsServerMessages(byte[] data) {
        FuzzInput input = FuzzInput.of(data);
        Framebuffer fb = new Framebuffer(WIDTH, HEIGHT);
        ServerMessageReader reader = new ServerMessageReader(input.in(), new DecodeContext(input.format()), fb,
                new RfbClientHandler() { });
        FuzzContract.untilEnd(reader::readMessage);
    }

    @Timeout(10)
    @FuzzTest(maxDuration = "11m")
    void relayFramesServerMessages(byte[] data) {
        FuzzInput input = FuzzInput.of(data);
        ServerMessageFramer framer = new ServerMessageFramer(input.in(), new ServerInit(WIDTH, HEIGHT, input.format(), "fuzz"));
        if ((input.selector() & 0x40) != 0) {
            // As after a viewer's SyncNext fence and SetPixelFormat: the format switches at the server's answer.
            FuzzContract.holds(() -> {
                framer.fenceRequested();
                framer.pixelFormatAtFenceAnswer(FuzzInput.FORMATS.get((input.selector() >> 3) & 7));
            });
        }
        FuzzContract.untilEnd(framer::next);
    }
}
