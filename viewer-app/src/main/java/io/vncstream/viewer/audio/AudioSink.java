package io.vncstream.viewer.audio;

import javax.sound.sampled.AudioFormat;

/**
 * Where the remote machine's sound goes: {@link JavaSoundSink} plays it, a test records it.
 * Called on the connection's reader thread: return at once.
 */
public interface AudioSink {
    /** The server's stream begins, in this format (the one the viewer asked for). */
    void begin(AudioFormat format);

    /** Samples in the format given to {@link #begin}. */
    void samples(byte[] data);

    /** The stream ended (the guest stopped playing, the user turned sound off, the connection went). */
    void end();
}
