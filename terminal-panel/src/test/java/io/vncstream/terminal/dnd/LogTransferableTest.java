package io.vncstream.terminal.dnd;

import io.vncstream.terminal.TerminalSession;
import io.vncstream.terminal.TestSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.vncstream.terminal.TestSessions.feed;
import static io.vncstream.terminal.TestSessions.settle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The session's log as a drag source, without any component (what a host's tab uses). */
class LogTransferableTest {
    @TempDir
    Path logDir;

    @Test
    void theSessionsLogTransferableIsANamedPlainTextFileAndTheSameText() throws Exception {
        try (TerminalSession session = TestSessions.create(logDir, 40, 5)) {
            session.attach(bytes -> { });
            feed(session, "\u001b[1mBoot\u001b[0m ok\r\nprompt$ ls\b\bcd\r\n");
            session.send("cd\r".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            settle(session);
            Transferable log = session.logTransferable();
            assertThat(log.getTransferDataFlavors())
                    .startsWith(DataFlavor.javaFileListFlavor, DataFlavor.stringFlavor);
            @SuppressWarnings("unchecked")
            List<File> files = (List<File>) log.getTransferData(DataFlavor.javaFileListFlavor);
            assertThat(files).hasSize(1);
            assertThat(files.get(0).getName()).isEqualTo("ttyS0-20260304-050607.log");
            // Escape sequences gone, backspaces applied; the sent input is not in the plain log.
            assertThat(Files.readString(files.get(0).toPath())).isEqualTo("Boot ok\nprompt$ cd\n");
            assertThat(log.getTransferData(DataFlavor.stringFlavor)).isEqualTo("Boot ok\nprompt$ cd\n");
            // A drop asks more than once: the same file, written once.
            assertThat(log.getTransferData(DataFlavor.javaFileListFlavor)).isEqualTo(files);
            assertThat(log.getTransferData(LogTransferable.TERMINAL_LOG_FLAVOR)).isEqualTo("ttyS0");
        }
    }

    @Test
    void eachDragGetsAFreshFileWithTheLogAsItIsThen() throws Exception {
        try (TerminalSession session = TestSessions.create(logDir, 40, 5)) {
            session.attach(bytes -> { });
            feed(session, "one\r\n");
            settle(session);
            File first = fileOf(session.logTransferable());
            feed(session, "two\r\n");
            settle(session);
            File second = fileOf(session.logTransferable());
            assertThat(second).isNotEqualTo(first);
            assertThat(Files.readString(first.toPath())).isEqualTo("one\n");
            assertThat(Files.readString(second.toPath())).isEqualTo("one\ntwo\n");
        }
    }

    @Test
    void aLogTooLargeForOneStringIsOfferedAsAFileOnly() throws Exception {
        try (TerminalSession session = TestSessions.create(logDir, 40, 5)) {
            session.attach(bytes -> { });
            feed(session, "0123456789\r\n");
            settle(session);
            Transferable small = new LogTransferable(session.sessionLog(), TestSessions.FIXED_CLOCK, 12);
            assertThat(small.isDataFlavorSupported(DataFlavor.stringFlavor)).isTrue();
            Transferable large = new LogTransferable(session.sessionLog(), TestSessions.FIXED_CLOCK, 11);
            assertThat(large.getTransferDataFlavors()).doesNotContain(DataFlavor.stringFlavor);
            assertThatThrownBy(() -> large.getTransferData(DataFlavor.stringFlavor))
                    .isInstanceOf(UnsupportedFlavorException.class);
            assertThat(Files.readString(fileOf(large).toPath())).isEqualTo("0123456789\n");
        }
    }

    @SuppressWarnings("unchecked")
    private static File fileOf(Transferable transferable) throws Exception {
        return ((List<File>) transferable.getTransferData(DataFlavor.javaFileListFlavor)).get(0);
    }
}
