package io.vncstream.viewer.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The application icon, drawn in Java2D at each size the desktop may ask for: a monitor whose
 * screen shows a console prompt, the two things vncstream puts side by side.
 */
public final class AppIcon {
    private AppIcon() {
    }

    public static final int[] SIZES = {16, 20, 24, 32, 40, 48, 64, 128, 256};

    private static List<Image> images;

    /**
     * Draws the icons on a thread of its own, so that {@link #images()} finds them ready (about a
     * tenth of the time building the first window took, on the way to the first frame).
     */
    public static void prepare() {
        Thread t = new Thread(AppIcon::images, "app icon");
        t.setDaemon(true);
        t.start();
    }

    /** The icon at every size in {@link #SIZES}. */
    public static synchronized List<Image> images() {
        if (images == null) {
            List<Image> list = new ArrayList<>();
            for (int s : SIZES) {
                list.add(draw(s));
            }
            images = List.copyOf(list);
        }
        return images;
    }

    public static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 64.0, size / 64.0);
        // the monitor's body
        RoundRectangle2D body = new RoundRectangle2D.Double(3, 6, 58, 42, 9, 9);
        g.setPaint(new GradientPaint(0, 6, new Color(0x3d7fd6), 0, 48, new Color(0x1f4f9c)));
        g.fill(body);
        // its stand
        Path2D stand = new Path2D.Double();
        stand.moveTo(24, 48);
        stand.lineTo(40, 48);
        stand.lineTo(43, 56);
        stand.lineTo(21, 56);
        stand.closePath();
        g.setColor(new Color(0x1f4f9c));
        g.fill(stand);
        g.fill(new RoundRectangle2D.Double(15, 55, 34, 5, 4, 4));
        // the screen, dark, with a console prompt
        g.setColor(new Color(0x10161f));
        g.fill(new RoundRectangle2D.Double(8, 11, 48, 32, 4, 4));
        float w = size <= 24 ? 5.5f : 4.5f;
        g.setStroke(new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(0x5cf08a));
        Path2D chevron = new Path2D.Double();
        chevron.moveTo(15, 19);
        chevron.lineTo(24, 27);
        chevron.lineTo(15, 35);
        g.draw(chevron);
        g.setColor(new Color(0xe8eef7));
        g.drawLine(29, 35, 44, 35);
        g.dispose();
        return img;
    }
}
