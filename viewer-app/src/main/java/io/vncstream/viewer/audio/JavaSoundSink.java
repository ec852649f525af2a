package io.vncstream.viewer.audio;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Plays the remote machine's sound on the default Java Sound output line. Samples are queued
 * (at most {@link #MAX_QUEUED} bytes, about a second of CD-quality stereo: more is dropped
 * rather than letting the sound lag further behind) and written by a thread of its own, so the
 * connection's reader never waits for the sound card. Without an output line (no sound card, a
 * headless machine) the user is told so once, in one line, and the samples are dropped.
 */
public final class JavaSoundSink implements AudioSink {
    static final int MAX_QUEUED = 256 * 1024;

    private final Consumer<String> status;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private int queued;
    private AudioFormat format;
    private SourceDataLine line;
    private boolean toldNoLine;
    private long generation;

    public JavaSoundSink(Consumer<String> status) {
        this.status = status;
    }

    @Override
    public void begin(AudioFormat wanted) {
        synchronized (this) {
            if (line != null && wanted.matches(format)) {
                return;
            }
        }
        end();
        // Java Sound is opened and closed outside this sink's lock: samples() never waits for it.
        SourceDataLine l;
        try {
            l = AudioSystem.getSourceDataLine(wanted);
            l.open(wanted, bufferBytes(wanted));
            l.start();
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            boolean tell;
            synchronized (this) {
                tell = !toldNoLine;
                toldNoLine = true;
            }
            if (tell) {
                status.accept("No sound output here (" + e.getMessage() + "): the remote machine's sound is not played");
            }
            return;
        }
        synchronized (this) {
            line = l;
            format = wanted;
            long g = ++generation;
            Thread writer = new Thread(() -> writeLoop(l, g), "audio-writer");
            writer.setDaemon(true);
            writer.start();
        }
    }

    @Override
    public synchronized void samples(byte[] data) {
        if (line == null || data.length == 0) {
            return;
        }
        if (queued + data.length > MAX_QUEUED) {
            return; // the sound card is behind: drop, do not let the delay grow
        }
        queue.add(data);
        queued += data.length;
        notifyAll();
    }

    @Override
    public void end() {
        SourceDataLine old;
        synchronized (this) {
            old = line;
            if (old == null) {
                return;
            }
            generation++;
            line = null;
            format = null;
            queue.clear();
            queued = 0;
            notifyAll();
        }
        old.close(); // a write blocked in the writer thread returns
    }

    private void writeLoop(SourceDataLine l, long g) {
        while (true) {
            byte[] next;
            synchronized (this) {
                while (generation == g && queue.isEmpty()) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (generation != g) {
                    return;
                }
                next = queue.poll();
                queued -= next.length;
            }
            l.write(next, 0, next.length); // outside the lock: it blocks while the card plays
        }
    }

    /** A quarter of a second of sound in the line's own buffer. */
    private static int bufferBytes(AudioFormat f) {
        int frame = Math.max(1, f.getFrameSize());
        return Math.max(frame, (int) (f.getFrameRate() / 4) * frame);
    }
}
