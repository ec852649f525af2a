package io.vncstream.rfb.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's hand-built updates must be what they claim, or it measures the wrong thing:
 * each lossless one decodes to exactly its expected frame, JPEG to within JPEG's error. This also
 * checks the Tight filters and Zlib against an encoder written apart from the decoders.
 */
class BuiltWorkloadsTest {
    private static final int W = 300;
    private static final int H = 200;

    /** Flat blocks, smooth gradients, noise and a few text-like two-colour strokes: all the cases. */
    private static int[] frame() {
        Random random = new Random(42);
        int[] f = new int[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int argb;
                if (x < 100) {
                    argb = (y / 40) % 2 == 0 ? 0xFF3366CC : 0xFFF0E040;
                } else if (x < 200) {
                    argb = 0xFF000000 | (x * 255 / W) << 16 | (y * 255 / H) << 8 | ((x + y) & 0xFF);
                } else {
                    argb = 0xFF000000 | random.nextInt(1 << 24);
                }
                if (y % 17 < 2 && x % 7 < 4) {
                    argb = 0xFFFFFFFF;
                }
                f[y * W + x] = argb;
            }
        }
        return f;
    }

    @Test
    void everyBuiltWorkloadDecodesToItsExpectedFrame() throws Exception {
        int[] frame = frame();
        List<Workload> all = BuiltWorkloads.from("test", frame, W, H);
        assertThat(all).extracting(Workload::name).containsExactly("test.built-copyrect", "test.built-zlib",
                "test.built-tight-fill", "test.built-tight-mono", "test.built-tight-palette16",
                "test.built-tight-gradient", "test.built-tight-basic", "test.built-tight-jpeg");
        for (Workload w : all) {
            int[] decoded = w.decodeOnce();
            assertThat(w.pixels()).as(w.name() + " covers the frame").isEqualTo((long) W * H);
            if (w.expected() != null) {
                assertThat(decoded).as(w.name()).isEqualTo(w.expected());
            }
        }
        assertThat(byName(all, "test.built-zlib").expected()).isEqualTo(frame);
        assertThat(byName(all, "test.built-tight-gradient").expected()).isEqualTo(frame);
        assertThat(byName(all, "test.built-tight-basic").expected()).isEqualTo(frame);
    }

    @Test
    void jpegIsCloseOutsideTheNoise() throws Exception {
        int[] frame = frame();
        int[] decoded = byName(BuiltWorkloads.from("test", frame, W, H), "test.built-tight-jpeg").decodeOnce();
        long error = 0;
        long samples = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < 200; x++) {
                for (int shift = 0; shift <= 16; shift += 8) {
                    error += Math.abs(((frame[y * W + x] >>> shift) & 0xFF) - ((decoded[y * W + x] >>> shift) & 0xFF));
                    samples++;
                }
            }
        }
        assertThat((double) error / samples).as("mean error per channel").isLessThan(8.0);
    }

    @Test
    void scrollCopiesTheScreenUpSixteenRows() throws Exception {
        Workload scroll = byName(BuiltWorkloads.from("test", frame(), W, H), "test.built-copyrect");
        io.vncstream.rfb.framebuffer.Framebuffer fb = new io.vncstream.rfb.framebuffer.Framebuffer(W, H);
        int[] frame = frame();
        fb.setPixels(0, 0, W, H, frame, 0, W);
        new UpdateReplay().decode(scroll.update(), fb);
        for (int y = 0; y < H - 16; y++) {
            for (int x = 0; x < W; x++) {
                assertThat(fb.pixel(x, y)).isEqualTo(frame[(y + 16) * W + x]);
            }
        }
    }

    private static Workload byName(List<Workload> all, String name) {
        return all.stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
    }
}
