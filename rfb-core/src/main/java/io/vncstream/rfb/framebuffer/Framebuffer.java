package io.vncstream.rfb.framebuffer;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The client's copy of the remote screen: opaque ARGB ints (0xFFRRGGBB), row-major, stride = width.
 * The GUI wraps {@link #pixels()} in an image without copying. Writers are the decoders, on the
 * reader thread or the painter of its DecodePipeline, one at a time; readers may see a partly
 * updated frame, which the next damage notification repairs, as in every VNC viewer. Resizes
 * happen between updates' painting. Callers have already checked that rectangles lie
 * inside the framebuffer.
 */
public final class Framebuffer {
    private volatile int width;
    private volatile int height;
    private volatile int[] pixels;
    private final List<FramebufferListener> listeners = new CopyOnWriteArrayList<>();
    private final Object damageLock = new Object();

    public Framebuffer(int width, int height) {
        this.width = width;
        this.height = height;
        this.pixels = new int[width * height];
        Arrays.fill(pixels, 0xFF000000);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The live pixel array; replaced on {@link #resize}. */
    public int[] pixels() {
        return pixels;
    }

    public int pixel(int x, int y) {
        return pixels[y * width + x];
    }

    public void addListener(FramebufferListener l) {
        listeners.add(l);
    }

    public void removeListener(FramebufferListener l) {
        listeners.remove(l);
    }

    /** Changes the size, keeping the overlapping top-left part of the old picture. */
    public void resize(int newWidth, int newHeight) {
        if (newWidth == width && newHeight == height) {
            return;
        }
        int[] next = new int[newWidth * newHeight];
        Arrays.fill(next, 0xFF000000);
        int w = Math.min(width, newWidth);
        int h = Math.min(height, newHeight);
        for (int y = 0; y < h; y++) {
            System.arraycopy(pixels, y * width, next, y * newWidth, w);
        }
        pixels = next;
        width = newWidth;
        height = newHeight;
        for (FramebufferListener l : listeners) {
            l.resized(newWidth, newHeight);
        }
    }

    /** Whether the rectangle lies inside the framebuffer (no overflow for u16 inputs). */
    public boolean contains(int x, int y, int w, int h) {
        return x >= 0 && y >= 0 && w >= 0 && h >= 0 && x + w <= width && y + h <= height;
    }

    /** Fills the first row, then copies it to the others: one memory copy a row instead of a fill loop. */
    public void fillRect(int x, int y, int w, int h, int argb) {
        if (w <= 0 || h <= 0) {
            return;
        }
        int[] p = pixels;
        int stride = width;
        int first = y * stride + x;
        Arrays.fill(p, first, first + w, argb);
        for (int row = 1; row < h; row++) {
            System.arraycopy(p, first, p, first + row * stride, w);
        }
    }

    /** Copies a w*h block from {@code src} (row stride {@code srcStride}) to (x, y). */
    public void setPixels(int x, int y, int w, int h, int[] src, int srcOffset, int srcStride) {
        int[] p = pixels;
        int stride = width;
        for (int row = 0; row < h; row++) {
            System.arraycopy(src, srcOffset + row * srcStride, p, (y + row) * stride + x, w);
        }
    }

    /** CopyRect: moves a block within the framebuffer; overlapping source and destination are handled. */
    public void copyRect(int srcX, int srcY, int x, int y, int w, int h) {
        int[] p = pixels;
        int stride = width;
        if (srcY < y) {
            for (int row = h - 1; row >= 0; row--) {
                System.arraycopy(p, (srcY + row) * stride + srcX, p, (y + row) * stride + x, w);
            }
        } else {
            for (int row = 0; row < h; row++) {
                System.arraycopy(p, (srcY + row) * stride + srcX, p, (y + row) * stride + x, w);
            }
        }
    }

    /**
     * Tells the listeners that a rectangle changed; decoders call this once per rectangle, from
     * the reader thread or its painter: listeners are called one at a time, never concurrently.
     */
    public void damage(int x, int y, int w, int h) {
        synchronized (damageLock) {
            for (FramebufferListener l : listeners) {
                l.damaged(x, y, w, h);
            }
        }
    }
}
