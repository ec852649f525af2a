package io.vncstream.viewer.screen;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Paints the remote picture into the screen component: only the part in the clip, at the
 * mapping's scale. Nearest neighbour keeps 1:1 sharp; only a fit that really scales (in device
 * pixels) is smoothed.
 */
final class PicturePainter {
    static final Color BACKGROUND = new Color(0x2b2b2b);
    private static final Color PLACEHOLDER_TEXT = new Color(0xbbbbbb);

    private PicturePainter() {
    }

    /** @return whether any of the picture was drawn */
    static boolean paint(Graphics2D g2, Rectangle clip, BufferedImage img, ScreenMapping m, Scaling scaling,
                         double deviceScale) {
        g2.setColor(BACKGROUND);
        g2.fillRect(clip.x, clip.y, clip.width, clip.height);
        Rectangle src = m.toRemote(clip);
        if (src.isEmpty()) {
            return false;
        }
        g2.translate(m.offsetX(), m.offsetY());
        g2.scale(m.scale(), m.scale());
        boolean smooth = scaling == Scaling.FIT && Math.abs(m.scale() * deviceScale - 1.0) > 1e-6;
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, smooth
                ? RenderingHints.VALUE_INTERPOLATION_BILINEAR : RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g2.setRenderingHint(RenderingHints.KEY_RENDERING, smooth
                ? RenderingHints.VALUE_RENDER_QUALITY : RenderingHints.VALUE_RENDER_SPEED);
        g2.drawImage(img, src.x, src.y, src.x + src.width, src.y + src.height,
                src.x, src.y, src.x + src.width, src.y + src.height, null);
        return true;
    }

    /** The text shown in the middle while there is no picture. */
    static void paintPlaceholder(Graphics2D g2, Rectangle clip, String text, Font base, int width, int height) {
        g2.setColor(BACKGROUND);
        g2.fillRect(clip.x, clip.y, clip.width, clip.height);
        g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g2.setColor(PLACEHOLDER_TEXT);
        g2.setFont(base != null ? base.deriveFont(Font.PLAIN, 16f) : new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        FontMetrics fm = g2.getFontMetrics();
        g2.drawString(text, (width - fm.stringWidth(text)) / 2, height / 2);
    }
}
