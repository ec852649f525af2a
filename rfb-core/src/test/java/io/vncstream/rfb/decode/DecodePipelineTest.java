package io.vncstream.rfb.decode;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.pixel.PixelFormat;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.vncstream.rfb.decode.Paint.u32Prefixed;
import static io.vncstream.rfb.testing.Wire.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Inflating on one thread and painting on another must paint exactly what one thread decoding
 * in wire order paints: random runs of overlapping ZRLE and Tight rectangles (fill, copy and
 * two-colour palette data, continuing their zlib streams: ZRLE's one, two of Tight's four, with
 * a reset) between Raw and Hextile rectangles and CopyRects that read what earlier ones
 * painted, which are decoded in place once the painter is done; compared pixel for pixel. A
 * broken rectangle fails with the message the sequential path gives.
 */
class DecodePipelineTest {
    private static final int W = 96;
    private static final int H = 64;
    private static final DecodeContext CTX = new DecodeContext(PixelFormat.TRUE_COLOUR_32);

    private record Wire(RectHeader rect, byte[] bytes) {
    }

    @RepeatedTest(20)
    void thePipelinePaintsWhatOneThreadPaints(org.junit.jupiter.api.RepetitionInfo info) throws Exception {
        Random r = new Random(info.getCurrentRepetition());
        List<Wire> rects = new ArrayList<>();
        Paint.ZStream zrle = new Paint.ZStream();
        Paint.ZStream[] tight = {new Paint.ZStream(), new Paint.ZStream(), new Paint.ZStream()};
        for (int i = 0; i < 120; i++) {
            int w = 1 + r.nextInt(40);
            int h = 1 + r.nextInt(30);
            int x = r.nextInt(W - w + 1);
            int y = r.nextInt(H - h + 1);
            int colour = r.nextInt(0x1000000);
            switch (r.nextInt(9)) {
                case 0 -> rects.add(new Wire(new RectHeader(x, y, w, h, Encodings.RAW), raw(w * h, r)));
                case 1 -> {
                    int sx = r.nextInt(W - w + 1);
                    int sy = r.nextInt(H - h + 1);
                    rects.add(new Wire(new RectHeader(x, y, w, h, Encodings.COPY_RECT),
                            new ByteArray().u16(sx).u16(sy).toByteArray()));
                }
                case 2 -> rects.add(new Wire(new RectHeader(x, y, w, h, Encodings.HEXTILE), hextile(w, h, r)));
                case 3 -> rects.add(new Wire(new RectHeader(x, y, w, h, Encodings.TIGHT),
                        new byte[]{(byte) 0x80, (byte) (colour >> 16), (byte) (colour >> 8), (byte) colour}));
                case 4 -> rects.add(new Wire(new RectHeader(x, y, w, h, Encodings.ZRLE),
                        u32Prefixed(zrle.compress(zrleSolidTiles(w, h, colour)))));
                case 5, 6 -> {
                    // Tight basic, two-colour palette, on stream 2.
                    int rowBytes = (w + 7) / 8;
                    byte[] bits = new byte[rowBytes * h];
                    r.nextBytes(bits);
                    byte[] body = bits.length < 12 ? bits : Paint.compactPrefixed(tight[2].compress(bits));
                    byte[] head = {(byte) (0x60), 1, 1, (byte) (colour >> 16), (byte) (colour >> 8), (byte) colour,
                            (byte) ~(colour >> 16), (byte) ~(colour >> 8), (byte) ~colour};
                    rects.add(new Wire(new RectHeader(x, y, w, h, Encodings.TIGHT),
                            io.vncstream.rfb.testing.Wire.concat(head, body)));
                }
                default -> {
                    // Tight basic, copy filter, on stream 0 or 1 (stream 1 sometimes reset first).
                    int s = r.nextInt(2);
                    boolean reset = s == 1 && r.nextInt(4) == 0;
                    if (reset) {
                        tight[1] = new Paint.ZStream();
                    }
                    byte[] data = tightRgb(w * h, r);
                    byte[] body = data.length < 12 ? data : Paint.compactPrefixed(tight[s].compress(data));
                    int control = (s << 4) | (reset ? 0x02 : 0);
                    rects.add(new Wire(new RectHeader(x, y, w, h, Encodings.TIGHT),
                            io.vncstream.rfb.testing.Wire.concat(new byte[]{(byte) control}, body)));
                }
            }
        }
        int[] sequential = paint(rects, false);
        int[] pipelined = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> paint(rects, true));
        assertThat(pipelined).isEqualTo(sequential);
    }

    @Test
    void aRectangleThatFailsOnThePainterFailsTheUpdateWithTheSequentialMessage() throws Exception {
        // Enough good ZRLE rectangles to start the painter, then one with an invalid subencoding.
        Paint.ZStream zrle = new Paint.ZStream();
        List<Wire> rects = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rects.add(new Wire(new RectHeader(i * 16, 0, 16, 16, Encodings.ZRLE),
                    u32Prefixed(zrle.compress(zrleSolidTiles(16, 16, 0x102030)))));
        }
        rects.add(new Wire(new RectHeader(0, 32, 16, 16, Encodings.ZRLE), u32Prefixed(zrle.compress(hex("11")))));
        assertSameFailure(rects, "ZRLE rectangle 16x16 at (0,32): tile at (0,0) has an invalid subencoding 17");
    }

    @Test
    void tileDataLeftOverFailsAsItDoesInPlace() throws Exception {
        Paint.ZStream zrle = new Paint.ZStream();
        byte[] tiles = io.vncstream.rfb.testing.Wire.concat(zrleSolidTiles(8, 8, 0x405060), hex("00 00"));
        List<Wire> rects = List.of(new Wire(new RectHeader(0, 0, 8, 8, Encodings.ZRLE), u32Prefixed(zrle.compress(tiles))));
        assertSameFailure(rects, "ZRLE rectangle 8x8 at (0,0): 2 bytes of tile data left over");
    }

    /** A 4x4 copy-filter rectangle needs 48 bytes: zlib data holding fewer, or more. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "20 | zlib data holds 20 bytes, the filter needs 48",
            "60 | zlib data inflates to more than 48 bytes"})
    void tightDataOtherThanItsFilterNeedsFailsAsItDoesInPlace(int bytes, String error) {
        byte[] body = Paint.compactPrefixed(new Paint.ZStream().compress(new byte[bytes]));
        List<Wire> rects = List.of(new Wire(new RectHeader(0, 0, 4, 4, Encodings.TIGHT),
                io.vncstream.rfb.testing.Wire.concat(new byte[]{0}, body)));
        assertSameFailure(rects, "Tight rectangle 4x4 at (0,0): " + error);
    }

    /**
     * The reader may meet a broken rectangle after one the painter has yet to fail on; the
     * update fails with the first one's error, as it does decoded in place.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"1", "2"})
    void anUpdateFailsWithItsFirstBrokenRectangle(String threads) throws Exception {
        Paint.ZStream zrle = new Paint.ZStream();
        ByteArray update = new ByteArray().u8(0).u8(0).u16(4);
        update.u16(0).u16(0).u16(16).u16(16).s32(Encodings.ZRLE).bytes(u32Prefixed(zrle.compress(hex("11"))));
        for (int i = 1; i < 3; i++) {
            update.u16(i * 16).u16(0).u16(16).u16(16).s32(Encodings.ZRLE)
                    .bytes(u32Prefixed(zrle.compress(zrleSolidTiles(16, 16, 0x102030))));
        }
        byte[] notZlib = new byte[12];
        java.util.Arrays.fill(notZlib, (byte) 0xFF);
        update.u16(0).u16(32).u16(16).u16(16).s32(Encodings.ZRLE).bytes(u32Prefixed(notZlib));
        System.setProperty("vncstream.decodeThreads", threads);
        try {
            io.vncstream.rfb.client.ServerMessageReader reader = new io.vncstream.rfb.client.ServerMessageReader(
                    RfbInput.of(update.toByteArray()), CTX, new Framebuffer(W, H), new io.vncstream.rfb.client.RfbClientHandler() { });
            assertThat(io.vncstream.rfb.testing.Wire.thrown(reader::readMessage)).isInstanceOf(RfbProtocolException.class)
                    .hasMessage("ZRLE rectangle 16x16 at (0,0): tile at (0,0) has an invalid subencoding 17");
        } finally {
            System.clearProperty("vncstream.decodeThreads");
        }
    }

    @Test
    void compressedDataCutShortEndsAsTheInputsEndsNotAsCorruptZlib() {
        // The compact length promises 40 bytes; 10 arrive, and they are no zlib data: decoding in
        // place meets the end first, and so must the pipeline (the fuzzer found it inflating them).
        byte[] garbage = new byte[10];
        java.util.Arrays.fill(garbage, (byte) 0xAC);
        List<Wire> rects = List.of(new Wire(new RectHeader(0, 0, 4, 4, Encodings.TIGHT),
                io.vncstream.rfb.testing.Wire.concat(new byte[]{0}, io.vncstream.rfb.testing.Wire.tightLength(40), garbage)));
        assertThat(io.vncstream.rfb.testing.Wire.thrown(() -> paint(rects, false))).isInstanceOf(java.io.EOFException.class);
        assertThat(io.vncstream.rfb.testing.Wire.thrown(() -> paint(rects, true))).isInstanceOf(java.io.EOFException.class);
    }

    private static void assertSameFailure(List<Wire> rects, String message) {
        Throwable inPlace = io.vncstream.rfb.testing.Wire.thrown(() -> paint(rects, false));
        Throwable pipelined = io.vncstream.rfb.testing.Wire.thrown(() -> paint(rects, true));
        assertThat(inPlace).isInstanceOf(RfbProtocolException.class).hasMessage(message);
        assertThat(pipelined).isInstanceOf(RfbProtocolException.class).hasMessage(message);
    }

    /**
     * Every rectangle decoded in place (phase one recorded, then phase two), or as UpdateReader
     * runs the pipeline: ZRLE and Tight read ahead and queued, the others decoded in place
     * once the queue is painted.
     */
    private static int[] paint(List<Wire> rects, boolean pipelined) throws Exception {
        Framebuffer fb = new Framebuffer(W, H);
        Decoders decoders = new Decoders();
        DecodePipeline pipeline = new DecodePipeline(CTX, fb);
        for (Wire w : rects) {
            Decoder d = decoders.get(w.rect.encoding());
            RfbInput in = RfbInput.of(w.bytes);
            if (pipelined && d.paintsAhead(w.rect, CTX)) {
                ByteArray bytes = pipeline.buffer();
                d.readAhead(w.rect, in, CTX, bytes);
                assertThat(in.atEnd()).isTrue();
                pipeline.submit(w.rect, bytes);
                continue;
            }
            if (pipelined) {
                pipeline.drain();
            }
            ByteArray recorded = new ByteArray();
            in.startRecording(recorded);
            d.readRect(w.rect, in, CTX);
            in.stopRecording();
            assertThat(in.atEnd()).isTrue();
            d.decodeRect(w.rect, RfbInput.wrap(recorded.array(), recorded.size()), CTX, fb);
        }
        if (pipelined) {
            pipeline.drain();
        }
        return fb.pixels().clone();
    }

    private static byte[] raw(int pixels, Random r) {
        byte[] b = new byte[pixels * 4];
        r.nextBytes(b);
        return b;
    }

    private static byte[] tightRgb(int pixels, Random r) {
        byte[] b = new byte[pixels * 3];
        r.nextBytes(b);
        return b;
    }

    /** Hextile tiles: a background and one foreground subrectangle each, or raw. */
    private static byte[] hextile(int w, int h, Random r) {
        ByteArray b = new ByteArray();
        for (int ty = 0; ty < h; ty += 16) {
            int th = Math.min(16, h - ty);
            for (int tx = 0; tx < w; tx += 16) {
                int tw = Math.min(16, w - tx);
                if (r.nextBoolean()) {
                    b.u8(1).bytes(raw(tw * th, r));
                } else {
                    b.u8(2 | 4 | 8).bytes(raw(1, r)).bytes(raw(1, r)).u8(1).u8(0).u8(((tw - 1) << 4) | (th - 1));
                }
            }
        }
        return b.toByteArray();
    }

    /** ZRLE: every 64x64 tile solid in one CPIXEL (blue, green, red). */
    private static byte[] zrleSolidTiles(int w, int h, int colour) {
        ByteArray b = new ByteArray();
        for (int ty = 0; ty < h; ty += 64) {
            for (int tx = 0; tx < w; tx += 64) {
                b.u8(1).u8(colour & 0xFF).u8((colour >> 8) & 0xFF).u8((colour >> 16) & 0xFF);
            }
        }
        return b.toByteArray();
    }
}
