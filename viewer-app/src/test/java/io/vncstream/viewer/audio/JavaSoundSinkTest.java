package io.vncstream.viewer.audio;

import org.junit.jupiter.api.Test;

import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.SourceDataLine;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real sink on this machine: with an output line it plays (and says nothing); without one
 * (a container without a sound card) it says so once, in one line, and drops the samples, never
 * throwing into the connection's reader.
 */
class JavaSoundSinkTest {
    @Test
    void playsOrSaysOnceThatThereIsNoSoundOutput() {
        List<String> status = new CopyOnWriteArrayList<>();
        JavaSoundSink sink = new JavaSoundSink(status::add);
        boolean line = AudioSystem.isLineSupported(new DataLine.Info(SourceDataLine.class, RemoteAudio.FORMAT));
        for (int i = 0; i < 3; i++) {
            sink.begin(RemoteAudio.FORMAT);
            sink.samples(new byte[4096]);
            sink.samples(new byte[JavaSoundSink.MAX_QUEUED + 1]); // beyond the bound: dropped
            sink.end();
        }
        if (line) {
            assertThat(status).isEmpty();
        } else {
            assertThat(status).hasSize(1);
            assertThat(status.get(0)).startsWith("No sound output here (").endsWith("): the remote machine's sound is not played")
                    .doesNotContain("\n");
        }
    }
}
