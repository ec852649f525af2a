package io.vncstream.viewer.ui;

import io.vncstream.viewer.audio.JavaSoundSink;
import io.vncstream.viewer.audio.RemoteAudio;
import io.vncstream.viewer.connect.ConnectionSettings;
import io.vncstream.viewer.screen.LockKeys;
import io.vncstream.viewer.screen.RemoteResize;
import io.vncstream.viewer.screen.RemoteScreen;
import io.vncstream.viewer.screen.Scaling;

import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;
import java.util.function.Consumer;

/**
 * What the user sets about one window's remote screen, as TigerVNC's options do: view only,
 * scaling, the remote desktop following the window, QEMU's audio; and the lock keys kept in step
 * with the server's. Each choice is kept in the window's settings, so a reconnection keeps it.
 */
final class ScreenControls {
    private final ConnectionSettings settings;
    private final RemoteScreen screen;
    private final JScrollPane scroll;
    private final Consumer<String> status;
    private final Consumer<Boolean> rememberAudio;
    private final Runnable changed;
    private final RemoteResize remoteResize;
    private final LockKeys lockKeys;
    private final RemoteAudio audio;

    /**
     * {@code status} shows a line in the status bar (event thread); {@code changed} brings the
     * window's actions up to date after a change.
     */
    ScreenControls(ConnectionSettings settings, RemoteScreen screen, JScrollPane scroll, Consumer<String> status,
                   Consumer<Boolean> rememberAudio, Runnable changed) {
        this.settings = settings;
        this.screen = screen;
        this.scroll = scroll;
        this.status = status;
        this.rememberAudio = rememberAudio;
        this.changed = changed;
        Consumer<String> statusLater = text -> SwingUtilities.invokeLater(() -> status.accept(text));
        this.remoteResize = new RemoteResize(scroll.getViewport(), status);
        this.lockKeys = new LockKeys(java.awt.Toolkit.getDefaultToolkit(), status);
        this.audio = new RemoteAudio(new JavaSoundSink(statusLater), statusLater);
        screen.setScaling(settings.scaling);
        remoteResize.setEnabled(settings.remoteResize);
        audio.setEnabled(settings.audio);
        screen.setViewOnly(settings.viewOnly);
    }

    void setViewOnly(boolean on) {
        screen.setViewOnly(on);
        settings.viewOnly = on;
        status.accept(on ? "View only: keyboard and mouse are not sent" : "Keyboard and mouse go to the remote desktop");
        changed.run();
    }

    LockKeys lockKeys() {
        return lockKeys;
    }

    /** QEMU's audio for this window's connections. */
    RemoteAudio audio() {
        return audio;
    }

    /** "Play remote audio": QEMU's sound through Java Sound (a setting, off by default). */
    void setAudio(boolean on) {
        settings.audio = on;
        rememberAudio.accept(on);
        audio.setEnabled(on);
        changed.run();
    }

    RemoteResize remoteResize() {
        return remoteResize;
    }

    /** "Resize remote session to the window": the remote desktop follows the window (shown 1:1). */
    void setRemoteResize(boolean on) {
        settings.remoteResize = on;
        if (on) {
            setScaling(Scaling.NATIVE);
        }
        remoteResize.setEnabled(on);
        changed.run();
    }

    void setScaling(Scaling s) {
        settings.scaling = s;
        screen.setScaling(s);
        scroll.revalidate();
        scroll.repaint();
        changed.run();
    }
}
