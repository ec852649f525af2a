package io.vncstream.rfb.framebuffer;

/** Told about changes to a {@link Framebuffer}, on the thread that made them. */
public interface FramebufferListener {
    /** Pixels in this rectangle changed. */
    void damaged(int x, int y, int width, int height);

    /** The framebuffer has a new size (and a new pixel array); all of it counts as damaged. */
    default void resized(int width, int height) {
    }
}
