package io.vncstream.viewer.audio;

import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.rfb.client.ServerAddress;
import io.vncstream.rfb.message.QemuAudioData;
import io.vncstream.rfb.testing.Eventually;
import io.vncstream.rfb.testing.TinyVm;
import io.vncstream.viewer.connect.ConnectionSettings;
import org.junit.jupiter.api.Test;

import javax.sound.sampled.AudioFormat;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QEMU's audio with the viewer's configuration, the tiny VM with an AC97 card on a silent
 * audiodev: QEMU acknowledges -259; sound is off until the user turns it on, then QEMU reads
 * the viewer's format (signed 16-bit, stereo, 44.1 kHz: its trace shows what it parsed) and
 * enable; off sends disable. If the guest can play (a kernel with a sound driver and OSS
 * emulation), noise written to /dev/dsp arrives as samples in that format; the tiny VM's
 * cloud kernel has no sound driver, and then QEMU, with nothing playing, sends no audio at all.
 */
class RemoteAudioQemuTest {
    @Test
    void audioIsNegotiatedWithQemuAndStartsOnlyWhenTurnedOn() throws Exception {
        try (TinyVm vm = TinyVm.boot("", List.of("-audiodev", "none,id=snd0", "-device", "AC97,audiodev=snd0",
                "-trace", "vnc_msg_client_audio_enable", "-trace", "vnc_msg_client_audio_disable",
                "-trace", "vnc_msg_client_audio_format", "-trace", "vnc_msg_server_audio_begin",
                "-trace", "vnc_msg_server_audio_data"))) {
            boolean guestCanPlay = !vm.run("ls /dev/dsp", Duration.ofSeconds(10)).contains("No such file");
            Recording sink = new Recording();
            List<String> status = new CopyOnWriteArrayList<>();
            RemoteAudio audio = new RemoteAudio(sink, status::add);
            AtomicReference<RfbClient> ref = new AtomicReference<>();
            try (RfbClient client = RfbClient.connect(ServerAddress.parse(vm.vncAddress()),
                    new ConnectionSettings().toClientConfig(), new RfbClientHandler() {
                        @Override
                        public void audioSupported() {
                            audio.offered(ref.get());
                        }

                        @Override
                        public void qemuAudio(QemuAudioData message) {
                            audio.received(message);
                        }
                    })) {
                ref.set(client);
                audio.connected(client);
                client.start();
                Eventually.await(Duration.ofSeconds(10), "QEMU acknowledges audio", client::supportsAudio);
                Thread.sleep(500);
                assertThat(vm.log()).as("nothing asked while sound is off").doesNotContain("vnc_msg_client_audio");

                audio.setEnabled(true);
                assertThat(status).contains("Remote audio on");
                Eventually.await(Duration.ofSeconds(10), "QEMU enables the stream", () -> vm.log().contains("vnc_msg_client_audio_enable"));
                String format = vm.log().lines().filter(l -> l.contains("vnc_msg_client_audio_format")).findFirst().orElse("");
                assertThat(format).as("the format QEMU parsed").contains("fmt=3").contains("channels=2").contains("freq=44100");
                if (guestCanPlay) {
                    vm.run("head -c 200000 /dev/urandom > /dev/dsp", Duration.ofSeconds(30));
                    Eventually.await(Duration.ofSeconds(10), "samples from the guest", () -> sink.bytes.get() > 0);
                    assertThat(sink.formats).allMatch(f -> f.matches(RemoteAudio.FORMAT));
                } else {
                    Thread.sleep(2000);
                    assertThat(sink.bytes.get()).as("no samples: the guest has no sound driver").isZero();
                    assertThat(vm.log()).doesNotContain("vnc_msg_server_audio_data");
                }
                assertThat(client.isClosed()).as("QEMU kept the connection").isFalse();

                audio.setEnabled(false);
                Eventually.await(Duration.ofSeconds(10), "QEMU disables the stream", () -> vm.log().contains("vnc_msg_client_audio_disable"));
                assertThat(status).contains("Remote audio off");
                Thread.sleep(300);
                assertThat(client.isClosed()).isFalse();
            }
        }
    }

    /** The bytes and formats delivered, as a sound card would get them. */
    static final class Recording implements AudioSink {
        final List<AudioFormat> formats = new CopyOnWriteArrayList<>();
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong ends = new AtomicLong();

        @Override
        public void begin(AudioFormat format) {
            formats.add(format);
        }

        @Override
        public void samples(byte[] data) {
            bytes.addAndGet(data.length);
        }

        @Override
        public void end() {
            ends.incrementAndGet();
        }
    }
}
