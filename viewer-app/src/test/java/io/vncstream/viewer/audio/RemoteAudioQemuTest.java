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
 * The PC speaker, which needs no driver, gives real samples (the second test).
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

    /**
     * Real sound without a guest sound driver: QEMU's PC speaker on the audiodev, switched on
     * by a tiny program written into the VM (iopl, then PIT channel 2 at about 1 kHz and the
     * speaker gate on port 0x61). QEMU begins the stream and sends samples, which reach the sink
     * in the format the viewer asked for: whole stereo 16-bit frames of a square wave.
     */
    @Test
    void thePcSpeakersToneArrivesAsSamplesInTheAskedFormat() throws Exception {
        try (TinyVm vm = TinyVm.boot("", List.of("-audiodev", "none,id=snd0", "-machine", "pcspk-audiodev=snd0"))) {
            StringBuilder printf = new StringBuilder("printf '");
            for (byte b : beepProgram()) {
                printf.append(String.format("\\%03o", b & 0xFF));
            }
            vm.run(printf.append("' > /bin/beep && chmod +x /bin/beep").toString(), Duration.ofSeconds(20));
            Recording sink = new Recording();
            RemoteAudio audio = new RemoteAudio(sink, s -> { });
            audio.setEnabled(true);
            AtomicReference<RfbClient> ref = new AtomicReference<>();
            List<byte[]> chunks = new CopyOnWriteArrayList<>();
            try (RfbClient client = RfbClient.connect(ServerAddress.parse(vm.vncAddress()),
                    new ConnectionSettings().toClientConfig(), new RfbClientHandler() {
                        @Override
                        public void audioSupported() {
                            audio.offered(ref.get());
                        }

                        @Override
                        public void qemuAudio(QemuAudioData message) {
                            if (message.operation() == QemuAudioData.DATA && chunks.size() < 50) {
                                chunks.add(message.samples());
                            }
                            audio.received(message);
                        }
                    })) {
                ref.set(client);
                audio.connected(client);
                client.start();
                Eventually.await(Duration.ofSeconds(10), "QEMU acknowledges audio", client::supportsAudio);
                Thread.sleep(500);
                String out = vm.run("/bin/beep; echo beep=$?", Duration.ofSeconds(10));
                assertThat(out).contains("beep=0");
                Eventually.await(Duration.ofSeconds(10), "the speaker's samples", () -> sink.bytes.get() > 44100);
                assertThat(sink.formats).isNotEmpty().allMatch(f -> f.matches(RemoteAudio.FORMAT));
                assertThat(chunks).allMatch(c -> c.length % 4 == 0);
                // Read as the asked format (16-bit little-endian stereo at 44.1 kHz) it is the
                // speaker's 1000 Hz tone, the same on both channels (the speaker is mono).
                java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
                chunks.forEach(all::writeBytes);
                java.nio.ShortBuffer samples = java.nio.ByteBuffer.wrap(all.toByteArray()).order(java.nio.ByteOrder.LITTLE_ENDIAN).asShortBuffer();
                int frames = samples.remaining() / 2;
                int crossings = 0;
                int min = 0;
                int max = 0;
                int previous = 0;
                for (int i = 0; i < frames; i++) {
                    short left = samples.get(2 * i);
                    assertThat(samples.get(2 * i + 1)).as("right channel at frame " + i).isEqualTo(left);
                    min = Math.min(min, left);
                    max = Math.max(max, left);
                    if (i > 0 && (previous < 0) != (left < 0)) {
                        crossings++;
                    }
                    previous = left;
                }
                double hertz = crossings / 2.0 / (frames / (double) RemoteAudio.RATE);
                System.out.printf("RemoteAudioQemuTest: %d sample bytes, %d frames analysed, %.1f Hz, %d..%d%n",
                        sink.bytes.get(), frames, hertz, min, max);
                assertThat(min).as("the tone's trough").isLessThan(-10000);
                assertThat(max).as("the tone's crest").isGreaterThan(10000);
                assertThat(hertz).as("the tone's frequency over " + frames + " frames").isBetween(900.0, 1100.0);
            }
        }
    }

    /** A 159-byte static x86-64 program: iopl(3), PIT channel 2 square wave at 1193182/1193 Hz, speaker on, exit(0). */
    static byte[] beepProgram() {
        byte[] code = java.util.HexFormat.of().parseHex("bf03000000" + "b8ac000000" + "0f05" // iopl(3)
                + "b0b6" + "e643" // PIT: channel 2, lobyte/hibyte, square wave
                + "b0a9" + "e642" + "b004" + "e642" // divisor 0x04a9
                + "e461" + "0c03" + "e661" // gate and speaker on
                + "b83c000000" + "31ff" + "0f05"); // exit(0)
        int size = 120 + code.length;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(size).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[]{0x7f, 'E', 'L', 'F', 2, 1, 1, 0}).put(new byte[8]);
        b.putShort((short) 2).putShort((short) 0x3e).putInt(1).putLong(0x400078).putLong(64).putLong(0).putInt(0)
                .putShort((short) 64).putShort((short) 56).putShort((short) 1).putShort((short) 0).putShort((short) 0).putShort((short) 0);
        b.putInt(1).putInt(5).putLong(0).putLong(0x400000).putLong(0x400000).putLong(size).putLong(size).putLong(0x1000);
        b.put(code);
        return b.array();
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
