package io.vncstream.rfb.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerMessageReader;
import io.vncstream.rfb.decode.DecodeContext;
import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.pixel.PixelFormat;
import io.vncstream.rfb.testing.FuzzContract;
import io.vncstream.rfb.testing.FuzzInput;
import io.vncstream.rfb.testing.Wire;
import org.junit.jupiter.api.Timeout;

import java.util.zip.Deflater;

/**
 * Zlib, ZRLE and Tight rectangles whose zlib data this test compresses itself, so that the
 * fuzzer's bytes reach the tile and filter decoding behind the inflater (palette indexes, run
 * lengths, gradient prediction) instead of dying as corrupt zlib data. One FramebufferUpdate of
 * up to four rectangles, inside a 64x48 framebuffer, sharing the connection's zlib streams;
 * decoded as read and through the client's two-thread pipeline, which must agree.
 */
class InflatedRectsFuzzTest {
    private static final int WIDTH = 64;
    private static final int HEIGHT = 48;
    private static final int[] ENCODINGS = {Encodings.ZLIB, Encodings.ZRLE, Encodings.TIGHT};

    @Timeout(10)
    @FuzzTest(maxDuration = "15m")
    void decodersReadInflatedData(FuzzedDataProvider data) {
        PixelFormat format = FuzzInput.FORMATS.get(data.consumeInt(0, FuzzInput.FORMATS.size() - 1));
        int rects = data.consumeInt(1, 4);
        ByteArray update = new ByteArray(4096).u8(0).u8(0).u16(rects);
        Deflater[] tightStreams = {new Deflater(), new Deflater(), new Deflater(), new Deflater()};
        Deflater zrle = new Deflater();
        Deflater zlib = new Deflater();
        for (int i = 0; i < rects; i++) {
            int encoding = data.pickValue(ENCODINGS);
            int w = data.consumeInt(1, WIDTH);
            int h = data.consumeInt(1, HEIGHT);
            int x = data.consumeInt(0, WIDTH - w);
            int y = data.consumeInt(0, HEIGHT - h);
            update.u16(x).u16(y).u16(w).u16(h).s32(encoding);
            if (encoding == Encodings.TIGHT) {
                // Control byte, filter and palette in the clear, then the data the filter reads, compressed.
                byte[] header = data.consumeBytes(data.consumeInt(1, 800));
                int control = header.length == 0 ? 0 : header[0] & 0xFF;
                byte[] inflated = data.consumeBytes(data.consumeInt(0, 4 * WIDTH * HEIGHT));
                update.append(header);
                if (data.consumeBoolean()) {
                    update.append(inflated);
                } else {
                    byte[] compressed = Wire.syncFlush(tightStreams[(control >>> 4) & 3], inflated);
                    update.append(Wire.tightLength(compressed.length));
                    update.append(compressed);
                }
            } else {
                byte[] inflated = data.consumeBytes(data.consumeInt(0, 5 * WIDTH * HEIGHT));
                byte[] compressed = Wire.syncFlush(encoding == Encodings.ZRLE ? zrle : zlib, inflated);
                update.u32(compressed.length).append(compressed);
            }
        }
        for (Deflater d : tightStreams) {
            d.end();
        }
        zrle.end();
        zlib.end();
        byte[] wire = update.toByteArray();
        Framebuffer inPlace = new Framebuffer(WIDTH, HEIGHT);
        String inPlaceOutcome = decode(wire, format, inPlace, false);
        Framebuffer pipelined = new Framebuffer(WIDTH, HEIGHT);
        String pipelinedOutcome = decode(wire, format, pipelined, true);
        // Inflating on the reader and painting on another thread (DecodePipeline) changes nothing
        // a viewer sees: an error about the same rectangle, or the same picture.
        if (!pipelinedOutcome.equals(inPlaceOutcome)) {
            throw new AssertionError("in place: " + inPlaceOutcome + "; pipelined: " + pipelinedOutcome);
        }
        if (inPlaceOutcome.equals("ok") && !java.util.Arrays.equals(inPlace.pixels(), pipelined.pixels())) {
            throw new AssertionError("the pipeline painted another picture");
        }
    }

    private static String decode(byte[] wire, PixelFormat format, Framebuffer fb, boolean pipelined) {
        String[] outcome = {"ok"};
        if (pipelined) {
            System.setProperty("vncstream.decodeThreads", "2");
        }
        try {
            ServerMessageReader reader = new ServerMessageReader(RfbInput.of(wire), new DecodeContext(format), fb,
                    new RfbClientHandler() { });
            FuzzContract.untilEnd(() -> {
                try {
                    reader.readMessage();
                } catch (java.io.EOFException e) {
                    // The end of the input between messages is the end of the test; inside one,
                    // where it is met (the byte it names depends on how far ahead a path reads).
                    int inside = e.getMessage().indexOf(", in the middle of");
                    if (inside >= 0) {
                        outcome[0] = "end of data" + e.getMessage().substring(inside);
                    }
                    throw e;
                } catch (java.io.IOException e) {
                    // The rectangle the error names; its wording may differ: the pipeline inflates
                    // a rectangle whole and sees excess zlib data as such, where decoding in place
                    // sees the part of it that fits its window as bytes left over.
                    String m = String.valueOf(e.getMessage());
                    outcome[0] = e.getClass().getSimpleName() + " " + (m.contains(": ") ? m.substring(0, m.indexOf(": ")) : m);
                    throw e;
                }
            });
        } finally {
            System.clearProperty("vncstream.decodeThreads");
        }
        return outcome[0];
    }

}
