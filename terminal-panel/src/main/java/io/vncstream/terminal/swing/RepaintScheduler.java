package io.vncstream.terminal.swing;

import javax.swing.SwingUtilities;
import javax.swing.Timer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Coalesces the emulator's change signals into at most one refresh per frame (~16 ms): a burst
 * of output, thousands of changes, costs one repaint, and an idle terminal costs nothing.
 */
final class RepaintScheduler {
    static final int FRAME_MILLIS = 16;

    private final AtomicBoolean pending = new AtomicBoolean();
    private final Timer frame;
    private int frames;

    /** @param refresh run on the event thread, once per frame with changes */
    RepaintScheduler(Runnable refresh) {
        frame = new Timer(FRAME_MILLIS, e -> {
            pending.set(false);
            frames++;
            refresh.run();
        });
        frame.setRepeats(false);
    }

    /** Any thread: something changed. Cheap when a frame is already pending. */
    void changed() {
        if (pending.compareAndSet(false, true)) {
            SwingUtilities.invokeLater(() -> {
                if (!frame.isRunning()) {
                    frame.start();
                }
            });
        }
    }

    /** Frames refreshed so far; event thread. */
    int frames() {
        return frames;
    }

    void stop() {
        frame.stop();
    }
}
