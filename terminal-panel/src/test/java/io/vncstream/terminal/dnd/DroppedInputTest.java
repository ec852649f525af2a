package io.vncstream.terminal.dnd;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.datatransfer.StringSelection;
import java.io.File;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DroppedInputTest {
    @TempDir
    Path dir;

    @Test
    void filesAreSentAsTheirTextInOrder() throws Exception {
        File a = write("a.sh", "echo a\n");
        File b = write("b.sh", "echo \u00e9\n");
        DroppedInput.Outcome outcome = DroppedInput.files(List.of(a, b));
        assertThat(outcome.refused()).isFalse();
        assertThat(outcome.text()).isEqualTo("echo a\necho \u00e9\n");
    }

    @Test
    void droppedTextIsSentAsIs() throws Exception {
        assertThat(DroppedInput.read(new StringSelection("ls -l\n")).text()).isEqualTo("ls -l\n");
        assertThat(DroppedInput.read(new StringSelection("")).refusal())
                .isEqualTo("Not sent: the dropped text is empty");
        String large = "x".repeat((int) DroppedInput.MAX_DROP_BYTES + 1);
        assertThat(DroppedInput.read(new StringSelection(large)).refusal())
                .isEqualTo("Not sent: the dropped text is larger than 1024 KiB");
    }

    @Test
    void droppedTextIsMeasuredInUtf8BytesLikeFiles() throws Exception {
        // Fewer chars than the limit, but three bytes each: more than the limit in bytes.
        String euros = "\u20ac".repeat((int) (DroppedInput.MAX_DROP_BYTES / 2));
        assertThat(DroppedInput.read(new StringSelection(euros)).refusal())
                .isEqualTo("Not sent: the dropped text is larger than 1024 KiB");
        String justUnder = "\u20ac".repeat((int) (DroppedInput.MAX_DROP_BYTES / 3));
        assertThat(DroppedInput.read(new StringSelection(justUnder)).text()).isEqualTo(justUnder);
    }

    @Test
    void aDirectoryIsRefusedByName() throws Exception {
        File sub = Files.createDirectory(dir.resolve("photos")).toFile();
        assertThat(DroppedInput.files(List.of(write("a", "x\n"), sub)).refusal())
                .isEqualTo("Not sent: photos is not a regular file");
    }

    @Test
    void filesOverTheLimitAreRefusedBeforeBeingRead() throws Exception {
        File big = dir.resolve("disk.img").toFile();
        try (RandomAccessFile file = new RandomAccessFile(big, "rw")) {
            file.setLength(DroppedInput.MAX_DROP_BYTES + 1);
        }
        assertThat(DroppedInput.files(List.of(big)).refusal())
                .isEqualTo("Not sent: disk.img makes the drop larger than 1024 KiB");
        // Two files that are small alone but too large together.
        File half = write("half.txt", "x".repeat((int) (DroppedInput.MAX_DROP_BYTES / 2) + 1));
        File other = write("other.txt", "y".repeat((int) (DroppedInput.MAX_DROP_BYTES / 2) + 1));
        assertThat(DroppedInput.files(List.of(half, other)).refusal())
                .isEqualTo("Not sent: other.txt makes the drop larger than 1024 KiB");
    }

    @Test
    void binaryAndNonUtf8FilesAreRefused() throws Exception {
        File binary = dir.resolve("a.out").toFile();
        Files.write(binary.toPath(), new byte[] {0x7f, 'E', 'L', 'F', 0, 1});
        assertThat(DroppedInput.files(List.of(binary)).refusal()).isEqualTo("Not sent: a.out is not UTF-8 text");
        File latin1 = dir.resolve("latin1.txt").toFile();
        Files.write(latin1.toPath(), "caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(DroppedInput.files(List.of(latin1)).refusal()).isEqualTo("Not sent: latin1.txt is not UTF-8 text");
        assertThat(DroppedInput.files(List.of(write("empty", ""))).refusal())
                .isEqualTo("Not sent: the dropped file is empty");
    }

    private File write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file.toFile();
    }
}
