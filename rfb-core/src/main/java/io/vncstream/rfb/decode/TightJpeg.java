package io.vncstream.rfb.decode;

import io.vncstream.rfb.RfbProtocolException;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** Tight's JPEG rectangles, decoded with the JDK's ImageIO (no AWT display needed). */
final class TightJpeg {
    private TightJpeg() {
    }

    /** Decodes into {@code out} (row stride = rectangle width) and returns it. */
    static int[] decode(RectHeader rect, byte[] jpeg, int[] out) throws RfbProtocolException {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(jpeg));
        } catch (IOException | RuntimeException e) {
            throw new RfbProtocolException(rect.describe() + ": JPEG data cannot be decoded (" + e.getMessage() + ")");
        }
        if (image == null) {
            throw new RfbProtocolException(rect.describe() + ": JPEG data is not a JPEG image");
        }
        if (image.getWidth() != rect.width() || image.getHeight() != rect.height()) {
            throw new RfbProtocolException(rect.describe() + ": JPEG image is " + image.getWidth() + "x"
                    + image.getHeight() + ", not the rectangle's size");
        }
        image.getRGB(0, 0, rect.width(), rect.height(), out, 0, rect.width());
        return out;
    }
}
