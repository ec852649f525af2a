package io.vncstream.viewer.screen;

import io.vncstream.rfb.pseudo.RemoteCursor;

import java.awt.Cursor;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.RenderingHints;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;

/** The server's cursor shape as a local cursor, so the pointer moves without waiting for the server. */
public final class CursorFactory {
    private CursorFactory() {
    }

    /** An ARGB image of the cursor (transparent where the mask is 0). */
    public static BufferedImage image(RemoteCursor c) {
        BufferedImage img = new BufferedImage(Math.max(1, c.width()), Math.max(1, c.height()), BufferedImage.TYPE_INT_ARGB);
        if (!c.isEmpty()) {
            img.setRGB(0, 0, c.width(), c.height(), c.argb(), 0, c.width());
        }
        return img;
    }

    /**
     * A custom cursor for the shape, scaled by {@code scale} (the screen's zoom) and fitted to the
     * sizes the platform supports. An empty shape gives an invisible cursor.
     */
    public static Cursor create(RemoteCursor c, double scale) {
        Toolkit tk = Toolkit.getDefaultToolkit();
        int w = Math.max(1, (int) Math.round(c.width() * scale));
        int h = Math.max(1, (int) Math.round(c.height() * scale));
        Dimension best = tk.getBestCursorSize(w, h);
        if (best.width <= 0 || best.height <= 0) {
            return Cursor.getDefaultCursor(); // custom cursors unsupported
        }
        double fit = Math.min(1.0, Math.min((double) best.width / w, (double) best.height / h));
        double s = scale * fit;
        BufferedImage out = new BufferedImage(best.width, best.height, BufferedImage.TYPE_INT_ARGB);
        if (!c.isEmpty()) {
            Graphics2D g = out.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, s == 1.0
                    ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image(c), 0, 0, (int) Math.round(c.width() * s), (int) Math.round(c.height() * s), null);
            g.dispose();
        }
        int hx = Math.min(best.width - 1, (int) Math.floor(c.hotX() * s));
        int hy = Math.min(best.height - 1, (int) Math.floor(c.hotY() * s));
        return tk.createCustomCursor(out, new Point(hx, hy), "vncstream remote cursor");
    }
}
