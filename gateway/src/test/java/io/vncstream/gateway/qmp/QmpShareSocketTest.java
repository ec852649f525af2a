package io.vncstream.gateway.qmp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --qmp-share PATH}'s socket file: owner-only, a dead one replaced, a live one (another gateway's) left alone. */
class QmpShareSocketTest {
    @TempDir
    Path dir;

    @Test
    void aLiveShareIsNotTakenOverAndADeadOneIsReplaced() throws Exception {
        Path path = dir.resolve("qmp-share.sock");
        ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        dead.bind(UnixDomainSocketAddress.of(path));
        dead.close();
        try (QmpShare first = QmpShare.listen(path)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
            assertThatThrownBy(() -> QmpShare.listen(path)).isInstanceOf(IOException.class)
                    .hasMessage("--qmp-share " + path + ": in use (something accepts connections there: another gateway?)");
            assertThat(path).exists();
        }
        assertThat(path).as("the share's socket goes with it").doesNotExist();
    }
}
