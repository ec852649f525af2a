package io.vncstream.rfb.decode;

import io.vncstream.rfb.RfbProtocolException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStreamImpl;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;

/**
 * Tight's JPEG rectangles, decoded with the JDK's ImageIO (its bundled IJG libjpeg 6b; no AWT
 * display needed): the path when libturbojpeg cannot be loaded ({@link TightJpeg}).
 * One reader per Tight decoder, reading straight from the rectangle's bytes (ImageIO's own
 * streams would write each JPEG to a temporary file first), into a reused 3-byte BGR image
 * whose bytes are turned into ARGB in one pass (getRGB goes pixel by pixel through a colour
 * model). The image only grows to the largest JPEG rectangle seen, which fits the framebuffer.
 */
final class ImageIoJpeg implements JpegDecoder {
    private ImageReader reader;
    private BufferedImage target;

    @Override
    public String name() {
        return "ImageIO";
    }

    /**
     * Decodes {@code len} bytes of {@code src} from {@code off} into {@code out} (row stride =
     * rectangle width) and returns it. The image's size is read from its header and checked
     * against the rectangle before anything is decoded: a few hundred bytes of JPEG may claim
     * 65535x65535 pixels.
     */
    @Override
    public int[] decode(RectHeader rect, byte[] src, int off, int len, int[] out) throws RfbProtocolException {
        int w = rect.width();
        int h = rect.height();
        try {
            ImageReader r = reader();
            r.setInput(new ArrayInput(src, off, len), true, true);
            int width = r.getWidth(0);
            int height = r.getHeight(0);
            if (width != w || height != h) {
                throw new RfbProtocolException(rect.describe() + ": JPEG image is " + width + "x"
                        + height + ", not the rectangle's size");
            }
            ImageTypeSpecifier raw = r.getRawImageType(0);
            ImageReadParam param = r.getDefaultReadParam();
            if (raw != null && raw.getBufferedImageType() == BufferedImage.TYPE_3BYTE_BGR) {
                param.setDestination(target(w, h));
            }
            BufferedImage image = r.read(0, param);
            if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
                // Not YCbCr/RGB (a greyscale or CMYK JPEG, which no VNC server sends): the slow, general way.
                image.getRGB(0, 0, w, h, out, 0, w);
                return out;
            }
            byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            int stride = image.getWidth() * 3;
            for (int y = 0; y < h; y++) {
                int s = y * stride;
                int d = y * w;
                for (int x = 0; x < w; x++, s += 3) {
                    out[d + x] = 0xFF000000 | ((bgr[s + 2] & 0xFF) << 16) | ((bgr[s + 1] & 0xFF) << 8) | (bgr[s] & 0xFF);
                }
            }
            return out;
        } catch (RfbProtocolException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // A reader that failed mid-image is not reused.
            if (reader != null) {
                reader.dispose();
                reader = null;
            }
            throw new RfbProtocolException(rect.describe() + ": JPEG data cannot be decoded ("
                    + JpegDecoder.oneLine(String.valueOf(e.getMessage())) + ")");
        }
    }

    private ImageReader reader() throws RfbProtocolException {
        if (reader == null) {
            var readers = ImageIO.getImageReadersByFormatName("jpeg");
            if (!readers.hasNext()) {
                throw new RfbProtocolException("this Java runtime has no JPEG decoder");
            }
            reader = readers.next();
        }
        return reader;
    }

    /** The reused destination, at least w x h (the reader writes the top-left w x h of it). */
    private BufferedImage target(int w, int h) {
        if (target == null || target.getWidth() < w || target.getHeight() < h) {
            int tw = Math.max(w, target == null ? 0 : target.getWidth());
            int th = Math.max(h, target == null ? 0 : target.getHeight());
            target = new BufferedImage(tw, th, BufferedImage.TYPE_3BYTE_BGR);
        }
        return target;
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.dispose();
            reader = null;
        }
        target = null;
    }

    /** An image input stream over part of an array: no cache, no temporary file, no copy. */
    private static final class ArrayInput extends ImageInputStreamImpl {
        private final byte[] data;
        private final int start;
        private final int length;

        ArrayInput(byte[] data, int off, int len) {
            this.data = data;
            this.start = off;
            this.length = len;
        }

        @Override
        public int read() {
            bitOffset = 0;
            return streamPos < length ? data[start + (int) streamPos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            bitOffset = 0;
            if (streamPos >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - streamPos);
            System.arraycopy(data, start + (int) streamPos, b, off, n);
            streamPos += n;
            return n;
        }

        @Override
        public long length() {
            return length;
        }
    }
}
