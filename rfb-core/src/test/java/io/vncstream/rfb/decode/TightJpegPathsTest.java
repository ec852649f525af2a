package io.vncstream.rfb.decode;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.RfbProtocolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static io.vncstream.rfb.decode.JpegSamples.jpeg;
import static io.vncstream.rfb.decode.JpegSamples.photo;
import static io.vncstream.rfb.testing.Wire.thrown;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * libjpeg-turbo (TurboJPEG, accurate DCT, fancy upsampling) against ImageIO's libjpeg 6b on the
 * same JPEGs: libjpeg-turbo's decoder is built to give libjpeg 6b's output bit for bit with
 * those settings, so the pixels must be equal, not merely close.
 */
class TightJpegPathsTest {

    @Test
    void libturbojpegLoadsHere() {
        // CI and the .deb install libturbojpeg0; without it every other turbo test here would be void.
        assertThat(TightJpeg.whyNotTurbo()).isNull();
        assertThat(TightJpeg.library()).isEqualTo("libturbojpeg");
        assertThat(TightJpeg.open()).isInstanceOf(TurboJpeg.class);
    }

    @ParameterizedTest(name = "{0}x{1}, quality {2}, luma {3}x{4}")
    @CsvSource({
            "64, 32, 0.75, 2, 2",
            "37, 21, 0.75, 2, 2",
            "1, 1, 0.75, 2, 2",
            "300, 7, 0.5, 2, 2",
            "123, 77, 0.9, 2, 1",
            "123, 77, 0.9, 1, 1",
            "256, 240, 0.3, 2, 2",
            "17, 300, 1.0, 1, 1",
    })
    void turboGivesImageIosPixelsExactly(int w, int h, float quality, int hs, int vs) throws Exception {
        byte[] jpeg = jpeg(photo(w, h, w * 31L + h), quality, hs, vs);
        assertSamePixels(w, h, jpeg);
    }

    @Test
    void aGreyscaleJpegGivesItsLumaInAllThreeChannels() throws Exception {
        // ImageIO's path differs here on purpose of the JDK: getRGB on a grey image goes through
        // its linear grey colour space, which brightens (8 becomes 0x32). libturbojpeg gives the
        // decoded sample itself, as TigerVNC shows it; ImageIO's raster holds the same samples.
        byte[] jpeg = jpeg(JpegSamples.grey(photo(45, 30, 7)), 0.8f, 1, 1);
        var raster = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(jpeg)).getRaster();
        try (JpegDecoder turbo = new TurboJpeg()) {
            int[] t = turbo.decode(new RectHeader(0, 0, 45, 30, Encodings.TIGHT), jpeg, new int[45 * 30]);
            for (int p = 0; p < t.length; p++) {
                int g = raster.getSample(p % 45, p / 45, 0);
                assertThat(Integer.toHexString(t[p])).as("pixel %d", p).isEqualTo(Integer.toHexString(0xFF000000 | g * 0x010101));
            }
        }
    }

    @Test
    void aJpegInsideALargerArrayAndALargerThenSmallerRectangleReuseTheBuffers() throws Exception {
        byte[] big = jpeg(photo(200, 120, 1), 0.8f, 2, 2);
        byte[] small = jpeg(photo(24, 16, 2), 0.8f, 2, 2);
        byte[] framed = new byte[small.length + 10];
        System.arraycopy(small, 0, framed, 7, small.length);
        try (JpegDecoder turbo = new TurboJpeg(); JpegDecoder imageIo = new ImageIoJpeg()) {
            RectHeader bigRect = new RectHeader(0, 0, 200, 120, Encodings.TIGHT);
            RectHeader smallRect = new RectHeader(3, 4, 24, 16, Encodings.TIGHT);
            assertThat(turbo.decode(bigRect, big, new int[200 * 120])).isEqualTo(imageIo.decode(bigRect, big, new int[200 * 120]));
            int[] t = turbo.decode(smallRect, framed, 7, small.length, new int[24 * 16]);
            assertThat(t).isEqualTo(imageIo.decode(smallRect, small, new int[24 * 16]));
        }
    }

    @Test
    void paintingPutsTheRowsWhereTheRectangleIsInTheFramebuffer() throws Exception {
        byte[] part = jpeg(photo(24, 16, 5), 0.8f, 2, 2);
        byte[] fullWidth = jpeg(photo(40, 8, 6), 0.8f, 2, 2);
        RectHeader partRect = new RectHeader(9, 5, 24, 16, Encodings.TIGHT);
        RectHeader fullRect = new RectHeader(0, 22, 40, 8, Encodings.TIGHT);
        io.vncstream.rfb.framebuffer.Framebuffer turboFb = new io.vncstream.rfb.framebuffer.Framebuffer(40, 30);
        io.vncstream.rfb.framebuffer.Framebuffer imageIoFb = new io.vncstream.rfb.framebuffer.Framebuffer(40, 30);
        try (JpegDecoder turbo = new TurboJpeg(); JpegDecoder imageIo = new ImageIoJpeg()) {
            for (var r : java.util.List.of(java.util.Map.entry(partRect, part), java.util.Map.entry(fullRect, fullWidth))) {
                RectHeader rect = r.getKey();
                turbo.paint(rect, r.getValue(), 0, r.getValue().length, turboFb, () -> {
                    throw new AssertionError("libturbojpeg paints without a scratch array");
                });
                imageIo.paint(rect, r.getValue(), 0, r.getValue().length, imageIoFb, () -> new int[rect.width() * rect.height()]);
            }
        }
        assertThat(turboFb.pixels()).isEqualTo(imageIoFb.pixels());
        assertThat(turboFb.pixel(8, 5)).as("left of the rectangle, untouched").isEqualTo(new io.vncstream.rfb.framebuffer.Framebuffer(1, 1).pixel(0, 0));
        assertThat(turboFb.pixel(9, 5) >>> 24).isEqualTo(0xFF);
        assertThat(turboFb.pixel(39, 29) >>> 24).isEqualTo(0xFF);
    }

    @Test
    void aClosedDecoderOpensANewHandleForTheNextJpeg() throws Exception {
        byte[] jpeg = jpeg(photo(16, 16, 3), 0.8f, 2, 2);
        RectHeader rect = new RectHeader(0, 0, 16, 16, Encodings.TIGHT);
        JpegDecoder turbo = new TurboJpeg();
        int[] first = turbo.decode(rect, jpeg, new int[256]).clone();
        turbo.close();
        turbo.close();
        assertThat(turbo.decode(rect, jpeg, new int[256])).isEqualTo(first);
        turbo.close();
    }

    @Test
    void corruptJpegDataIsAOneLineErrorOnBothPaths() throws Exception {
        byte[] jpeg = jpeg(photo(32, 16, 4), 0.8f, 2, 2);
        // Keep SOI and the first marker's start, then garbage where the tables and frame header were.
        byte[] corrupt = Arrays.copyOf(jpeg, jpeg.length);
        for (int i = 4; i < 200; i++) {
            corrupt[i] = (byte) (i * 37);
        }
        RectHeader rect = new RectHeader(5, 6, 32, 16, Encodings.TIGHT);
        for (JpegDecoder d : new JpegDecoder[]{new TurboJpeg(), new ImageIoJpeg()}) {
            try (d) {
                Throwable t = thrown(() -> d.decode(rect, corrupt, new int[32 * 16]));
                assertThat(t).as(d.name()).isInstanceOf(RfbProtocolException.class)
                        .hasMessageStartingWith("Tight rectangle 32x16 at (5,6): JPEG data cannot be decoded (")
                        .hasMessageEndingWith(")");
                assertThat(t.getMessage()).as(d.name()).doesNotContain("\n").doesNotContain("\r");
                // The decoder is still usable afterwards.
                assertThat(d.decode(rect, jpeg, new int[32 * 16])).hasSize(32 * 16);
            }
        }
    }

    @Test
    void dataThatIsNotAJpegAtAllIsAOneLineErrorOnBothPaths() {
        RectHeader rect = new RectHeader(0, 0, 4, 2, Encodings.TIGHT);
        byte[] notJpeg = {0, 1, 2, 3};
        for (JpegDecoder d : new JpegDecoder[]{new TurboJpeg(), new ImageIoJpeg()}) {
            try (d) {
                assertThat(thrown(() -> d.decode(rect, notJpeg, new int[8]))).as(d.name())
                        .isInstanceOf(RfbProtocolException.class)
                        .hasMessageStartingWith("Tight rectangle 4x2 at (0,0): JPEG data cannot be decoded (")
                        .hasMessageNotContaining("\n");
            }
        }
    }

    private static void assertSamePixels(int w, int h, byte[] jpeg) throws RfbProtocolException {
        RectHeader rect = new RectHeader(0, 0, w, h, Encodings.TIGHT);
        try (JpegDecoder turbo = new TurboJpeg(); JpegDecoder imageIo = new ImageIoJpeg()) {
            // Filled with a value no decode writes, so that an untouched pixel shows.
            int[] t = new int[w * h];
            Arrays.fill(t, 0x12345678);
            turbo.decode(rect, jpeg, t);
            int[] i = imageIo.decode(rect, jpeg, new int[w * h]);
            for (int p = 0; p < t.length; p++) {
                assertThat(t[p] >>> 24).as("alpha of pixel %d", p).isEqualTo(0xFF);
                if (t[p] != i[p]) {
                    throw new AssertionError(String.format("pixel (%d,%d): libturbojpeg %08x, ImageIO %08x",
                            p % w, p / w, t[p], i[p]));
                }
            }
        }
    }
}
