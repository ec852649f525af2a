package io.vncstream.rfb.decode;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.RfbProtocolException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A JPEG header can claim any size up to 65535x65535 in a few hundred bytes. The decoder must
 * compare the claimed size with the rectangle's before it decodes (allocates) anything.
 */
class TightJpegBombTest {

    /** A real 4x2 JPEG whose SOF0 header is patched to claim {@code width x height}. */
    static byte[] jpegClaiming(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB), "jpeg", out);
        byte[] jpeg = out.toByteArray();
        for (int i = 0; i + 8 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                // FF C0, length (2), precision (1), height (2), width (2)
                jpeg[i + 5] = (byte) (height >>> 8);
                jpeg[i + 6] = (byte) height;
                jpeg[i + 7] = (byte) (width >>> 8);
                jpeg[i + 8] = (byte) width;
                return jpeg;
            }
        }
        throw new AssertionError("no SOF0 marker in the JDK's JPEG output");
    }

    static JpegDecoder decoder(String library) {
        return library.equals("libturbojpeg") ? new TurboJpeg() : new ImageIoJpeg();
    }

    @ParameterizedTest
    @ValueSource(strings = {"libturbojpeg", "ImageIO"})
    void aHugeClaimedSizeIsRejectedWithoutAllocatingTheImage(String library) throws Exception {
        byte[] jpeg = jpegClaiming(26000, 26000);
        RectHeader rect = new RectHeader(0, 0, 4, 2, Encodings.TIGHT);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] allocated = new long[1];
        Throwable failure = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            long before = threads.getCurrentThreadAllocatedBytes();
            Throwable t = io.vncstream.rfb.testing.Wire.thrown(() -> decoder(library).decode(rect, jpeg, new int[8]));
            allocated[0] = threads.getCurrentThreadAllocatedBytes() - before;
            return t;
        });
        assertThat(failure)
                .isInstanceOf(RfbProtocolException.class)
                .hasMessage("Tight rectangle 4x2 at (0,0): JPEG image is 26000x26000, not the rectangle's size");
        assertThat(allocated[0]).as("bytes allocated while rejecting the JPEG").isLessThan(64L * 1024 * 1024);
    }

    @ParameterizedTest
    @ValueSource(strings = {"libturbojpeg", "ImageIO"})
    void theSmallJpegItIsMadeFromDecodes(String library) throws Exception {
        byte[] jpeg = jpegClaiming(4, 2);
        assertThat(decoder(library).decode(new RectHeader(0, 0, 4, 2, Encodings.TIGHT), jpeg, new int[8])).hasSize(8);
    }
}
