package io.vncstream.rfb.decode;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.pixel.PixelFormat;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.vncstream.rfb.decode.Paint.BLACK;
import static io.vncstream.rfb.decode.Paint.BLUE;
import static io.vncstream.rfb.decode.Paint.GREEN;
import static io.vncstream.rfb.decode.Paint.RED;
import static io.vncstream.rfb.decode.Paint.WHITE;
import static io.vncstream.rfb.decode.Paint.filled;
import static io.vncstream.rfb.decode.Paint.rect;
import static io.vncstream.rfb.decode.Paint.scene;
import static io.vncstream.rfb.testing.Wire.hex;
import static org.assertj.core.api.Assertions.assertThat;

/** Raw, CopyRect, RRE and Hextile against literal bytes. */
class ClassicDecodersTest {
    static final PixelFormat RGB565_LE = new PixelFormat(16, 16, false, true, 31, 63, 31, 11, 5, 0);
    static final PixelFormat RGB565_BE = new PixelFormat(16, 16, true, true, 31, 63, 31, 11, 5, 0);
    static final PixelFormat COLOUR_MAP_8 = new PixelFormat(8, 8, false, false, 0, 0, 0, 0, 0, 0);
    /** r=16/31, g=32/63, b=16/31 scaled to 8 bits with rounding. */
    static final int MID_565 = 0xFF848284;

    @Nested
    class Raw {
        @Test
        void trueColour32LittleEndianIsBlueGreenRedPadding() {
            int[] px = scene(RawDecoder::new).paint(rect(1, 0, 2, 2, Encodings.RAW,
                    hex("00 00 ff 00 | 00 ff 00 00 | ff 00 00 00 | ff ff ff 00")));
            assertThat(px).containsExactly(
                    BLACK, RED, GREEN, BLACK,
                    BLACK, BLUE, WHITE, BLACK);
        }

        @Test
        void theUnusedByteIsIgnored() {
            int[] px = scene(RawDecoder::new).size(1, 1).paint(rect(0, 0, 1, 1, Encodings.RAW, hex("12 34 56 ff")));
            assertThat(px).containsExactly(0xFF563412);
        }

        @Test
        void rgb565LittleEndian() {
            int[] px = scene(RawDecoder::new).format(RGB565_LE).paint(rect(0, 0, 4, 1, Encodings.RAW,
                    hex("00 f8 | e0 07 | 1f 00 | 10 84")));
            assertThat(px).containsExactly(RED, GREEN, BLUE, MID_565, BLACK, BLACK, BLACK, BLACK);
        }

        @Test
        void rgb565BigEndian() {
            int[] px = scene(RawDecoder::new).format(RGB565_BE).paint(rect(0, 1, 4, 1, Encodings.RAW,
                    hex("f8 00 | 07 e0 | 00 1f | 84 10")));
            assertThat(px).containsExactly(BLACK, BLACK, BLACK, BLACK, RED, GREEN, BLUE, MID_565);
        }

        @Test
        void eightBitColourMap() {
            int[] px = scene(RawDecoder::new).format(COLOUR_MAP_8)
                    .colour(5, 0xffff, 0x8000, 0)
                    .colour(255, 0, 0, 0xffff)
                    .paint(rect(0, 0, 4, 2, Encodings.RAW, hex("05 00 ff 05 | ff ff 00 00")));
            assertThat(px).containsExactly(
                    0xFFFF8000, BLACK, BLUE, 0xFFFF8000,
                    BLUE, BLUE, BLACK, BLACK);
        }

        @Test
        void truncatedDataIsAnEof() {
            assertThat(scene(RawDecoder::new).rejected(rect(0, 0, 2, 2, Encodings.RAW, hex("00 00 ff 00 | 00 ff 00 00"))))
                    .isInstanceOf(java.io.EOFException.class);
        }

        @Test
        void emptyRectangleConsumesNothing() {
            int[] px = scene(RawDecoder::new).paint(rect(0, 0, 0, 0, Encodings.RAW, new byte[0]),
                    rect(0, 0, 1, 1, Encodings.RAW, hex("ff ff ff 00")));
            assertThat(px[0]).isEqualTo(WHITE);
        }
    }

    @Nested
    class CopyRect {
        /** Pixel i is 0xFF0000ii. */
        private final Paint.Scene numbered = scene(CopyRectDecoder::new).before(fb -> {
            for (int i = 0; i < fb.pixels().length; i++) {
                fb.pixels()[i] = 0xFF000000 | i;
            }
        });

        private int n(int i) {
            return 0xFF000000 | i;
        }

        @Test
        void copiesFromElsewhere() {
            int[] px = numbered.paint(rect(2, 1, 2, 1, Encodings.COPY_RECT, hex("00 00 | 00 00")));
            assertThat(px).containsExactly(n(0), n(1), n(2), n(3), n(4), n(5), n(0), n(1));
        }

        @Test
        void overlappingToTheRight() {
            int[] px = numbered.paint(rect(1, 0, 3, 1, Encodings.COPY_RECT, hex("00 00 | 00 00")));
            assertThat(px).containsExactly(n(0), n(0), n(1), n(2), n(4), n(5), n(6), n(7));
        }

        @Test
        void overlappingToTheLeft() {
            int[] px = numbered.paint(rect(0, 0, 3, 1, Encodings.COPY_RECT, hex("00 01 | 00 00")));
            assertThat(px).containsExactly(n(1), n(2), n(3), n(3), n(4), n(5), n(6), n(7));
        }

        @Test
        void overlappingDownwards() {
            int[] px = numbered.size(2, 3).paint(rect(0, 1, 2, 2, Encodings.COPY_RECT, hex("00 00 | 00 00")));
            assertThat(px).containsExactly(n(0), n(1), n(0), n(1), n(2), n(3));
        }

        @Test
        void overlappingUpwards() {
            int[] px = numbered.size(2, 3).paint(rect(0, 0, 2, 2, Encodings.COPY_RECT, hex("00 00 | 00 01")));
            assertThat(px).containsExactly(n(2), n(3), n(4), n(5), n(4), n(5));
        }

        @Test
        void seesWhatAnEarlierRectanglePainted() {
            int[] px = scene(Paint::allEncodings).paint(
                    rect(0, 0, 1, 1, Encodings.RAW, hex("00 00 ff 00")),
                    rect(3, 1, 1, 1, Encodings.COPY_RECT, hex("00 00 00 00")));
            assertThat(px).containsExactly(RED, BLACK, BLACK, BLACK, BLACK, BLACK, BLACK, RED);
        }

        @Test
        void sourceOutsideTheFramebufferIsAProtocolError() {
            assertThat(numbered.rejected(rect(0, 0, 2, 2, Encodings.COPY_RECT, hex("00 03 | 00 00"))))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("CopyRect rectangle 2x2 at (0,0): source (3,0) lies outside the 4x2 framebuffer");
        }

        @Test
        void sourceBelowTheFramebufferIsAProtocolError() {
            assertThat(numbered.rejected(rect(0, 0, 1, 1, Encodings.COPY_RECT, hex("00 00 | ff ff"))))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("CopyRect rectangle 1x1 at (0,0): source (0,65535) lies outside the 4x2 framebuffer");
        }

        @Test
        void mustBeDecodedInWireOrder() {
            assertThat(new CopyRectDecoder().ordered()).isTrue();
            assertThat(new RawDecoder().ordered()).isFalse();
        }
    }

    @Nested
    class Rre {
        @Test
        void backgroundAndSubrectangles() {
            int[] px = scene(RreDecoder::new).paint(rect(0, 0, 4, 2, Encodings.RRE, hex(
                    "00 00 00 02 | ff 00 00 00"
                            + "| 00 00 ff 00 | 00 00 00 00 00 01 00 01"
                            + "| 00 ff 00 00 | 00 02 00 01 00 02 00 01")));
            assertThat(px).containsExactly(
                    RED, BLUE, BLUE, BLUE,
                    BLUE, BLUE, GREEN, GREEN);
        }

        @Test
        void subrectanglesAreRelativeToTheRectangle() {
            int[] px = scene(RreDecoder::new).paint(rect(2, 1, 2, 1, Encodings.RRE, hex(
                    "00 00 00 01 | ff ff ff 00 | 00 00 ff 00 | 00 01 00 00 00 01 00 01")));
            assertThat(px).containsExactly(BLACK, BLACK, BLACK, BLACK, BLACK, BLACK, WHITE, RED);
        }

        @Test
        void sixteenBitPixels() {
            int[] px = scene(RreDecoder::new).format(RGB565_BE).paint(rect(0, 0, 4, 2, Encodings.RRE, hex(
                    "00 00 00 01 | 00 1f | f8 00 | 00 03 00 01 00 01 00 01")));
            assertThat(px).containsExactly(BLUE, BLUE, BLUE, BLUE, BLUE, BLUE, BLUE, RED);
        }

        @Test
        void subrectangleOutsideTheRectangleIsAProtocolError() {
            assertThat(scene(RreDecoder::new).rejected(rect(0, 0, 4, 2, Encodings.RRE, hex(
                    "00 00 00 01 | ff 00 00 00 | 00 00 ff 00 | 00 03 00 00 00 02 00 01"))))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("RRE rectangle 4x2 at (0,0): subrectangle 0 (2x1 at 3,0) lies outside the rectangle");
        }

        @Test
        void hugeSubrectangleCountIsRejectedBeforeReadingThem() {
            assertThat(scene(RreDecoder::new).rejected(rect(0, 0, 4, 2, Encodings.RRE, hex("ff ff ff ff | ff 00 00 00"))))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("RRE rectangle 4x2 at (0,0): subrectangle count 4294967295 exceeds limit 16 MiB");
        }
    }

    @Nested
    class Hextile {
        @Test
        void aRawTileLongerThanTheDataLeftEndsTheDataOnAnArrayInput() throws Exception {
            // Straight into decodeRect (as a recording would be handed in): the tile's 1,025
            // bytes are more than the whole input holds, which is the end of the data.
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new HextileDecoder().decodeRect(
                            new RectHeader(0, 0, 16, 16, Encodings.HEXTILE), io.vncstream.rfb.io.RfbInput.of(hex("01 00 00")),
                            new DecodeContext(PixelFormat.TRUE_COLOUR_32),
                            new io.vncstream.rfb.framebuffer.Framebuffer(16, 16)))
                    .isInstanceOf(java.io.EOFException.class);
        }

        @Test
        void rawTile() {
            int[] px = scene(HextileDecoder::new).paint(rect(1, 0, 2, 2, Encodings.HEXTILE,
                    hex("01 | 00 00 ff 00 | 00 ff 00 00 | ff 00 00 00 | ff ff ff 00")));
            assertThat(px).containsExactly(BLACK, RED, GREEN, BLACK, BLACK, BLUE, WHITE, BLACK);
        }

        @Test
        void backgroundAndForegroundCarryOverFromTileToTile() {
            // Three tiles: 16x2, 16x2, 4x2. Only the first names the colours.
            int[] px = scene(HextileDecoder::new).size(36, 2).paint(rect(0, 0, 36, 2, Encodings.HEXTILE, hex(
                    "0e | ff 00 00 00 | 00 00 ff 00 | 01 | 10 01"      // bg blue, fg red, 1x2 at (1,0)
                            + "| 00"                                 // all background
                            + "| 08 | 01 | 21 10")));                // fg subrect 2x1 at (2,1)
            int[] expected = filled(72, BLUE);
            expected[1] = RED;
            expected[36 + 1] = RED;
            expected[36 + 32 + 2] = RED;
            expected[36 + 32 + 3] = RED;
            assertThat(px).containsExactly(expected);
        }

        @Test
        void tilesRunLeftToRightThenTopToBottom() {
            // 18x17: tiles 16x16, 2x16, 16x1, 2x1; each a solid background.
            int[] px = scene(HextileDecoder::new).size(18, 17).paint(rect(0, 0, 18, 17, Encodings.HEXTILE, hex(
                    "02 00 00 ff 00 | 02 00 ff 00 00 | 02 ff 00 00 00 | 02 ff ff ff 00")));
            assertThat(px[0]).isEqualTo(RED);
            assertThat(px[15 * 18 + 15]).isEqualTo(RED);
            assertThat(px[16]).isEqualTo(GREEN);
            assertThat(px[15 * 18 + 17]).isEqualTo(GREEN);
            assertThat(px[16 * 18]).isEqualTo(BLUE);
            assertThat(px[16 * 18 + 15]).isEqualTo(BLUE);
            assertThat(px[16 * 18 + 16]).isEqualTo(WHITE);
            assertThat(px[16 * 18 + 17]).isEqualTo(WHITE);
        }

        @Test
        void colouredSubrectangles() {
            int[] px = scene(HextileDecoder::new).paint(rect(0, 0, 4, 2, Encodings.HEXTILE, hex(
                    "1a | ff ff ff 00 | 02 | 00 ff 00 00 00 11 | 00 00 ff 00 31 00")));
            assertThat(px).containsExactly(
                    GREEN, GREEN, WHITE, WHITE,
                    GREEN, GREEN, WHITE, RED);
        }

        @Test
        void colouredSubrectanglesDoNotChangeTheForeground() {
            int[] px = scene(HextileDecoder::new).size(20, 1).paint(rect(0, 0, 20, 1, Encodings.HEXTILE, hex(
                    "1e | ff ff ff 00 | 00 00 ff 00 | 01 | 00 ff 00 00 00 00"   // fg red, one green subrect
                            + "| 08 | 01 | 10 00")));                             // fg subrect: red
            assertThat(px[0]).isEqualTo(GREEN);
            assertThat(px[17]).isEqualTo(RED);
            assertThat(px[16]).isEqualTo(WHITE);
        }

        @Test
        void subrectangleOutsideItsTileIsAProtocolError() {
            assertThat(scene(HextileDecoder::new).rejected(rect(0, 0, 4, 2, Encodings.HEXTILE, hex(
                    "0a | ff 00 00 00 | 01 | 30 10"))))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("Hextile rectangle 4x2 at (0,0): tile at (0,0) has a subrectangle 2x1 at (3,0) outside its 4x2 area");
        }

        @Test
        void subrectangleBelowItsEdgeTileIsAProtocolError() {
            assertThat(scene(HextileDecoder::new).size(20, 2).rejected(rect(0, 0, 20, 2, Encodings.HEXTILE, hex(
                    "02 ff 00 00 00 | 0c | 00 00 ff 00 | 01 | 00 02"))))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("Hextile rectangle 20x2 at (0,0): tile at (16,0) has a subrectangle 1x3 at (0,0) outside its 4x2 area");
        }

        @Test
        void invalidSubencodingIsAProtocolError() {
            assertThat(scene(HextileDecoder::new).rejected(rect(0, 0, 4, 2, Encodings.HEXTILE, hex("20"))))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("Hextile rectangle 4x2 at (0,0): tile at (0,0) has an invalid subencoding 32");
        }
    }
}
