package io.vncstream.rfb.encode;

import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerMessageReader;
import io.vncstream.rfb.decode.DecodeContext;
import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.pixel.PixelFormat;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ZrleEncoder's output read back by the client's ZRLE decoder: every tile type the encoder picks
 * (solid, packed palette, palette RLE, plain RLE, raw) must paint the pixels it was given.
 */
class ZrleEncoderTest {
    private static final int W = 150;
    private static final int H = 70;

    @Test
    void solidFrame() {
        int[] frame = new int[W * H];
        java.util.Arrays.fill(frame, 0xFF123456);
        assertThat(roundTrip(frame)).containsExactly(frame);
    }

    @Test
    void fewColoursInShortRunsArePackedPalettes() {
        int[] colours = {0xFFFF0000, 0xFF00FF00, 0xFF0000FF, 0xFFFFFFFF, 0xFF000000};
        int[] frame = new int[W * H];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = colours[(i * 7 + i / W) % colours.length];
        }
        assertThat(roundTrip(frame)).containsExactly(frame);
    }

    @Test
    void twoColoursArePackedOneBitPerPixelWithRowsPadded() {
        int[] frame = new int[W * H];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (i % W + i / W) % 2 == 0 ? 0xFFFFFFFF : 0xFF000000;
        }
        assertThat(roundTrip(frame)).containsExactly(frame);
    }

    @Test
    void twentyColoursInRunsArePaletteRle() {
        int[] frame = new int[W * H];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = 0xFF000000 | (i / 20 % 20) * 0x0A0B0C;
        }
        assertThat(roundTrip(frame)).containsExactly(frame);
    }

    @Test
    void longRunsArePlainRle() {
        int[] frame = new int[W * H];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = 0xFF000000 | (i / 300) * 0x010203;
        }
        assertThat(roundTrip(frame)).containsExactly(frame);
    }

    @Test
    void noisyFrameIsRaw() {
        Random random = new Random(42);
        int[] frame = new int[W * H];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = 0xFF000000 | random.nextInt(0x1000000);
        }
        assertThat(roundTrip(frame)).containsExactly(frame);
    }

    @Test
    void aFewHundredColoursInRunsMixTileTypes() {
        Random random = new Random(7);
        int[] frame = new int[W * H];
        int colour = 0xFF000000;
        for (int i = 0; i < frame.length; i++) {
            if (random.nextInt(6) == 0) {
                colour = 0xFF000000 | random.nextInt(300) * 0x1F1F;
            }
            frame[i] = colour;
        }
        assertThat(roundTrip(frame)).containsExactly(frame);
    }

    /** Encodes the frame as two ZRLE rectangles through one encoder (one zlib stream) and decodes them. */
    private static int[] roundTrip(int[] frame) {
        PixelFormat format = PixelFormat.TRUE_COLOUR_32;
        ZrleEncoder encoder = new ZrleEncoder();
        PixelPacker packer = new PixelPacker(format);
        ByteArray update = new ByteArray().u8(0).u8(0).u16(2);
        encoder.writeRect(update, 0, 0, W, 40, frame, W, packer);
        encoder.writeRect(update, 0, 40, W, H - 40, frame, W, packer);
        Framebuffer fb = new Framebuffer(W, H);
        ServerMessageReader reader = new ServerMessageReader(RfbInput.of(update.toByteArray()),
                new DecodeContext(format), fb, new RfbClientHandler() { });
        try {
            reader.readMessage();
        } catch (java.io.IOException e) {
            throw new AssertionError("the decoder rejected the encoder's output: " + e.getMessage(), e);
        }
        return fb.pixels().clone();
    }
}
