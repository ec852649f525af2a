package io.vncstream.rfb.client;

import io.vncstream.rfb.message.ExtendedClipboard;
import io.vncstream.rfb.message.Fence;
import io.vncstream.rfb.message.QemuAudioData;
import io.vncstream.rfb.message.XvpMessage;
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

    @Override
    public void extendedClipboard(ExtendedClipboard message) {
        delegate.extendedClipboard(message);
    }

    @Override
    public void fence(Fence fence) {
        delegate.fence(fence);
    }

    @Override
    public void endOfContinuousUpdates() {
        delegate.endOfContinuousUpdates();
    }

    @Override
    public void xvp(XvpMessage message) {
        delegate.xvp(message);
    }

    @Override
    public void qemuAudio(QemuAudioData message) {
        delegate.qemuAudio(message);
    }

    @Override
    public void audioSupported() {
        delegate.audioSupported();
    }

    @Override
    public void ledState(int state) {
        delegate.ledState(state);
    }

    @Override
    public void pointerMotionChanged(boolean absolute) {
        delegate.pointerMotionChanged(absolute);
    }

    @Override
    public void clipboardProblem(String message) {
        delegate.clipboardProblem(message);
    }
}
