package io.vncstream.rfb.decode;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;

/** Real JPEG files, written by the JDK's libjpeg encoder, of photo-like test images. */
final class JpegSamples {
    private JpegSamples() {
    }

    /** Smooth gradients, a few hard edges and some noise: what photo areas of a desktop look like. */
    static BufferedImage photo(int w, int h, long seed) {
        Random r = new Random(seed);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int red = (x * 255 / Math.max(1, w - 1) + r.nextInt(24)) & 0xFF;
                int green = (y * 255 / Math.max(1, h - 1) + r.nextInt(24)) & 0xFF;
                int blue = ((x / 7 + y / 5) % 2 == 0 ? 40 : 210) + r.nextInt(16);
                image.setRGB(x, y, red << 16 | green << 8 | blue);
            }
        }
        return image;
    }

    /** A greyscale copy of an image (a one-component JPEG). */
    static BufferedImage grey(BufferedImage image) {
        BufferedImage g = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                g.getRaster().setSample(x, y, 0, ((rgb >>> 16 & 0xFF) * 3 + (rgb >>> 8 & 0xFF) * 6 + (rgb & 0xFF)) / 10);
            }
        }
        return g;
    }

    /**
     * The image as a baseline JPEG at {@code quality} (0..1), with luma sampled {@code h x v}
     * times the chroma (2x2 = 4:2:0, the encoder's default; 2x1 = 4:2:2; 1x1 = 4:4:4).
     */
    static byte[] jpeg(BufferedImage image, float quality, int h, int v) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            String format = "javax_imageio_jpeg_image_1.0";
            Element tree = (Element) meta.getAsTree(format);
            NodeList components = tree.getElementsByTagName("componentSpec");
            if (components.getLength() == 3) {
                Element luma = (Element) components.item(0);
                luma.setAttribute("HsamplingFactor", Integer.toString(h));
                luma.setAttribute("VsamplingFactor", Integer.toString(v));
                meta.setFromTree(format, tree);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, meta), param);
            }
            return bytes.toByteArray();
        } finally {
            writer.dispose();
        }
    }
}
