package io.vncstream.terminal.swing;


import io.vncstream.terminal.log.LogExport;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.Test;

import javax.swing.JDialog;
import javax.swing.SwingUtilities;
import javax.swing.TransferHandler;
import java.awt.datatransfer.Clipboard;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.StringSelection;
import java.awt.datatransfer.Transferable;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LogGuiTest extends GuiTestBase {
    private static final String RAW = "\u001b[1;32mboot\u001b[0m: ok\r\n"
            + "\u001b]0;title\u0007progress 10%\rprogress 100%\r\n"
            + "\u001b[31merror\u001b[0m \u001b[Kdone\r\n";
    private static final String STRIPPED = "boot: ok\nprogress 100%\nerror done\n";

    @Test
    void exportingThroughTheTransferHandlerGivesAFileWithTheStrippedLog() throws Exception {
        feedAndSettle(RAW);
        Clipboard target = new Clipboard("test");
        GuiActionRunner.execute(() -> panel.getTransferHandler().exportToClipboard(panel, target, TransferHandler.COPY));
        Transferable exported = target.getContents(null);
        assertThat(exported.isDataFlavorSupported(DataFlavor.javaFileListFlavor)).isTrue();
        @SuppressWarnings("unchecked")
        List<File> files = (List<File>) exported.getTransferData(DataFlavor.javaFileListFlavor);
        assertThat(files).hasSize(1);
        File file = files.get(0);
        assertThat(file).isFile();
        assertThat(file.getName()).isEqualTo("ttyS0-20260304-050607.log");
        assertThat(Files.readString(file.toPath())).isEqualTo(STRIPPED);
        assertThat(exported.getTransferData(DataFlavor.stringFlavor)).isEqualTo(STRIPPED);
        // The log file on disk still holds the raw bytes.
        assertThat(Files.readString(session.log())).isEqualTo(RAW);
    }

    @Test
    void theLogDragHandleExportsTheSameLog() throws Exception {
        feedAndSettle(RAW);
        Clipboard target = new Clipboard("test");
        javax.swing.JLabel handle = window.label("logDragHandle").target();
        GuiActionRunner.execute(() -> handle.getTransferHandler().exportToClipboard(handle, target, TransferHandler.COPY));
        @SuppressWarnings("unchecked")
        List<File> files = (List<File>) target.getContents(null).getTransferData(DataFlavor.javaFileListFlavor);
        assertThat(Files.readString(files.get(0).toPath())).isEqualTo(STRIPPED);
    }

    @Test
    void droppingShortTextSendsItWithoutAsking() {
        List<Long> asked = new ArrayList<>();
        GuiActionRunner.execute(() -> panel.setDropConfirmation((parent, text, lines) -> {
            asked.add(lines);
            return true;
        }));
        boolean imported = GuiActionRunner.execute(() -> panel.getTransferHandler().importData(
                new TransferHandler.TransferSupport(panel, new StringSelection("uname -a\n"))));
        assertThat(imported).isTrue();
        assertThat(asked).isEmpty();
        assertThat(new String(sentBytes(), StandardCharsets.UTF_8)).isEqualTo("uname -a\r");
    }

    @Test
    void droppingAFileOfMoreThanFiveLinesAsksFirst() throws Exception {
        Path file = logDir.resolve("commands.txt");
        Files.writeString(file, "1\n2\n3\n4\n5\n6\n");
        Transferable files = fileList(file);
        List<Long> asked = new ArrayList<>();
        GuiActionRunner.execute(() -> panel.setDropConfirmation((parent, text, lines) -> {
            asked.add(lines);
            return false;
        }));
        boolean declined = GuiActionRunner.execute(() -> panel.getTransferHandler().importData(
                new TransferHandler.TransferSupport(panel, files)));
        assertThat(declined).isFalse();
        assertThat(asked).containsExactly(6L);
        assertThat(sentBytes()).isEmpty();

        GuiActionRunner.execute(() -> panel.setDropConfirmation((parent, text, lines) -> true));
        boolean accepted = GuiActionRunner.execute(() -> panel.getTransferHandler().importData(
                new TransferHandler.TransferSupport(panel, files)));
        assertThat(accepted).isTrue();
        assertThat(new String(sentBytes(), StandardCharsets.UTF_8)).isEqualTo("1\r2\r3\r4\r5\r6\r");
    }

    @Test
    void theDefaultConfirmationIsADialogAndNoSendsNothing() throws Exception {
        // The question is a real JOptionPane dialog. Drawn by the look and feel (undecorated at
        // the window system), its position on screen is known at once: Xvfb has no window
        // manager, and a natively decorated dialog is placed by guessed insets that robot
        // clicks then miss.
        boolean wasDecorated = JDialog.isDefaultLookAndFeelDecorated();
        JDialog.setDefaultLookAndFeelDecorated(true);
        try {
            answerTheDefaultDialog();
        } finally {
            JDialog.setDefaultLookAndFeelDecorated(wasDecorated);
        }
    }

    private void answerTheDefaultDialog() throws Exception {
        Path file = logDir.resolve("script.sh");
        Files.writeString(file, "a\nb\nc\nd\ne\nf\ng\n");
        // The drop runs the modal dialog on the event thread, so it is started, not waited for.
        GuiActionRunner.execute(() -> SwingUtilities.invokeLater(() -> panel.getTransferHandler().importData(
                new TransferHandler.TransferSupport(panel, fileList(file)))));
        JOptionPaneFixture question = window.optionPane(Timeout.timeout(10_000));
        question.requireMessage("Send 7 lines to the device as input?");
        awaitSettled(question.noButton().target());
        question.noButton().click();
        // Under load the answered dialog can still be on screen when the next one opens.
        awaitEdt(() -> !question.target().isShowing(), "the answered question is gone");
        robot.waitForIdle();
        assertThat(sentBytes()).isEmpty();

        GuiActionRunner.execute(() -> SwingUtilities.invokeLater(() -> panel.getTransferHandler().importData(
                new TransferHandler.TransferSupport(panel, fileList(file)))));
        JOptionPaneFixture again = window.optionPane(Timeout.timeout(10_000));
        awaitSettled(again.yesButton().target());
        again.yesButton().click();
        awaitEdt(() -> sentBytes().length == 14, "the file was sent");
        assertThat(new String(sentBytes(), StandardCharsets.UTF_8)).isEqualTo("a\rb\rc\rd\re\rf\rg\r");
    }

    @Test
    void aTerminalLogIsNotTakenAsInputAndARefusedFileSaysWhy() throws Exception {
        feedAndSettle(RAW);
        GuiActionRunner.execute(() -> panel.setDropConfirmation((parent, text, lines) -> true));
        // Dragging the log handle over its own terminal: no drop there.
        Transferable log = session.logTransferable();
        boolean canDropLog = GuiActionRunner.execute(() -> panel.getTransferHandler().canImport(
                new TransferHandler.TransferSupport(panel, log)));
        assertThat(canDropLog).isFalse();
        boolean importedLog = GuiActionRunner.execute(() -> panel.getTransferHandler().importData(
                new TransferHandler.TransferSupport(panel, log)));
        assertThat(importedLog).isFalse();

        Path directory = Files.createDirectory(logDir.resolve("some-dir"));
        boolean importedDirectory = GuiActionRunner.execute(() -> panel.getTransferHandler().importData(
                new TransferHandler.TransferSupport(panel, fileList(directory))));
        assertThat(importedDirectory).isFalse();
        assertThat(GuiActionRunner.execute(() -> panel.hintText())).isEqualTo("Not sent: some-dir is not a regular file");
        assertThat(sentBytes()).isEmpty();
    }

    @Test
    void aDropWhileTheStreamIsDownIsNotSentAndSaysSo() throws Exception {
        session.streamEnded("gone");
        boolean imported = GuiActionRunner.execute(() -> panel.getTransferHandler().importData(
                new TransferHandler.TransferSupport(panel, new StringSelection("reboot\n"))));
        assertThat(imported).isFalse();
        assertThat(GuiActionRunner.execute(() -> panel.hintText())).isEqualTo("Not connected: input is not sent");
        assertThat(sentBytes()).isEmpty();
    }

    @Test
    void saveLogWritesPlainTextWithOptionalTimestamps() throws Exception {
        feedAndSettle(RAW);
        Path plain = logDir.resolve("saved.txt");
        Path stamped = logDir.resolve("stamped.txt");
        GuiActionRunner.execute(() -> SaveLogAction.save(panel, session, plain, false)).get(10, TimeUnit.SECONDS);
        GuiActionRunner.execute(() -> SaveLogAction.save(panel, session, stamped, true)).get(10, TimeUnit.SECONDS);
        assertThat(Files.readString(plain)).isEqualTo(STRIPPED);
        assertThat(Files.readAllLines(stamped)).hasSize(3)
                .allSatisfy(line -> assertThat(line).matches("\\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\] .*"));
        assertThat(Files.readString(stamped).replaceAll("\\[[^]]*\\] ", "")).isEqualTo(STRIPPED);
        assertThat(LogExport.strippedText(session.sessionLog())).isEqualTo(STRIPPED);
    }

    static Transferable fileList(Path file) {
        return new Transferable() {
            @Override
            public DataFlavor[] getTransferDataFlavors() {
                return new DataFlavor[] {DataFlavor.javaFileListFlavor};
            }

            @Override
            public boolean isDataFlavorSupported(DataFlavor flavor) {
                return DataFlavor.javaFileListFlavor.equals(flavor);
            }

            @Override
            public Object getTransferData(DataFlavor flavor) {
                return List.of(file.toFile());
            }
        };
    }

}
