package io.vncstream.rfb.client;

import io.vncstream.rfb.pseudo.RemoteCursor;
import io.vncstream.rfb.pseudo.ScreenLayout;
import io.vncstream.rfb.stream.DeviceNotice;
import io.vncstream.rfb.stream.StreamMessage;

/**
 * What the application hears from a connection, one method per event, all on the connection's
 * reader thread: return quickly and hand work elsewhere. Pixels arrive through the
 * framebuffer's own damage notifications.
 */
public interface RfbClientHandler {
    /** A FramebufferUpdate message has been applied completely. */
    default void updateCompleted() {
    }

    /** The framebuffer has a new size (DesktopSize or ExtendedDesktopSize). */
    default void desktopResized(int width, int height) {
    }

    /**
     * An ExtendedDesktopSize rectangle: the server resizes remotely (and says so), and answers
     * each SetDesktopSize with one whose {@code reason} is 1 and {@code status} says the result
     * (0 done, 1 prohibited, 2 out of resources, 3 invalid layout). Comes before
     * {@link #desktopResized} when the size changed.
     */
    default void extendedDesktopSize(int reason, int status, int width, int height, ScreenLayout layout) {
    }

    default void cursorChanged(RemoteCursor cursor) {
    }

    default void desktopNameChanged(String name) {
    }

    /** The server takes QEMU extended key events (raw scancodes). */
    default void extendedKeyEventSupported() {
    }

    default void bell() {
    }

    default void serverCutText(String text) {
    }

    /** A stream device was announced or removed (a -260 rectangle). */
    default void deviceNotice(DeviceNotice notice) {
    }

    /** A 255/2 capture message from the server. */
    default void streamMessage(StreamMessage message) {
    }

    /** The connection ended: {@code cause} is null when this side closed it. */
    default void disconnected(Exception cause) {
    }
}
