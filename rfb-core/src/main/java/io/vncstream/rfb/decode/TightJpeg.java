package io.vncstream.rfb.decode;

import io.vncstream.rfb.RfbProtocolException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

/** Tight's JPEG rectangles, decoded with the JDK's ImageIO (no AWT display needed). */
final class TightJpeg {
    private TightJpeg() {
    }

    /**
     * Decodes into {@code out} (row stride = rectangle width) and returns it. The image's size is
     * read from its header and checked against the rectangle before anything is decoded: a few
     * hundred bytes of JPEG may claim 65535x65535 pixels.
     */
    static int[] decode(RectHeader rect, byte[] jpeg, int[] out) throws RfbProtocolException {
        BufferedImage image;
        try (ImageInputStream iis = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) {
                throw new RfbProtocolException(rect.describe() + ": JPEG data is not a JPEG image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width != rect.width() || height != rect.height()) {
                    throw new RfbProtocolException(rect.describe() + ": JPEG image is " + width + "x"
                            + height + ", not the rectangle's size");
                }
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (RfbProtocolException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new RfbProtocolException(rect.describe() + ": JPEG data cannot be decoded (" + e.getMessage() + ")");
        }
        image.getRGB(0, 0, rect.width(), rect.height(), out, 0, rect.width());
        return out;
    }
}
