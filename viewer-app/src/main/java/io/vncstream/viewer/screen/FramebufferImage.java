package io.vncstream.viewer.screen;

import java.awt.Point;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;

/**
 * A BufferedImage over the framebuffer's own int[] (0xFFRRGGBB), without copying: painting
 * reads the pixels the decoders wrote. The raster is untracked, so Java2D never caches a stale
 * copy of it.
 */
public final class FramebufferImage {
    private FramebufferImage() {
    }

    private static final DirectColorModel RGB = new DirectColorModel(24, 0x00ff0000, 0x0000ff00, 0x000000ff);

    public static BufferedImage wrap(int[] pixels, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("no pixels to show: " + width + "x" + height);
        }
        if (pixels.length < width * height) {
            throw new IllegalArgumentException("pixel array of " + pixels.length + " for " + width + "x" + height);
        }
        DataBufferInt buffer = new DataBufferInt(pixels, width * height);
        SinglePixelPackedSampleModel model = new SinglePixelPackedSampleModel(
                buffer.getDataType(), width, height, RGB.getMasks());
        WritableRaster raster = Raster.createWritableRaster(model, buffer, new Point(0, 0));
        return new BufferedImage(RGB, raster, false, null);
    }

    /** A copy (TYPE_INT_RGB), for screenshots. */
    public static BufferedImage copy(int[] pixels, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, pixels, 0, width);
        return image;
    }
}
