package io.vncstream.rfb.client;

import io.vncstream.rfb.pseudo.RemoteCursor;
import io.vncstream.rfb.pseudo.ScreenLayout;
import io.vncstream.rfb.stream.DeviceNotice;
import io.vncstream.rfb.stream.StreamMessage;

/** Passes every event on to another handler; subclasses override what they also want to see. */
public class ForwardingHandler implements RfbClientHandler {
    private final RfbClientHandler delegate;

    public ForwardingHandler(RfbClientHandler delegate) {
        this.delegate = delegate;
    }

    @Override
    public void updateCompleted() {
        delegate.updateCompleted();
    }

    @Override
    public void desktopResized(int width, int height) {
        delegate.desktopResized(width, height);
    }

    @Override
    public void extendedDesktopSize(int reason, int status, int width, int height, ScreenLayout layout) {
        delegate.extendedDesktopSize(reason, status, width, height, layout);
    }

    @Override
    public void cursorChanged(RemoteCursor cursor) {
        delegate.cursorChanged(cursor);
    }

    @Override
    public void desktopNameChanged(String name) {
        delegate.desktopNameChanged(name);
    }

    @Override
    public void extendedKeyEventSupported() {
        delegate.extendedKeyEventSupported();
    }

    @Override
    public void bell() {
        delegate.bell();
    }

    @Override
    public void serverCutText(String text) {
        delegate.serverCutText(text);
    }

    @Override
    public void deviceNotice(DeviceNotice notice) {
        delegate.deviceNotice(notice);
    }

    @Override
    public void streamMessage(StreamMessage message) {
        delegate.streamMessage(message);
    }

    @Override
    public void disconnected(Exception cause) {
        delegate.disconnected(cause);
    }
}
