package io.vncstream.viewer.ui;

import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;

import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.TransferHandler;
import java.awt.Point;
import java.awt.datatransfer.DataFlavor;
import java.io.File;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** terminal-panel's log drag handle, used from a console tab of the window: a real drag and drop. */
class ConsoleLogDragGuiTest extends DemoWindowTestBase {
    @Test
    void draggingTheLogHandleOfAConsoleTabDropsThePlainTextLog() throws Exception {
        ConsoleTab serial = openConsole("serial0");
        typeLine("echo dragged-" + "log");
        await(() -> consoleText(serial).lines().anyMatch(l -> l.equals("dragged-log")), "the output is shown");

        AtomicReference<String> dropped = new AtomicReference<>();
        JFrame target = GuiActionRunner.execute(() -> dropTarget(dropped));
        JLabel drop = (JLabel) target.getContentPane();
        try {
            JComponent handle = (JComponent) window.label("logDragHandle").target();
            awaitSettled(handle);
            awaitSettled(drop);
            Point from = GuiActionRunner.execute(() -> centre(handle));
            Point to = GuiActionRunner.execute(() -> centre(drop));
            robot.pressMouse(from, org.assertj.swing.core.MouseButton.LEFT_BUTTON);
            for (int i = 1; i <= 20; i++) {
                robot.moveMouse(new Point(from.x + (to.x - from.x) * i / 20, from.y + (to.y - from.y) * i / 20));
                Thread.sleep(30);
            }
            robot.releaseMouse(org.assertj.swing.core.MouseButton.LEFT_BUTTON);
            await(() -> dropped.get() != null, "a file was dropped");
            assertThat(dropped.get()).contains("$ echo dragged-log\n").contains("\ndragged-log\n")
                    .doesNotContain("\u001b").doesNotContain("\r");
        } finally {
            GuiActionRunner.execute(target::dispose);
        }
    }

    private static Point centre(JComponent c) {
        Point p = c.getLocationOnScreen();
        return new Point(p.x + c.getWidth() / 2, p.y + c.getHeight() / 2);
    }

    /** An undecorated window beside the viewer that accepts dropped files, like a file manager. */
    private JFrame dropTarget(AtomicReference<String> dropped) {
        JFrame f = new JFrame("drop here");
        f.setUndecorated(true);
        JLabel label = new JLabel("drop here");
        label.setName("dropTarget");
        label.setTransferHandler(new TransferHandler() {
            @Override
            public boolean canImport(TransferSupport support) {
                return support.isDataFlavorSupported(DataFlavor.javaFileListFlavor);
            }

            @Override
            public boolean importData(TransferSupport support) {
                try {
                    @SuppressWarnings("unchecked")
                    List<File> files = (List<File>) support.getTransferable().getTransferData(DataFlavor.javaFileListFlavor);
                    dropped.set(Files.readString(files.get(0).toPath()));
                    return true;
                } catch (Exception e) {
                    return false;
                }
            }
        });
        f.setContentPane(label);
        java.awt.Rectangle v = viewer.getBounds();
        f.setBounds(v.x + v.width + 10 > 1400 ? 0 : v.x + v.width + 10, v.y, 200, 150);
        f.setVisible(true);
        return f;
    }
}
