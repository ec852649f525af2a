package io.vncstream.viewer.screen;

import java.awt.Dimension;
import java.awt.Rectangle;

/**
 * Where the remote picture sits in the component: {@code component = offset + remote * scale}
 * (in logical, i.e. component, pixels). Pure arithmetic, so it is tested without a display.
 *
 * @param scale      component pixels per remote pixel
 * @param offsetX    left edge of the picture in the component
 * @param offsetY    top edge of the picture in the component
 * @param remoteW    remote width
 * @param remoteH    remote height
 */
public record ScreenMapping(double scale, double offsetX, double offsetY, int remoteW, int remoteH) {

    /**
     * The mapping for a mode.
     *
     * @param deviceScale physical pixels per logical pixel (1 normally, 2 on a 200% HiDPI screen)
     * @param compW component width
     * @param compH component height
     */
    public static ScreenMapping of(Scaling mode, int remoteW, int remoteH, double deviceScale, int compW, int compH) {
        double scale = switch (mode) {
            case NATIVE -> 1.0 / deviceScale;
            case LOGICAL -> 1.0;
            case FIT -> remoteW == 0 || remoteH == 0 ? 1.0
                    : Math.max(0.01, Math.min((double) compW / remoteW, (double) compH / remoteH));
        };
        double pictureW = remoteW * scale;
        double pictureH = remoteH * scale;
        // Centre when the component is larger; snap to whole physical pixels so 1:1 stays sharp.
        double ox = Math.max(0, Math.floor((compW - pictureW) / 2 * deviceScale) / deviceScale);
        double oy = Math.max(0, Math.floor((compH - pictureH) / 2 * deviceScale) / deviceScale);
        return new ScreenMapping(scale, ox, oy, remoteW, remoteH);
    }

    /** The component size the picture needs (for scroll panes); FIT needs no particular size. */
    public static Dimension preferredSize(Scaling mode, int remoteW, int remoteH, double deviceScale) {
        double scale = mode == Scaling.LOGICAL ? 1.0 : 1.0 / deviceScale;
        return new Dimension((int) Math.ceil(remoteW * scale), (int) Math.ceil(remoteH * scale));
    }

    /** The remote x for a component x, clamped to the screen (drags may leave the component). */
    public int remoteX(double componentX) {
        return clamp((int) Math.floor((componentX - offsetX) / scale), remoteW);
    }

    public int remoteY(double componentY) {
        return clamp((int) Math.floor((componentY - offsetY) / scale), remoteH);
    }

    /** Whether a component point lies on the picture. */
    public boolean onPicture(double componentX, double componentY) {
        double rx = (componentX - offsetX) / scale;
        double ry = (componentY - offsetY) / scale;
        return rx >= 0 && ry >= 0 && rx < remoteW && ry < remoteH;
    }

    /** The component rectangle covering a remote rectangle, rounded outwards (plus a pixel for smoothing). */
    public Rectangle toComponent(int x, int y, int w, int h) {
        int margin = scale == 1.0 ? 0 : 1;
        int x0 = (int) Math.floor(offsetX + x * scale) - margin;
        int y0 = (int) Math.floor(offsetY + y * scale) - margin;
        int x1 = (int) Math.ceil(offsetX + (x + w) * scale) + margin;
        int y1 = (int) Math.ceil(offsetY + (y + h) * scale) + margin;
        return new Rectangle(x0, y0, x1 - x0, y1 - y0);
    }

    /** The remote rectangle a component rectangle shows, rounded outwards and clipped to the screen. */
    public Rectangle toRemote(Rectangle component) {
        int margin = scale == 1.0 ? 0 : 2;
        int x0 = (int) Math.floor((component.x - offsetX) / scale) - margin;
        int y0 = (int) Math.floor((component.y - offsetY) / scale) - margin;
        int x1 = (int) Math.ceil((component.x + component.width - offsetX) / scale) + margin;
        int y1 = (int) Math.ceil((component.y + component.height - offsetY) / scale) + margin;
        x0 = Math.max(0, x0);
        y0 = Math.max(0, y0);
        x1 = Math.min(remoteW, x1);
        y1 = Math.min(remoteH, y1);
        return new Rectangle(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }

    private static int clamp(int v, int size) {
        return Math.max(0, Math.min(size - 1, v));
    }
}
