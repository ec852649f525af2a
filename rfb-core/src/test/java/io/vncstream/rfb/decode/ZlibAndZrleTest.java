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
import static io.vncstream.rfb.decode.Paint.u32Prefixed;
import static io.vncstream.rfb.testing.Wire.concat;
import static io.vncstream.rfb.testing.Wire.hex;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zlib and ZRLE. The uncompressed bytes are literal; they are compressed here with
 * java.util.zip.Deflater and SYNC_FLUSH, as servers do, one stream per connection.
 */
class ZlibAndZrleTest {

    @Nested
    class Zlib {
        @Test
        void twoRectanglesShareOneStream() {
            Paint.ZStream z = new Paint.ZStream();
            byte[] first = u32Prefixed(z.compress(hex("00 00 ff 00 | 00 ff 00 00")));
            byte[] second = u32Prefixed(z.compress(hex("ff 00 00 00 | ff ff ff 00")));
            int[] px = scene(ZlibDecoder::new).paint(
                    rect(0, 0, 2, 1, Encodings.ZLIB, first),
                    rect(2, 1, 2, 1, Encodings.ZLIB, second));
            assertThat(px).containsExactly(RED, GREEN, BLACK, BLACK, BLACK, BLACK, BLUE, WHITE);
        }

        @Test
        void theSecondRectangleCannotBeInflatedWithoutTheFirst() {
            Paint.ZStream z = new Paint.ZStream();
            z.compress(hex("00 00 ff 00 | 00 ff 00 00"));
            byte[] second = u32Prefixed(z.compress(hex("ff 00 00 00 | ff ff ff 00")));
            assertThat(scene(ZlibDecoder::new).rejected(rect(2, 1, 2, 1, Encodings.ZLIB, second)))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessageStartingWith("Zlib rectangle 2x1 at (2,1): corrupt zlib data");
        }

        @Test
        void sixteenBitPixels() {
            byte[] bytes = u32Prefixed(new Paint.ZStream().compress(hex("00 f8 e0 07 1f 00 ff ff")));
            int[] px = scene(ZlibDecoder::new).format(ClassicDecodersTest.RGB565_LE).paint(rect(0, 0, 4, 1, Encodings.ZLIB, bytes));
            assertThat(px).containsExactly(RED, GREEN, BLUE, WHITE, BLACK, BLACK, BLACK, BLACK);
        }

        @Test
        void tooLittleDataIsAProtocolError() {
            byte[] bytes = u32Prefixed(new Paint.ZStream().compress(hex("00 00 ff 00")));
            assertThat(scene(ZlibDecoder::new).rejected(rect(0, 0, 2, 1, Encodings.ZLIB, bytes)))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("Zlib rectangle 2x1 at (0,0): zlib data holds 4 bytes, the rectangle needs 8");
        }

        @Test
        void tooMuchDataIsAProtocolError() {
            byte[] bytes = u32Prefixed(new Paint.ZStream().compress(hex("00 00 ff 00 00 00 ff 00 00 00 ff 00")));
            assertThat(scene(ZlibDecoder::new).rejected(rect(0, 0, 2, 1, Encodings.ZLIB, bytes)))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("Zlib rectangle 2x1 at (0,0): zlib data inflates to more than 8 bytes");
        }

        @Test
        void oversizedCompressedLengthIsRejectedBeforeReadingIt() {
            assertThat(scene(ZlibDecoder::new).rejected(rect(0, 0, 2, 1, Encodings.ZLIB, hex("ff ff ff ff"))))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("Zlib rectangle 2x1 at (0,0): compressed length 4294967295 exceeds limit 4105 bytes");
        }

        @Test
        void lengthJustOverTheLimitOfWhatItsPixelsCanTake() {
            // 2x1 pixels of 4 bytes: 8 bytes, at most 4105 through zlib (an eighth more, and 4 KiB).
            assertThat(scene(ZlibDecoder::new).rejected(rect(0, 0, 2, 1, Encodings.ZLIB, hex("00 00 10 0a"))))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("Zlib rectangle 2x1 at (0,0): compressed length 4106 exceeds limit 4105 bytes");
        }
    }

    @Nested
    class Zrle {
        private byte[] zrle(String tileBytes) {
            return u32Prefixed(new Paint.ZStream().compress(hex(tileBytes)));
        }

        @Test
        void rawTileOfThreeByteCpixelsInBlueGreenRedOrder() {
            int[] px = scene(ZrleDecoder::new).paint(rect(1, 0, 2, 2, Encodings.ZRLE,
                    zrle("00 | 00 00 ff | 00 ff 00 | ff 00 00 | ff ff ff")));
            assertThat(px).containsExactly(BLACK, RED, GREEN, BLACK, BLACK, BLUE, WHITE, BLACK);
        }

        @Test
        void solidTile() {
            int[] px = scene(ZrleDecoder::new).paint(rect(0, 0, 4, 2, Encodings.ZRLE, zrle("01 | 00 80 ff")));
            assertThat(px).containsExactly(filled(8, 0xFFFF8000));
        }

        @Test
        void cpixelWithColoursInTheHighBytesOfABigEndianPixel() {
            PixelFormat highBytes = new PixelFormat(32, 24, true, true, 255, 255, 255, 24, 16, 8);
            int[] px = scene(ZrleDecoder::new).format(highBytes).paint(rect(0, 0, 4, 2, Encodings.ZRLE, zrle("01 | ff 80 00")));
            assertThat(px).containsExactly(filled(8, 0xFFFF8000));
        }

        @Test
        void depth32HasNoCompactPixel() {
            PixelFormat depth32 = new PixelFormat(32, 32, false, true, 255, 255, 255, 16, 8, 0);
            int[] px = scene(ZrleDecoder::new).format(depth32).paint(rect(0, 0, 4, 2, Encodings.ZRLE, zrle("01 | 00 80 ff 00")));
            assertThat(px).containsExactly(filled(8, 0xFFFF8000));
        }

        @Test
        void sixteenBitCpixelIsTheFullPixel() {
            int[] px = scene(ZrleDecoder::new).format(ClassicDecodersTest.RGB565_BE)
                    .paint(rect(0, 0, 4, 2, Encodings.ZRLE, zrle("01 | 07 e0")));
            assertThat(px).containsExactly(filled(8, GREEN));
        }

        @Test
        void packedPaletteOneBitPadsEachRowToAByte() {
            int[] px = scene(ZrleDecoder::new).paint(rect(0, 0, 3, 2, Encodings.ZRLE,
                    zrle("02 | 00 00 ff | ff 00 00 | a0 | 40")));
            assertThat(px).containsExactly(BLUE, RED, BLUE, BLACK, RED, BLUE, RED, BLACK);
        }

        @Test
        void packedPaletteTwoBits() {
            int[] px = scene(ZrleDecoder::new).paint(rect(0, 0, 4, 2, Encodings.ZRLE,
                    zrle("03 | 00 00 ff | 00 ff 00 | ff 00 00 | 18 | a5")));
            assertThat(px).containsExactly(RED, GREEN, BLUE, RED, BLUE, BLUE, GREEN, GREEN);
        }

        @Test
        void packedPaletteFourBits() {
            int[] px = scene(ZrleDecoder::new).paint(rect(0, 0, 4, 2, Encodings.ZRLE,
                    zrle("05 | 00 00 ff | 00 ff 00 | ff 00 00 | ff ff ff | 00 00 00 | 01 23 | 44 01")));
            assertThat(px).containsExactly(RED, GREEN, BLUE, WHITE, BLACK, BLACK, RED, GREEN);
        }

        @Test
        void compressedDataLongerThanTheInputBufferIsReadWhole() {
            // 256x256 of noise in raw tiles: about 197 KB of zlib, three times a stream input's
            // 64 KiB buffer; the rectangle's recording holds it whole.
            java.util.Random random = new java.util.Random(3);
            int side = 256;
            int[] expected = new int[side * side];
            java.io.ByteArrayOutputStream tiles = new java.io.ByteArrayOutputStream();
            for (int ty = 0; ty < side; ty += 64) {
                for (int tx = 0; tx < side; tx += 64) {
                    tiles.write(0);
                    for (int y = ty; y < ty + 64; y++) {
                        for (int x = tx; x < tx + 64; x++) {
                            int rgb = random.nextInt(1 << 24);
                            tiles.write(rgb & 0xFF);
                            tiles.write((rgb >>> 8) & 0xFF);
                            tiles.write(rgb >>> 16);
                            expected[y * side + x] = 0xFF000000 | rgb;
                        }
                    }
                }
            }
            byte[] data = u32Prefixed(new Paint.ZStream().compress(tiles.toByteArray()));
            assertThat(data.length).isGreaterThan(3 * 64 * 1024);
            int[] px = scene(ZrleDecoder::new).size(side, side).paint(rect(0, 0, side, side, Encodings.ZRLE, data));
            assertThat(px).containsExactly(expected);
        }

        @Test
        void packedIndexBeyondThePaletteShowsItsLastColour() {
            int[] px = scene(ZrleDecoder::new).paint(rect(0, 0, 4, 2, Encodings.ZRLE,
                    zrle("03 | 00 00 ff | 00 ff 00 | ff 00 00 | c6 | 1b")));
            assertThat(px).containsExactly(BLUE, RED, GREEN, BLUE, RED, GREEN, BLUE, BLUE);
        }

        @Test
        void packedPalettesOfEveryWidthInAFramebufferWiderThanTheTile() {
            // Tiles 1 to 11 wide (whole bytes and a rest for each index size) at x = 5 in a
            // 20-wide framebuffer: the rows land at their stride, the pixels beside them untouched.
            for (int colours : new int[]{2, 4, 16}) {
                int bits = ZrleDecoder.packedIndexBits(colours);
                for (int w = 1; w <= 11; w++) {
                    StringBuilder tile = new StringBuilder(String.format("%02x", colours));
                    int[] pal = new int[colours];
                    for (int i = 0; i < colours; i++) {
                        tile.append(String.format(" %02x %02x 00", i * 15, 255 - i * 15));
                        pal[i] = 0xFF000000 | ((255 - i * 15) << 8) | (i * 15);
                    }
                    int[] expected = filled(20 * 3, BLACK);
                    for (int y = 0; y < 2; y++) {
                        int acc = 0;
                        int used = 0;
                        for (int x = 0; x < w; x++) {
                            int index = (x * 7 + y * 3) % colours;
                            expected[(1 + y) * 20 + 5 + x] = pal[index];
                            acc = (acc << bits) | index;
                            used += bits;
                            if (used == 8) {
                                tile.append(String.format(" %02x", acc));
                                acc = 0;
                                used = 0;
                            }
                        }
                        if (used > 0) {
                            tile.append(String.format(" %02x", acc << (8 - used)));
                        }
                    }
                    int[] px = scene(ZrleDecoder::new).size(20, 3)
                            .paint(rect(5, 1, w, 2, Encodings.ZRLE, zrle(tile.toString())));
                    assertThat(px).as("%d colours, %d wide", colours, w).containsExactly(expected);
                }
            }
        }

        @Test
        void packedPaletteSixteenColours() {
            StringBuilder tile = new StringBuilder("10");
            for (int i = 0; i < 16; i++) {
                tile.append(String.format(" %02x 00 00", i * 16));
            }
            tile.append(" fe dc ba 98");
            int[] px = scene(ZrleDecoder::new).paint(rect(0, 0, 4, 2, Encodings.ZRLE, zrle(tile.toString())));
            assertThat(px).containsExactly(0xFF0000F0, 0xFF0000E0, 0xFF0000D0, 0xFF0000C0,
                    0xFF0000B0, 0xFF0000A0, 0xFF000090, 0xFF000080);
        }

        @Test
        void plainRle() {
            int[] px = scene(ZrleDecoder::new).paint(rect(0, 0, 4, 2, Encodings.ZRLE,
                    zrle("80 | 00 00 ff 02 | 00 ff 00 04")));
            assertThat(px).containsExactly(RED, RED, RED, GREEN, GREEN, GREEN, GREEN, GREEN);
        }

        @Test
        void plainRleWithRunsLongerThan256() {
            // 300 = 1 + 255 + 44, 100 = 1 + 99
            int[] px = scene(ZrleDecoder::new).size(20, 20).paint(rect(0, 0, 20, 20, Encodings.ZRLE,
                    zrle("80 | 00 00 ff ff 2c | ff 00 00 63")));
            int[] expected = filled(400, BLUE);
            java.util.Arrays.fill(expected, 0, 300, RED);
            assertThat(px).containsExactly(expected);
        }

        @Test
        void paletteRle() {
            int[] px = scene(ZrleDecoder::new).paint(rect(0, 0, 4, 2, Encodings.ZRLE,
                    zrle("82 | 00 00 ff | ff 00 00 | 80 02 | 01 | 81 03")));
            assertThat(px).containsExactly(RED, RED, RED, BLUE, BLUE, BLUE, BLUE, BLUE);
        }

        @Test
        void tilesAre64Wide() {
            int[] px = scene(ZrleDecoder::new).size(65, 1).paint(rect(0, 0, 65, 1, Encodings.ZRLE,
                    zrle("01 00 00 ff | 01 ff 00 00")));
            int[] expected = filled(65, RED);
            expected[64] = BLUE;
            assertThat(px).containsExactly(expected);
        }

        @Test
        void tilesAre64High() {
            int[] px = scene(ZrleDecoder::new).size(1, 65).paint(rect(0, 0, 1, 65, Encodings.ZRLE,
                    zrle("01 00 00 ff | 01 ff 00 00")));
            assertThat(px[63]).isEqualTo(RED);
            assertThat(px[64]).isEqualTo(BLUE);
        }

        @Test
        void twoRectanglesShareOneStream() {
            Paint.ZStream z = new Paint.ZStream();
            int[] px = scene(ZrleDecoder::new).paint(
                    rect(0, 0, 4, 1, Encodings.ZRLE, u32Prefixed(z.compress(hex("01 00 00 ff")))),
                    rect(0, 1, 4, 1, Encodings.ZRLE, u32Prefixed(z.compress(hex("01 00 ff 00")))));
            assertThat(px).containsExactly(RED, RED, RED, RED, GREEN, GREEN, GREEN, GREEN);
        }

        @Test
        void runOverflowingItsTileIsAProtocolError() {
            assertThat(scene(ZrleDecoder::new).rejected(rect(0, 0, 4, 2, Encodings.ZRLE, zrle("80 | 00 00 ff 08"))))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("ZRLE rectangle 4x2 at (0,0): run length 9 overflows its tile (8 pixels left)");
        }

        @Test
        void endlessRunBytesStopAtTheTile() {
            assertThat(scene(ZrleDecoder::new).rejected(rect(0, 0, 4, 2, Encodings.ZRLE,
                    zrle("82 | 00 00 ff | ff 00 00 | 80 ff ff ff ff"))))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("ZRLE rectangle 4x2 at (0,0): run length 256 overflows its tile (8 pixels left)");
        }

        /**
         * Two full 64x64 tiles of runs of every kind of length (one byte, 255 and 256 needing
         * continuation bytes, runs across rows), palette RLE then plain RLE: enough data that the
         * decoder parses runs straight off its buffer, and the tile's last runs near the data's end.
         */
        @Test
        void longRunsInFullTilesBothKindsOfRle() {
            int[] lengths = {1, 2, 255, 256, 300, 1, 1000, 17, 510, 511, 64, 3};
            int[] expected = new int[128 * 64];
            io.vncstream.rfb.io.ByteArray tiles = new io.vncstream.rfb.io.ByteArray();
            for (int t = 0; t < 2; t++) {
                int[] tile = new int[4096];
                if (t == 0) {
                    tiles.u8(128 + 2).bytes(hex("00 00 ff | ff 00 00")); // palette RLE: red, blue
                } else {
                    tiles.u8(128);
                }
                int i = 0;
                for (int k = 0; i < 4096; k++) {
                    int run = Math.min(lengths[k % lengths.length], 4096 - i);
                    int colour = k % 2 == 0 ? RED : BLUE;
                    if (t == 0) {
                        tiles.u8((k % 2) | (run > 1 ? 128 : 0));
                    } else {
                        tiles.bytes(colour == RED ? hex("00 00 ff") : hex("ff 00 00"));
                    }
                    if (t == 1 || run > 1) {
                        int left = run - 1;
                        for (; left >= 255; left -= 255) {
                            tiles.u8(255);
                        }
                        tiles.u8(left);
                    }
                    java.util.Arrays.fill(tile, i, i + run, colour);
                    i += run;
                }
                for (int y = 0; y < 64; y++) {
                    System.arraycopy(tile, y * 64, expected, y * 128 + t * 64, 64);
                }
            }
            byte[] bytes = u32Prefixed(new Paint.ZStream().compress(tiles.toByteArray()));
            int[] px = scene(ZrleDecoder::new).size(128, 64).paint(rect(0, 0, 128, 64, Encodings.ZRLE, bytes));
            assertThat(px).isEqualTo(expected);
        }

        @Test
        void leftoverTileDataIsAProtocolError() {
            assertThat(scene(ZrleDecoder::new).rejected(rect(0, 0, 4, 2, Encodings.ZRLE, zrle("01 | 00 00 ff | 00"))))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("ZRLE rectangle 4x2 at (0,0): 1 bytes of tile data left over");
        }

        @Test
        void tileDataEndingEarlyIsAProtocolError() {
            assertThat(scene(ZrleDecoder::new).rejected(rect(0, 0, 2, 2, Encodings.ZRLE, zrle("00 | 00 00 ff | 00 ff 00"))))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessageStartingWith("ZRLE rectangle 2x2 at (0,0): tile data ends early");
        }

        @Test
        void paletteIndexBeyondThePaletteIsAProtocolError() {
            assertThat(scene(ZrleDecoder::new).rejected(rect(0, 0, 4, 2, Encodings.ZRLE,
                    zrle("82 | 00 00 ff | ff 00 00 | 05"))))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("ZRLE rectangle 4x2 at (0,0): palette index 5 beyond a palette of 2");
        }

        @Test
        void packedPaletteOf17IsInvalid() {
            assertThat(scene(ZrleDecoder::new).rejected(rect(0, 0, 4, 2, Encodings.ZRLE, zrle("11"))))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("ZRLE rectangle 4x2 at (0,0): tile at (0,0) has an invalid subencoding 17");
        }

        @Test
        void subencoding129IsInvalid() {
            assertThat(scene(ZrleDecoder::new).rejected(rect(0, 0, 4, 2, Encodings.ZRLE, zrle("81"))))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("ZRLE rectangle 4x2 at (0,0): tile at (0,0) has an invalid subencoding 129");
        }

        @Test
        void oversizedCompressedLengthIsRejected() {
            assertThat(scene(ZrleDecoder::new).rejected(rect(0, 0, 4, 2, Encodings.ZRLE, hex("80 00 00 00"))))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("ZRLE rectangle 4x2 at (0,0): compressed length 2147483648 exceeds limit 4561 bytes");
        }

        @Test
        void aZlibBombIsCutOffAtWhatTheRectangleCouldNeed() {
            // One solid tile, then 10 MB of zeros: about 10 KB of zlib, within what 64x64 pixels may take.
            byte[] bomb = new Paint.ZStream().compress(concat(hex("01 00 00 ff"), new byte[10_000_000]));
            assertThat(scene(ZrleDecoder::new).size(64, 64).rejected(rect(0, 0, 64, 64, Encodings.ZRLE, u32Prefixed(bomb))))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("ZRLE rectangle 64x64 at (0,0): zlib data inflates to more than 4 bytes");
        }
    }
}
