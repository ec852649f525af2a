package io.vncstream.terminal.swing;

import io.vncstream.terminal.dnd.LogDragGesture;

import javax.swing.JComponent;
import javax.swing.JTabbedPane;
import javax.swing.TransferHandler;
import java.awt.Component;
import java.awt.Container;
import java.awt.Point;
import java.awt.datatransfer.Transferable;

/**
 * Log drag and drop on a host's tab strip: dragging a terminal's tab drops its log (the plain
 * text file of {@link TerminalView#logTransferHandler()}), and dropping a file or text on a
 * terminal's tab types it into that terminal. Tabs whose content holds no {@link TerminalView}
 * are left alone. Call once per {@link JTabbedPane}, on the event thread.
 *
 * <p>It works on the tab strip itself: a custom tab component with mouse listeners of its own
 * would take the tab's clicks away from the tabbed pane (a Swing limitation), so install this
 * rather than a handler on such a component.
 */
public final class TerminalTabs {
    private TerminalTabs() {
    }

    public static void installLogDrag(JTabbedPane tabs) {
        // Only the tabbed pane itself is hooked, whatever the tab layout: the look and feel's
        // tab area and a host's tab components have no mouse listeners, so their events go to
        // the tabbed pane; a listener added on one of them would take the tab clicks away.
        tabs.setTransferHandler(new TabTransferHandler(tabs));
        LogDragGesture.install(tabs, point -> handlerAt(tabs, point) != null);
    }

    /** The view in {@code content} (the tab's component or one of its descendants), or null. */
    public static TerminalView viewIn(Component content) {
        if (content instanceof TerminalView view) {
            return view;
        }
        if (content instanceof Container container) {
            for (Component child : container.getComponents()) {
                TerminalView view = viewIn(child);
                if (view != null) {
                    return view;
                }
            }
        }
        return null;
    }

    private static TransferHandler handlerAt(JTabbedPane tabs, Point point) {
        int index = tabs.indexAtLocation(point.x, point.y);
        return index < 0 ? null : handlerOfTab(tabs, index);
    }

    private static TransferHandler handlerOfTab(JTabbedPane tabs, int index) {
        TerminalView view = index < 0 ? null : viewIn(tabs.getComponentAt(index));
        return view == null ? null : view.logTransferHandler();
    }

    /** Hands each transfer to the terminal of the tab concerned: under the drop, or selected. */
    private static final class TabTransferHandler extends TransferHandler {
        private final JTabbedPane tabs;

        TabTransferHandler(JTabbedPane tabs) {
            this.tabs = tabs;
        }

        @Override
        public int getSourceActions(JComponent c) {
            return handlerOfTab(tabs, tabs.getSelectedIndex()) == null ? NONE : COPY;
        }

        @Override
        protected Transferable createTransferable(JComponent c) {
            TerminalView view = viewIn(tabs.getSelectedComponent());
            return view == null ? null : view.terminalPanel().session().logTransferable();
        }

        @Override
        public boolean canImport(TransferSupport support) {
            TransferHandler target = target(support);
            return target != null && target.canImport(support);
        }

        @Override
        public boolean importData(TransferSupport support) {
            TransferHandler target = target(support);
            return target != null && target.importData(support);
        }

        private TransferHandler target(TransferSupport support) {
            if (!support.isDrop()) {
                return handlerOfTab(tabs, tabs.getSelectedIndex());
            }
            return handlerAt(tabs, support.getDropLocation().getDropPoint());
        }
    }
}
