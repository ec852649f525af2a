package io.vncstream.viewer.audio;

import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.message.QemuAudioData;

import javax.sound.sampled.AudioFormat;
import java.util.function.Consumer;

/**
 * QEMU's audio (-259) for one viewer window: off by default; once the user turns it on and the
 * server offers it, the viewer asks for 16-bit signed little-endian stereo at 44.1 kHz (QEMU's
 * own default, and it sends samples in the format the client set, in the host's byte order:
 * little-endian on x86) and enables the stream; what the server then sends (begin, samples,
 * end) goes to the {@link AudioSink}. Calls come from the event thread (the toggle) and the
 * connection's reader thread (the server's messages).
 */
public final class RemoteAudio {
    /** QEMU's format code for signed 16-bit samples. */
    public static final int S16 = 3;
    public static final int CHANNELS = 2;
    public static final int RATE = 44100;
    public static final AudioFormat FORMAT = new AudioFormat(RATE, 16, CHANNELS, true, false);

    private final AudioSink sink;
    private final Consumer<String> status;
    private volatile boolean enabled;
    private volatile RfbClient client;
    private volatile boolean streaming;
    private volatile long bytes;

    public RemoteAudio(AudioSink sink, Consumer<String> status) {
        this.sink = sink;
        this.status = status;
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** The user's toggle: asks the server to start or stop the stream when it offers audio. */
    public void setEnabled(boolean on) {
        enabled = on;
        RfbClient c = client;
        if (c == null || c.isClosed()) {
            return;
        }
        if (!c.supportsAudio()) {
            if (on) {
                status.accept("The server offers no audio (only QEMU's VNC server does)");
            }
            return;
        }
        c.setAudio(on, S16, CHANNELS, RATE);
        if (!on) {
            stopped();
        }
        status.accept(on ? "Remote audio on" : "Remote audio off");
    }

    /** A connection is in use (before it starts reading). */
    public void connected(RfbClient c) {
        stopped();
        client = c;
    }

    /** The server acknowledged -259 (reader thread): start now if the user wants sound. */
    public void offered(RfbClient c) {
        client = c;
        if (enabled) {
            c.setAudio(true, S16, CHANNELS, RATE);
        }
    }

    /** A server audio message (reader thread). */
    public void received(QemuAudioData message) {
        switch (message.operation()) {
            case QemuAudioData.BEGIN -> {
                streaming = true;
                sink.begin(FORMAT);
            }
            case QemuAudioData.END -> stopped();
            case QemuAudioData.DATA -> {
                if (enabled) {
                    bytes += message.samples().length;
                    sink.samples(message.samples());
                }
            }
            default -> { }
        }
    }

    /** The connection is gone. */
    public void disconnected() {
        client = null;
        stopped();
    }

    /** Sample bytes passed to the sink so far. */
    public long bytesPlayed() {
        return bytes;
    }

    public boolean isStreaming() {
        return streaming;
    }

    private void stopped() {
        if (streaming) {
            streaming = false;
            sink.end();
        }
    }
}
