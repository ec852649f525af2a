package io.vncstream.terminal.swing;

import org.assertj.swing.core.ComponentDragAndDrop;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;

import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTabbedPane;
import javax.swing.TransferHandler;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.datatransfer.Clipboard;
import java.awt.datatransfer.DataFlavor;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The log drag on a host's tab strip ({@link TerminalTabs}), as viewer-app uses it. */
class TabLogDragGuiTest extends GuiTestBase {
    /** The same with the scrolling tab layout, where the look and feel draws the tabs in a child. */
    static class ScrollLayout extends TabLogDragGuiTest {
        @Override
        int tabLayoutPolicy() {
            return JTabbedPane.SCROLL_TAB_LAYOUT;
        }
    }

    private static final String RAW = "\u001b[1;32mboot\u001b[0m: ok\r\nlogin: \u001b[7mroot\u001b[0m\r\n";
    private static final String STRIPPED = "boot: ok\nlogin: root\n";

    private JTabbedPane tabs;
    private JLabel dropTarget;
    /** Files dropped on {@link #dropTarget}, as a file manager would receive them. */
    private final List<File> dropped = new CopyOnWriteArrayList<>();

    @Override
    JComponent content(TerminalView view) {
        tabs = new JTabbedPane(JTabbedPane.TOP, tabLayoutPolicy());
        tabs.setName("tabs");
        tabs.addTab("ttyS0", view);
        tabs.addTab("not a terminal", new JLabel("nothing here"));
        // A host's own tab component (say, a title with a status icon), as viewer-app may use.
        tabs.setTabComponentAt(0, new JLabel("ttyS0 \u25cf"));
        TerminalTabs.installLogDrag(tabs);
        dropTarget = new JLabel("drop files here");
        dropTarget.setPreferredSize(new Dimension(300, 60));
        dropTarget.setTransferHandler(new TransferHandler() {
            @Override
            public boolean canImport(TransferSupport support) {
                return support.isDataFlavorSupported(DataFlavor.javaFileListFlavor);
            }

            @Override
            @SuppressWarnings("unchecked")
            public boolean importData(TransferSupport support) {
                try {
                    dropped.addAll((List<File>) support.getTransferable().getTransferData(DataFlavor.javaFileListFlavor));
                    return true;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        JPanel content = new JPanel(new BorderLayout());
        content.add(tabs, BorderLayout.CENTER);
        content.add(dropTarget, BorderLayout.SOUTH);
        return content;
    }

    int tabLayoutPolicy() {
        return JTabbedPane.WRAP_TAB_LAYOUT;
    }

    @Test
    void exportingThroughTheTabStripGivesTheSelectedTerminalsLogAsAFile() throws Exception {
        feedAndSettle(RAW);
        Clipboard target = new Clipboard("test");
        GuiActionRunner.execute(() -> tabs.getTransferHandler().exportToClipboard(tabs, target, TransferHandler.COPY));
        @SuppressWarnings("unchecked")
        List<File> files = (List<File>) target.getContents(null).getTransferData(DataFlavor.javaFileListFlavor);
        assertThat(files).hasSize(1);
        assertThat(files.get(0).getName()).isEqualTo("ttyS0-20260304-050607.log");
        assertThat(Files.readString(files.get(0).toPath())).isEqualTo(STRIPPED);
        assertThat(TerminalTabs.viewIn(tabs.getComponentAt(1))).isNull();
    }

    @Test
    void clicksStillSelectTabsAndOnlyATerminalsTabDragsALog() {
        robot.click(tabs, centreOfTab(1));
        awaitEdt(() -> tabs.getSelectedIndex() == 1, "the second tab is selected");
        // Dragging the tab that holds no terminal starts no drag: nothing is dropped.
        ComponentDragAndDrop dnd = new ComponentDragAndDrop(robot);
        dnd.drag(tabs, centreOfTab(1));
        dnd.drop(dropTarget, GuiActionRunner.execute(
                () -> new Point(dropTarget.getWidth() / 2, dropTarget.getHeight() / 2)));
        robot.waitForIdle();
        assertThat(dropped).isEmpty();
        robot.click(tabs, centreOfTab(0));
        awaitEdt(() -> tabs.getSelectedIndex() == 0, "the terminal's tab is selected again");
    }

    private Point centreOfTab(int index) {
        Rectangle tab = GuiActionRunner.execute(() -> tabs.getBoundsAt(index));
        return new Point(tab.x + tab.width / 2, tab.y + tab.height / 2);
    }

    @Test
    void droppingAFileOnTheTerminalsTabTypesItIntoTheTerminal() throws Exception {
        Path file = logDir.resolve("cmd.txt");
        Files.writeString(file, "uptime\n");
        boolean imported = GuiActionRunner.execute(() -> tabs.getTransferHandler().importData(
                new TransferHandler.TransferSupport(tabs, LogGuiTest.fileList(file))));
        assertThat(imported).isTrue();
        assertThat(new String(sentBytes(), StandardCharsets.UTF_8)).isEqualTo("uptime\r");
    }

    @Test
    void draggingTheTabWithTheMouseDropsTheLogFileOnAFileTarget() throws Exception {
        feedAndSettle(RAW);
        Point tabCentre = centreOfTab(0);
        Point targetCentre = GuiActionRunner.execute(
                () -> new Point(dropTarget.getWidth() / 2, dropTarget.getHeight() / 2));
        ComponentDragAndDrop dnd = new ComponentDragAndDrop(robot);
        dnd.drag(tabs, tabCentre);
        dnd.drop(dropTarget, targetCentre);
        awaitEdt(() -> !dropped.isEmpty(), "the log file was dropped on the target");
        assertThat(dropped).hasSize(1);
        assertThat(dropped.get(0).getName()).isEqualTo("ttyS0-20260304-050607.log");
        assertThat(Files.readString(dropped.get(0).toPath())).isEqualTo(STRIPPED);
        // A drag is not a click: the terminal's tab is still the one showing.
        assertThat(GuiActionRunner.execute(() -> tabs.getSelectedIndex())).isZero();
    }
}
