package io.vncstream.rfb.decode;

import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.framebuffer.FramebufferListener;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.pixel.ColourMap;
import io.vncstream.rfb.pixel.PixelFormat;
import io.vncstream.rfb.testing.Wire;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Drives a decoder as UpdateReader does: phase one ({@code readRect}) consumes a rectangle's
 * bytes from the connection while they are recorded, phase two ({@code decodeRect}) paints from
 * the recording. Every run is done twice, from an array and from a one-byte-at-a-time stream,
 * with a fresh decoder each time, and both must paint the same pixels.
 */
final class Paint {
    static final int RED = 0xFFFF0000;
    static final int GREEN = 0xFF00FF00;
    static final int BLUE = 0xFF0000FF;
    static final int WHITE = 0xFFFFFFFF;
    static final int BLACK = 0xFF000000;

    private Paint() {
    }

    record Rect(RectHeader header, byte[] bytes) {
    }

    static Rect rect(int x, int y, int w, int h, int encoding, byte[] bytes) {
        return new Rect(new RectHeader(x, y, w, h, encoding), bytes);
    }

    /** A scene: how to set it up, then which rectangles to decode into it. */
    static final class Scene {
        private final Supplier<Decoder> decoder;
        private PixelFormat format = PixelFormat.TRUE_COLOUR_32;
        private final ColourMap colourMap = new ColourMap();
        private int width = 4;
        private int height = 2;
        private Consumer<Framebuffer> before = fb -> { };

        Scene(Supplier<Decoder> decoder) {
            this.decoder = decoder;
        }

        Scene format(PixelFormat f) {
            this.format = f;
            return this;
        }

        Scene size(int w, int h) {
            this.width = w;
            this.height = h;
            return this;
        }

        Scene colour(int index, int r16, int g16, int b16) {
            colourMap.set(index, r16, g16, b16);
            return this;
        }

        Scene before(Consumer<Framebuffer> setup) {
            this.before = setup;
            return this;
        }

        /** Decodes the rectangles in order, both ways; returns the framebuffer's pixels. */
        int[] paint(Rect... rects) {
            return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                int[] fromArray = run(false, true, rects);
                int[] fromStream = run(true, true, rects);
                assertThat(fromStream).as("pixels painted from the one-byte-at-a-time stream").isEqualTo(fromArray);
                if (decoder.get().decodesFromStream()) {
                    assertThat(runLive(rects)).as("pixels decoded straight off the one-byte-at-a-time stream")
                            .isEqualTo(fromArray);
                }
                return fromArray;
            });
        }

        /** Decoding must fail, the same way both ways (EOF wording aside); returns the failure. */
        Throwable rejected(Rect... rects) {
            return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                Throwable fromArray = Wire.thrown(() -> run(false, false, rects));
                Throwable fromStream = Wire.thrown(() -> run(true, false, rects));
                assertThat(fromStream).isExactlyInstanceOf(fromArray.getClass());
                if (!(fromArray instanceof java.io.EOFException)) {
                    assertThat(fromStream).hasMessage(fromArray.getMessage());
                }
                return fromArray;
            });
        }

        /**
         * As the client decodes a decoder that {@link Decoder#decodesFromStream}: no phase one,
         * {@code decodeRect} straight off the connection, which must then be at the next rectangle.
         */
        private int[] runLive(Rect... rects) throws Exception {
            Framebuffer fb = new Framebuffer(width, height);
            before.accept(fb);
            DecodeContext ctx = new DecodeContext(format, colourMap);
            Decoder d = decoder.get();
            RfbInput in = Wire.input(allBytes(rects), true);
            long end = in.position();
            for (Rect r : rects) {
                d.decodeRect(r.header(), in, ctx, fb);
                end += r.bytes().length;
                assertThat(in.position()).as("bytes consumed up to the end of %s", r.header()).isEqualTo(end);
            }
            return fb.pixels().clone();
        }

        private static byte[] allBytes(Rect[] rects) {
            ByteArray all = new ByteArray();
            for (Rect r : rects) {
                all.append(r.bytes());
            }
            return all.toByteArray();
        }

        private int[] run(boolean oneByteAtATime, boolean strict, Rect... rects) throws Exception {
            Framebuffer fb = new Framebuffer(width, height);
            before.accept(fb);
            List<String> damage = new ArrayList<>();
            fb.addListener(new FramebufferListener() {
                @Override
                public void damaged(int x, int y, int w, int h) {
                    damage.add(w + "x" + h + "@" + x + "," + y);
                }

                @Override
                public void resized(int w, int h) {
                }
            });
            DecodeContext ctx = new DecodeContext(format, colourMap);
            Decoder d = decoder.get();
            RfbInput in = Wire.input(allBytes(rects), oneByteAtATime);
            List<String> expectedDamage = new ArrayList<>();
            for (Rect r : rects) {
                ByteArray recorded = new ByteArray();
                in.startRecording(recorded);
                try {
                    d.readRect(r.header(), in, ctx);
                } finally {
                    in.stopRecording();
                }
                if (strict) {
                    assertThat(recorded.toByteArray()).as("phase one consumes exactly the rectangle's bytes")
                            .isEqualTo(r.bytes());
                }
                d.decodeRect(r.header(), RfbInput.wrap(recorded.array(), recorded.size()), ctx, fb);
                RectHeader h = r.header();
                expectedDamage.add(h.width() + "x" + h.height() + "@" + h.x() + "," + h.y());
            }
            if (strict) {
                assertThat(damage).as("one damage report per rectangle, its own area").isEqualTo(expectedDamage);
            }
            return fb.pixels().clone();
        }
    }

    /** One connection's decoders behind one decoder that dispatches on the rectangle's encoding. */
    static Decoder allEncodings() {
        Decoders all = new Decoders();
        return new Decoder() {
            @Override
            public void readRect(RectHeader rect, RfbInput in, DecodeContext ctx) throws java.io.IOException {
                all.get(rect.encoding()).readRect(rect, in, ctx);
            }

            @Override
            public void decodeRect(RectHeader rect, RfbInput in, DecodeContext ctx, Framebuffer fb) throws java.io.IOException {
                all.get(rect.encoding()).decodeRect(rect, in, ctx, fb);
            }
        };
    }

    static Scene scene(Supplier<Decoder> decoder) {
        return new Scene(decoder);
    }

    /** width*height pixels all {@code argb}. */
    static int[] filled(int count, int argb) {
        int[] p = new int[count];
        java.util.Arrays.fill(p, argb);
        return p;
    }

    /** One zlib stream, as a server keeps it: each chunk ends with a sync flush. */
    static final class ZStream {
        private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);

        byte[] compress(byte[] data) {
            return Wire.syncFlush(deflater, data);
        }
    }

    /** A u32 length and the data: how Zlib and ZRLE carry compressed bytes. */
    static byte[] u32Prefixed(byte[] data) {
        return Wire.build(b -> b.u32(data.length).bytes(data));
    }

    /** Tight's compact length (1-3 bytes, 7 bits each, low first) and the data. */
    static byte[] compactPrefixed(byte[] data) {
        return Wire.concat(Wire.tightLength(data.length), data);
    }
}
