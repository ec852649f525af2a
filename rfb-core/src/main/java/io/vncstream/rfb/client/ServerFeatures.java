package io.vncstream.rfb.client;

import io.vncstream.rfb.message.QemuAudioRequest;
import io.vncstream.rfb.message.SetDesktopSize;
import io.vncstream.rfb.message.XvpMessage;
import io.vncstream.rfb.pseudo.ScreenLayout;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the server has offered so far, learnt from its messages as they pass to the application:
 * the extensions a client may only use once offered (remote resize, XVP power control, QEMU
 * audio and key events), and how many updates arrived. It builds the messages that use them, or
 * says none can be sent; it sends nothing itself.
 */
final class ServerFeatures extends ForwardingHandler {
    /** The server's screens from its last ExtendedDesktopSize rectangle; null until it sends one (no remote resize). */
    private volatile ScreenLayout screens;
    /** The XVP version the server offered power control with (0: none). */
    private volatile int xvpVersion;
    /** QEMU acknowledged its audio pseudo-encoding (-259). */
    private volatile boolean audio;
    private volatile boolean extendedKeys;
    private final LongAdder updates = new LongAdder();

    ServerFeatures(RfbClientHandler delegate) {
        super(delegate);
    }

    long updates() {
        return updates.sum();
    }

    boolean extendedKeys() {
        return extendedKeys;
    }

    boolean powerControl() {
        return xvpVersion > 0;
    }

    /** The XVP message for this action ({@link XvpMessage} codes), or null without XVP. */
    XvpMessage powerAction(int code) {
        int version = xvpVersion;
        return version == 0 ? null : new XvpMessage(version, code);
    }

    boolean audio() {
        return audio;
    }

    /** The messages that start (in this format) or stop QEMU's audio stream, or null without audio. */
    List<QemuAudioRequest> audioRequests(boolean on, int format, int channels, long frequency) {
        if (!audio) {
            return null;
        }
        return on ? List.of(QemuAudioRequest.setFormat(format, channels, frequency), QemuAudioRequest.enable())
                : List.of(QemuAudioRequest.disable());
    }

    boolean remoteResize() {
        return screens != null;
    }

    /**
     * A one-screen SetDesktopSize keeping the id and flags of the server's first screen, as
     * TigerVNC's viewer does; null when the server has not offered remote resize or the size
     * cannot be asked for.
     */
    SetDesktopSize desktopSize(int width, int height) {
        ScreenLayout layout = screens;
        if (layout == null || width < 1 || height < 1 || width > 65535 || height > 65535) {
            return null;
        }
        var first = layout.screens().isEmpty() ? null : layout.screens().get(0);
        return SetDesktopSize.singleScreen(width, height, first == null ? 0 : first.id(), first == null ? 0 : first.flags());
    }

    @Override
    public void updateCompleted() {
        updates.increment();
        super.updateCompleted();
    }

    @Override
    public void extendedDesktopSize(int reason, int status, int width, int height, ScreenLayout layout) {
        if (status == 0) {
            screens = layout;
        } else if (screens == null) {
            // A refusal still says the server takes SetDesktopSize.
            screens = new ScreenLayout(List.of());
        }
        super.extendedDesktopSize(reason, status, width, height, layout);
    }

    @Override
    public void xvp(XvpMessage message) {
        if (message.code() == XvpMessage.INIT) {
            xvpVersion = Math.max(1, message.version());
        }
        super.xvp(message);
    }

    @Override
    public void audioSupported() {
        audio = true;
        super.audioSupported();
    }

    @Override
    public void extendedKeyEventSupported() {
        extendedKeys = true;
        super.extendedKeyEventSupported();
    }
}
