package io.vncstream.rfb.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PpmTest {
    @TempDir
    Path dir;

    private Path write(String header, int... bytes) throws IOException {
        byte[] head = header.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + bytes.length];
        System.arraycopy(head, 0, all, 0, head.length);
        for (int i = 0; i < bytes.length; i++) {
            all[head.length + i] = (byte) bytes[i];
        }
        Path p = dir.resolve("x.ppm");
        Files.write(p, all);
        return p;
    }

    @Test
    void readsPixelsInRowOrderWithAComment() throws Exception {
        BufferedImage image = Ppm.read(write("P6\n# from QEMU\n2 2\n255\n",
                0xFF, 0, 0, 0, 0xFF, 0, 0, 0, 0xFF, 0x12, 0x34, 0x56));
        assertThat(image.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(image.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0x00FF00);
        assertThat(image.getRGB(0, 1) & 0xFFFFFF).isEqualTo(0x0000FF);
        assertThat(image.getRGB(1, 1) & 0xFFFFFF).isEqualTo(0x123456);
    }

    @Test
    void badHeadersAndShortDataAreNamed() throws Exception {
        assertThatThrownBy(() -> Ppm.read(write("P3\n1 1\n255\n", 1, 2, 3))).hasMessageContaining("not a binary PPM");
        assertThatThrownBy(() -> Ppm.read(write("P6\nx 1\n255\n", 1, 2, 3))).hasMessageContaining("width 'x'");
        assertThatThrownBy(() -> Ppm.read(write("P6\n99999 1\n255\n", 1, 2, 3))).hasMessageContaining("width 99999 outside");
        assertThatThrownBy(() -> Ppm.read(write("P6\n1 1\n65535\n", 1, 2, 3))).hasMessageContaining("maxval 65535");
        assertThatThrownBy(() -> Ppm.read(write("P6\n2 1\n255\n", 1, 2, 3))).hasMessageContaining("3 bytes of pixels, expected 6");
    }
}
