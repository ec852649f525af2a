package io.vncstream.viewer.ui;

import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.pseudo.RemoteCursor;
import io.vncstream.rfb.stream.StreamClient;
import io.vncstream.rfb.stream.StreamDeviceSource;

import java.awt.Toolkit;

/**
 * One connection of a viewer window: its events (on the connection's reader thread) go to the
 * window, and its stream extension state (device list, captures) lives in its own
 * {@link StreamClient}, so nothing of a dropped connection leaks into the next one.
 */
public final class Link implements RfbClientHandler {
    /** Set before the connection's reader starts, which is when events begin to come. */
    private ViewerWindow window;
    private final StreamClient streams = new StreamClient();
    private final StreamDeviceSource devices = new StreamDeviceSource(streams);
    private final RfbClientHandler handler;
    volatile RfbClient client;

    Link(ViewerWindow window) {
        this.window = window;
        this.handler = streams.handler(this);
    }

    /** A link for a connection opened before its window exists ({@link EarlyConnection}): {@link #bind} it before it starts. */
    Link() {
        this(null);
    }

    void bind(ViewerWindow w) {
        window = w;
    }

    /** What to connect with: the stream client sees stream messages first, then this link. */
    public RfbClientHandler handler() {
        return handler;
    }

    public StreamClient streams() {
        return streams;
    }

    /** The connection's devices, as the device list and console tabs see them. */
    public StreamDeviceSource devices() {
        return devices;
    }

    public RfbClient client() {
        return client;
    }

    boolean isConnected() {
        RfbClient c = client;
        return c != null && !c.isClosed();
    }

    @Override
    public void cursorChanged(RemoteCursor cursor) {
        if (window.isCurrent(this)) {
            window.screen().setRemoteCursor(cursor);
        }
    }

    @Override
    public void desktopNameChanged(String name) {
        window.onEdt(this, () -> window.setDesktopName(name));
    }

    @Override
    public void desktopResized(int width, int height) {
        window.onEdt(this, () -> window.showStatus("The remote screen is now " + width + " x " + height));
    }

    @Override
    public void extendedDesktopSize(int reason, int status, int width, int height, io.vncstream.rfb.pseudo.ScreenLayout layout) {
        if (window.isCurrent(this)) {
            window.controls().remoteResize().answered(reason, status, width, height);
        }
    }

    @Override
    public void xvp(io.vncstream.rfb.message.XvpMessage message) {
        window.onEdt(this, () -> {
            if (message.code() == io.vncstream.rfb.message.XvpMessage.FAIL) {
                window.showStatus("The remote machine did not carry out the power action (the server refused it)");
            }
            window.actions().update();
        });
    }

    @Override
    public void ledState(int state) {
        window.onEdt(this, () -> window.controls().lockKeys().serverState(state));
    }

    /** QEMU's pointer motion change: relative (no tablet) grabs the pointer on a click, absolute as usual. */
    @Override
    public void pointerMotionChanged(boolean absolute) {
        window.onEdt(this, () -> window.screen().setRelativePointer(!absolute));
    }

    /** QEMU acknowledged audio: the stream starts if the user has sound on. */
    @Override
    public void audioSupported() {
        RfbClient c = client;
        if (c != null && window.isCurrent(this)) {
            window.controls().audio().offered(c);
        }
    }

    @Override
    public void qemuAudio(io.vncstream.rfb.message.QemuAudioData message) {
        if (window.isCurrent(this)) {
            window.controls().audio().received(message);
        }
    }

    @Override
    public void bell() {
        Toolkit.getDefaultToolkit().beep();
    }

    @Override
    public void serverCutText(String text) {
        if (window.isCurrent(this)) {
            window.screen().serverCutText(text);
        }
    }

    @Override
    public void clipboardProblem(String message) {
        window.onEdt(this, () -> window.showStatus(message));
    }

    @Override
    public void disconnected(Exception cause) {
        window.onEdt(this, () -> window.keeper().connectionLost(this, cause));
    }
}
