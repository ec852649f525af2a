package io.vncstream.viewer.screen;

import io.vncstream.rfb.framebuffer.Framebuffer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** Copies of the remote picture, and writing them as PNG files (the screenshot action). */
final class ScreenSnapshot {
    private ScreenSnapshot() {
    }

    /**
     * A copy of the framebuffer as it is now; when there is none (detached), a copy of the
     * picture last shown; null when there has been no picture.
     */
    static BufferedImage take(Framebuffer fb, BufferedImage shown) {
        if (fb != null) {
            int w = fb.width();
            int h = fb.height();
            int[] px = fb.pixels();
            if (px.length == w * h) {
                return FramebufferImage.copy(px.clone(), w, h);
            }
        }
        if (shown == null) {
            return null;
        }
        BufferedImage copy = new BufferedImage(shown.getWidth(), shown.getHeight(), BufferedImage.TYPE_INT_RGB);
        copy.getGraphics().drawImage(shown, 0, 0, null);
        return copy;
    }

    static void writePng(BufferedImage img, Path file) throws IOException {
        if (img == null) {
            throw new IOException("there is no picture to save yet");
        }
        PngFile.write(img, file);
    }
}
