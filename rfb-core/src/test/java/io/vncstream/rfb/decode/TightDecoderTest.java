package io.vncstream.rfb.decode;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.pixel.PixelFormat;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;

import static io.vncstream.rfb.decode.Paint.BLACK;
import static io.vncstream.rfb.decode.Paint.BLUE;
import static io.vncstream.rfb.decode.Paint.GREEN;
import static io.vncstream.rfb.decode.Paint.RED;
import static io.vncstream.rfb.decode.Paint.WHITE;
import static io.vncstream.rfb.decode.Paint.compactPrefixed;
import static io.vncstream.rfb.decode.Paint.filled;
import static io.vncstream.rfb.decode.Paint.rect;
import static io.vncstream.rfb.decode.Paint.scene;
import static io.vncstream.rfb.testing.Wire.concat;
import static io.vncstream.rfb.testing.Wire.hex;
import static io.vncstream.rfb.testing.Wire.tightLength;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tight. With the 32-bit true-colour format a TPIXEL is three bytes, always red, green, blue
 * (ZRLE's CPIXEL is the pixel's own bytes: blue, green, red for the same format).
 */
class TightDecoderTest {

    private static Paint.Scene tight() {
        return scene(TightDecoder::new);
    }

    @Nested
    class Fill {
        @Test
        void tpixelIsRedGreenBlue() {
            assertThat(tight().paint(rect(0, 0, 4, 2, Encodings.TIGHT, hex("80 | ff 80 00"))))
                    .containsExactly(filled(8, 0xFFFF8000));
        }

        @Test
        void theSameThreeBytesAreAnotherColourInZrle() {
            int[] zrle = scene(ZrleDecoder::new).paint(rect(0, 0, 4, 2, Encodings.ZRLE,
                    Paint.u32Prefixed(new Paint.ZStream().compress(hex("01 | ff 80 00")))));
            assertThat(zrle).containsExactly(filled(8, 0xFF0080FF));
        }

        @Test
        void tpixelOrderDoesNotDependOnTheShifts() {
            PixelFormat bgr = new PixelFormat(32, 24, true, true, 255, 255, 255, 0, 8, 16);
            assertThat(tight().format(bgr).paint(rect(0, 0, 4, 2, Encodings.TIGHT, hex("80 | ff 80 00"))))
                    .containsExactly(filled(8, 0xFFFF8000));
        }

        @Test
        void sixteenBitTpixelIsTheFullPixel() {
            assertThat(tight().format(ClassicDecodersTest.RGB565_LE).paint(rect(0, 0, 4, 2, Encodings.TIGHT, hex("80 | 1f 00"))))
                    .containsExactly(filled(8, BLUE));
        }

        @Test
        void fillOnlyItsRectangle() {
            assertThat(tight().paint(rect(1, 1, 2, 1, Encodings.TIGHT, hex("80 | ff ff ff"))))
                    .containsExactly(BLACK, BLACK, BLACK, BLACK, BLACK, WHITE, WHITE, BLACK);
        }
    }

    @Nested
    class CopyFilter {
        @Test
        void lessThan12BytesAreSentUncompressed() {
            assertThat(tight().paint(rect(0, 0, 3, 1, Encodings.TIGHT, hex("00 | ff 00 00 | 00 ff 00 | 00 00 ff"))))
                    .containsExactly(RED, GREEN, BLUE, BLACK, BLACK, BLACK, BLACK, BLACK);
        }

        @Test
        void explicitCopyFilter() {
            assertThat(tight().paint(rect(2, 1, 2, 1, Encodings.TIGHT, hex("40 00 | ff ff ff | ff 00 00"))))
                    .containsExactly(BLACK, BLACK, BLACK, BLACK, BLACK, BLACK, WHITE, RED);
        }

        @Test
        void twelveBytesAndMoreAreCompressed() {
            byte[] data = new Paint.ZStream().compress(hex("ff 00 00 | 00 ff 00 | 00 00 ff | ff ff ff"));
            assertThat(tight().paint(rect(0, 0, 2, 2, Encodings.TIGHT, concat(hex("00"), compactPrefixed(data)))))
                    .containsExactly(RED, GREEN, BLACK, BLACK, BLUE, WHITE, BLACK, BLACK);
        }

        @Test
        void eachOfTheFourStreamsKeepsItsOwnState() {
            Paint.ZStream s1 = new Paint.ZStream();
            Paint.ZStream s3 = new Paint.ZStream();
            byte[] a = s1.compress(hex("ff 00 00 ff 00 00 ff 00 00 ff 00 00"));
            byte[] b = s3.compress(hex("00 ff 00 00 ff 00 00 ff 00 00 ff 00"));
            byte[] c = s1.compress(hex("00 00 ff 00 00 ff 00 00 ff 00 00 ff"));
            int[] px = tight().size(4, 3).paint(
                    rect(0, 0, 4, 1, Encodings.TIGHT, concat(hex("10"), compactPrefixed(a))),
                    rect(0, 1, 4, 1, Encodings.TIGHT, concat(hex("70 00"), compactPrefixed(b))),
                    rect(0, 2, 4, 1, Encodings.TIGHT, concat(hex("10"), compactPrefixed(c))));
            assertThat(px).containsExactly(RED, RED, RED, RED, GREEN, GREEN, GREEN, GREEN, BLUE, BLUE, BLUE, BLUE);
        }

        @Test
        void sixteenBitCopyIsFullPixels() {
            assertThat(tight().format(ClassicDecodersTest.RGB565_BE).paint(rect(0, 0, 4, 1, Encodings.TIGHT,
                    hex("00 | f8 00 07 e0 00 1f ff ff"))))
                    .containsExactly(RED, GREEN, BLUE, WHITE, BLACK, BLACK, BLACK, BLACK);
        }

        @Test
        void tooLittleCompressedDataIsAProtocolError() {
            byte[] data = new Paint.ZStream().compress(hex("ff 00 00 | 00 ff 00 | 00 00 ff"));
            assertThat(tight().rejected(rect(0, 0, 2, 2, Encodings.TIGHT, concat(hex("00"), compactPrefixed(data)))))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("Tight rectangle 2x2 at (0,0): zlib data holds 9 bytes, the filter needs 12");
        }
    }

    @Nested
    class StreamResets {
        /** 4x1 rows of one colour as Tight's 24-bit TPIXELs, before compression. */
        private final byte[] redRow = hex("ff 00 00 ff 00 00 ff 00 00 ff 00 00");
        private final byte[] greenRow = hex("00 ff 00 00 ff 00 00 ff 00 00 ff 00");
        private final byte[] blueRow = hex("00 00 ff 00 00 ff 00 00 ff 00 00 ff");

        /** A 4x1 basic-compression rectangle at row y: the control byte (stream, reset bits), then the data. */
        private Paint.Rect row(int y, String control, byte[] compressed) {
            return rect(0, y, 4, 1, Encodings.TIGHT, concat(hex(control), compactPrefixed(compressed)));
        }

        @Test
        void aResetBitStartsTheStreamAfresh() {
            byte[] first = new Paint.ZStream().compress(redRow);
            byte[] second = new Paint.ZStream().compress(blueRow);
            int[] px = tight().paint(
                    row(0, "00", first),
                    row(1, "01", second));
            assertThat(px).containsExactly(RED, RED, RED, RED, BLUE, BLUE, BLUE, BLUE);
        }

        @Test
        void withoutTheResetBitANewZlibStreamIsCorrupt() {
            byte[] first = new Paint.ZStream().compress(redRow);
            byte[] second = new Paint.ZStream().compress(blueRow);
            assertThat(tight().rejected(
                    row(0, "00", first),
                    row(1, "00", second)))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessageStartingWith("Tight rectangle 4x1 at (0,1): corrupt zlib data");
        }

        @Test
        void resetBitsApplyToTheirOwnStreamOnly() {
            Paint.ZStream s0 = new Paint.ZStream();
            byte[] a = s0.compress(redRow);
            byte[] b = s0.compress(greenRow);
            // resets streams 1, 2 and 3 (0x0e) while continuing stream 0
            int[] px = tight().paint(
                    row(0, "00", a),
                    row(1, "0e", b));
            assertThat(px).containsExactly(RED, RED, RED, RED, GREEN, GREEN, GREEN, GREEN);
        }

        @Test
        void aFillMayCarryResetBits() {
            byte[] fresh = new Paint.ZStream().compress(blueRow);
            Paint.ZStream s0 = new Paint.ZStream();
            int[] px = tight().paint(
                    row(0, "00", s0.compress(redRow)),
                    rect(0, 1, 4, 1, Encodings.TIGHT, hex("81 | 00 ff 00")),
                    row(1, "00", fresh));
            assertThat(px).containsExactly(RED, RED, RED, RED, BLUE, BLUE, BLUE, BLUE);
        }
    }

    @Nested
    class PaletteFilter {
        @Test
        void twoColoursAreOneBitPerPixelRowsPadded() {
            // 10x2: two bytes per row; row 0 = 1010101011, row 1 = 0000000001
            int[] px = tight().size(10, 2).paint(rect(0, 0, 10, 2, Encodings.TIGHT,
                    hex("40 01 | 01 | ff 00 00 | 00 00 ff | aa c0 | 00 40")));
            assertThat(px).containsExactly(
                    BLUE, RED, BLUE, RED, BLUE, RED, BLUE, RED, BLUE, BLUE,
                    RED, RED, RED, RED, RED, RED, RED, RED, RED, BLUE);
        }

        @Test
        void moreThanTwoColoursAreOneBytePerPixel() {
            int[] px = tight().paint(rect(0, 0, 4, 2, Encodings.TIGHT,
                    hex("40 01 | 02 | ff 00 00 | 00 ff 00 | 00 00 ff | 00 01 02 00 02 02 01 01")));
            assertThat(px).containsExactly(RED, GREEN, BLUE, RED, BLUE, BLUE, GREEN, GREEN);
        }

        @Test
        void anIndexBeyondThePaletteShowsItsLastColour() {
            int[] px = tight().paint(rect(0, 0, 4, 2, Encodings.TIGHT,
                    hex("40 01 | 02 | ff 00 00 | 00 ff 00 | 00 00 ff | 00 05 02 00 ff 02 01 01")));
            assertThat(px).containsExactly(RED, BLUE, BLUE, RED, BLUE, BLUE, GREEN, GREEN);
        }

        @Test
        void twoColourRowsOfEveryWidthInAWiderFramebuffer() {
            for (int w = 1; w <= 19; w++) {
                StringBuilder data = new StringBuilder();
                int[] expected = filled(24 * 3, BLACK);
                for (int y = 0; y < 2; y++) {
                    int acc = 0;
                    for (int x = 0; x < ((w + 7) / 8) * 8; x++) {
                        boolean one = x < w && (x * 5 + y) % 3 == 0;
                        acc = (acc << 1) | (one ? 1 : 0);
                        if (x % 8 == 7) {
                            data.append(String.format(" %02x", acc));
                            acc = 0;
                        }
                        if (x < w) {
                            expected[(1 + y) * 24 + 3 + x] = one ? BLUE : RED;
                        }
                    }
                }
                byte[] rows = hex(data.toString());
                byte[] body = rows.length < 12 ? rows : compactPrefixed(new Paint.ZStream().compress(rows));
                int[] px = tight().size(24, 3).paint(rect(3, 1, w, 2, Encodings.TIGHT,
                        concat(hex("40 01 | 01 | ff 00 00 | 00 00 ff"), body)));
                assertThat(px).as("%d wide", w).containsExactly(expected);
            }
        }

        @Test
        void compressedPaletteData() {
            byte[] indices = new Paint.ZStream().compress(hex("00 01 02 03 03 02 01 00 00 00 00 00 03 03 03 03"));
            int[] px = tight().size(4, 4).paint(rect(0, 0, 4, 4, Encodings.TIGHT, concat(
                    hex("60 01 | 03 | ff 00 00 | 00 ff 00 | 00 00 ff | ff ff ff"), compactPrefixed(indices))));
            assertThat(px).containsExactly(
                    RED, GREEN, BLUE, WHITE,
                    WHITE, BLUE, GREEN, RED,
                    RED, RED, RED, RED,
                    WHITE, WHITE, WHITE, WHITE);
        }

        @Test
        void twoColourDataOfTwelveBytesIsCompressed() {
            // 8x12: one byte per row, 12 bytes: compressed
            byte[] rows = new Paint.ZStream().compress(hex("ff 00 ff 00 ff 00 ff 00 ff 00 ff 00"));
            int[] px = tight().size(8, 12).paint(rect(0, 0, 8, 12, Encodings.TIGHT, concat(
                    hex("40 01 | 01 | 00 00 00 | ff ff ff"), compactPrefixed(rows))));
            for (int y = 0; y < 12; y++) {
                assertThat(px[y * 8]).as("row %d", y).isEqualTo(y % 2 == 0 ? WHITE : BLACK);
            }
        }

        @Test
        void unknownFilterIsAProtocolError() {
            assertThat(tight().rejected(rect(0, 0, 4, 2, Encodings.TIGHT, hex("40 03"))))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("Tight rectangle 4x2 at (0,0): unknown filter 3");
        }
    }

    @Nested
    class GradientFilter {
        @Test
        void predictsFromLeftPlusAboveMinusAboveLeftClamped() {
            // Image (r,g,b): (10,20,30) (200,30,40) / (200,40,50) (255,40,20).
            // The last pixel's red prediction 200+200-10 = 390 clamps to 255: difference 0.
            byte[] diffs = hex("0a 14 1e | be 0a 0a | be 14 14 | 00 f6 d8");
            int[] px = tight().size(2, 2).paint(rect(0, 0, 2, 2, Encodings.TIGHT,
                    concat(hex("40 02"), compactPrefixed(new Paint.ZStream().compress(diffs)))));
            assertThat(px).containsExactly(0xFF0A141E, 0xFFC81E28, 0xFFC82832, 0xFFFF2814);
        }

        @Test
        void shortGradientDataIsUncompressed() {
            // One row: each pixel predicted by its left neighbour.
            int[] px = tight().size(3, 1).paint(rect(0, 0, 3, 1, Encodings.TIGHT, hex("40 02 | 10 20 30 | 10 10 10 | f0 f0 f0")));
            assertThat(px).containsExactly(0xFF102030, 0xFF203040, 0xFF102030);
        }
    }

    @Nested
    class Jpeg {
        @Test
        void decodesWithinJpegTolerance() throws Exception {
            BufferedImage image = new BufferedImage(16, 8, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 16; x++) {
                    image.setRGB(x, y, (x * 16) << 16 | (y * 32) << 8 | 0x80);
                }
            }
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
            assertThat(ImageIO.write(image, "jpeg", jpeg)).isTrue();
            int[] px = tight().size(16, 8).paint(rect(0, 0, 16, 8, Encodings.TIGHT,
                    concat(hex("90"), compactPrefixed(jpeg.toByteArray()))));
            for (int i = 0; i < px.length; i++) {
                int want = image.getRGB(i % 16, i / 16);
                assertThat(px[i] >>> 24).isEqualTo(0xFF);
                for (int shift = 0; shift <= 16; shift += 8) {
                    assertThat((px[i] >>> shift) & 0xFF).as("pixel %d channel at bit %d", i, shift)
                            .isCloseTo((want >>> shift) & 0xFF, org.assertj.core.data.Offset.offset(24));
                }
            }
        }

        @Test
        void decodesToExactlyWhatImageIoReadsWhateverTheOrderOfSizes() throws Exception {
            // A large JPEG, then a smaller one: the decoder reuses its image, whose rows are then wider.
            BufferedImage big = noise(40, 24, 1);
            BufferedImage small = noise(16, 8, 2);
            byte[] bigJpeg = jpeg(big);
            byte[] smallJpeg = jpeg(small);
            int[] px = tight().size(40, 24).paint(
                    rect(0, 0, 40, 24, Encodings.TIGHT, concat(hex("90"), compactPrefixed(bigJpeg))),
                    rect(8, 8, 16, 8, Encodings.TIGHT, concat(hex("90"), compactPrefixed(smallJpeg))));
            BufferedImage bigRead = ImageIO.read(new java.io.ByteArrayInputStream(bigJpeg));
            BufferedImage smallRead = ImageIO.read(new java.io.ByteArrayInputStream(smallJpeg));
            for (int y = 0; y < 24; y++) {
                for (int x = 0; x < 40; x++) {
                    boolean inSmall = x >= 8 && x < 24 && y >= 8 && y < 16;
                    int want = inSmall ? smallRead.getRGB(x - 8, y - 8) : bigRead.getRGB(x, y);
                    assertThat(Integer.toHexString(px[y * 40 + x])).as("pixel (%d,%d)", x, y).isEqualTo(Integer.toHexString(want));
                }
            }
        }

        private BufferedImage noise(int w, int h, long seed) {
            java.util.Random r = new java.util.Random(seed);
            BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    image.setRGB(x, y, r.nextInt(0x1000000));
                }
            }
            return image;
        }

        private byte[] jpeg(BufferedImage image) throws Exception {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(ImageIO.write(image, "jpeg", out)).isTrue();
            return out.toByteArray();
        }

        @Test
        void jpegOfTheWrongSizeIsAProtocolError() throws Exception {
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "jpeg", jpeg);
            assertThat(tight().rejected(rect(0, 0, 4, 2, Encodings.TIGHT, concat(hex("90"), compactPrefixed(jpeg.toByteArray())))))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("Tight rectangle 4x2 at (0,0): JPEG image is 8x8, not the rectangle's size");
        }

        @Test
        void dataThatIsNotAJpegIsAProtocolError() {
            assertThat(tight().rejected(rect(0, 0, 4, 2, Encodings.TIGHT, hex("90 | 04 | 00 01 02 03"))))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessageStartingWith("Tight rectangle 4x2 at (0,0): JPEG data");
        }
    }

    @Nested
    class Rejected {
        @Test
        void tightPngTypeIsAProtocolError() {
            assertThat(tight().rejected(rect(0, 0, 4, 2, Encodings.TIGHT, hex("a0 | 04 | 89 50 4e 47"))))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("Tight rectangle 4x2 at (0,0): a PNG (TightPNG) rectangle, which this client never asks for");
        }

        @Test
        void compressionTypeBeyondPngIsInvalid() {
            assertThat(tight().rejected(rect(0, 0, 4, 2, Encodings.TIGHT, hex("b0"))))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("Tight rectangle 4x2 at (0,0): invalid compression type 11");
        }

        @Test
        void aJpegLongerThanItsRectangleCanTakeIsRejected() {
            // 4194303 bytes, the largest compact length, for 4x2 pixels: at most 8 bytes a pixel and 64 KiB.
            assertThat(tight().rejected(rect(0, 0, 4, 2, Encodings.TIGHT, hex("90 | ff ff ff"))))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("Tight rectangle 4x2 at (0,0): compressed length 4194303 exceeds limit 65600 bytes");
        }

        @Test
        void basicDataLongerThanZlibCouldMakeItIsRejected() {
            // Copy filter, 4x2 pixels of 3 bytes: 24 bytes, at most 24 + 3 + 4096 through zlib.
            assertThat(tight().rejected(rect(0, 0, 4, 2, Encodings.TIGHT, hex("00 | 9c 20"))))
                    .isInstanceOf(RfbProtocolException.class)
                    .hasMessage("Tight rectangle 4x2 at (0,0): compressed length 4124 exceeds limit 4123 bytes");
        }
    }

    @Nested
    class CompactLength {
        private int read(String bytes) throws Exception {
            return TightDecoder.readCompactLength(new RectHeader(0, 0, 1, 1, Encodings.TIGHT), RfbInput.of(hex(bytes)));
        }

        @Test
        void oneTwoAndThreeBytes() throws Exception {
            assertThat(read("00")).isEqualTo(0);
            assertThat(read("7f")).isEqualTo(127);
            assertThat(read("80 01")).isEqualTo(128);
            assertThat(read("ff 7f")).isEqualTo(16383);
            assertThat(read("80 80 01")).isEqualTo(16384);
            assertThat(read("ff ff ff")).isEqualTo(4194303);
        }

        @Test
        void matchesTheTestEncoder() throws Exception {
            for (int n : new int[]{0, 1, 127, 128, 300, 16383, 16384, 100_000, 4194303}) {
                byte[] b = tightLength(n);
                assertThat(TightDecoder.readCompactLength(new RectHeader(0, 0, 1, 1, 7), RfbInput.of(b))).isEqualTo(n);
            }
        }
    }
}
