package io.vncstream.rfb.client;

import io.vncstream.rfb.message.ExtendedClipboard;
import io.vncstream.rfb.message.Fence;
import io.vncstream.rfb.message.QemuAudioData;
import io.vncstream.rfb.message.XvpMessage;
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

    /** A clipboard message from the server could not be used (one line, for the user); the connection goes on. */
    default void clipboardProblem(String message) {
    }

    /** A ServerCutText with a negative length: the extended clipboard. */
    default void extendedClipboard(ExtendedClipboard message) {
    }

    /** A Fence from the server (requests are answered by the connection before this is called). */
    default void fence(Fence fence) {
    }

    /** EndOfContinuousUpdates: the server supports them (first time) or has stopped them. */
    default void endOfContinuousUpdates() {
    }

    /** An XVP message: init (power control offered) or fail. */
    default void xvp(XvpMessage message) {
    }

    /** QEMU audio (255, sub-type 1): the stream begins, ends, or carries samples. */
    default void qemuAudio(QemuAudioData message) {
    }

    /** QEMU's audio pseudo-encoding was acknowledged. */
    default void audioSupported() {
    }

    /** LED state: bit 0 Scroll Lock, bit 1 Num Lock, bit 2 Caps Lock. */
    default void ledState(int state) {
    }

    /** QEMU's pointer motion change: absolute (a tablet) or relative (a mouse, grab the pointer). */
    default void pointerMotionChanged(boolean absolute) {
    }

    /** The connection ended: {@code cause} is null when this side closed it. */
    default void disconnected(Exception cause) {
    }
}
