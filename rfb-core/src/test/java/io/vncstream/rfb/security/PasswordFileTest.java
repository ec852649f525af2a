package io.vncstream.rfb.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordFileTest {
    @TempDir
    Path dir;

    @Test
    void aSevenCharacterPasswordAndItsNewlineIsTextThoughItIsEightBytes() throws Exception {
        Path f = Files.writeString(dir.resolve("pw"), "s3cret!\n", StandardCharsets.US_ASCII);
        assertThat(Files.size(f)).isEqualTo(8);
        assertThat(PasswordFile.read(f)).containsExactly("s3cret!".toCharArray());
    }

    @Test
    void aFourteenCharacterPasswordAndItsCrLfIsTextThoughItIsSixteenBytes() throws Exception {
        Path f = Files.writeString(dir.resolve("pw"), "fourteen-chars\r\n", StandardCharsets.US_ASCII);
        assertThat(Files.size(f)).isEqualTo(16);
        assertThat(PasswordFile.read(f)).containsExactly("fourteen-chars".toCharArray());
    }

    @Test
    void eightObfuscatedBytesAreAVncpasswdFile() throws Exception {
        Path f = Files.write(dir.resolve("passwd"), PasswordFile.obfuscate("s3cret!".toCharArray()));
        assertThat(PasswordFile.read(f)).containsExactly("s3cret!".toCharArray());
    }
}
