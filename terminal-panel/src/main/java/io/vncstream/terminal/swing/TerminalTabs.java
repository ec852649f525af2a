package io.vncstream.terminal.swing;

import io.vncstream.terminal.dnd.LogDragGesture;

import javax.swing.AbstractButton;
import javax.swing.JComponent;
import javax.swing.JTabbedPane;
import javax.swing.SwingUtilities;
import javax.swing.TransferHandler;
import javax.swing.plaf.UIResource;
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
 * rather than a handler on such a component. Install it after setting the tab layout policy
 * and the look and feel: with the scrolling layout it hooks the look and feel's tab area.
 */
public final class TerminalTabs {
    private TerminalTabs() {
    }

    public static void installLogDrag(JTabbedPane tabs) {
        TabTransferHandler handler = new TabTransferHandler(tabs);
        hook(tabs, tabs, handler);
        // With SCROLL_TAB_LAYOUT the look and feel draws the tabs in a child component of its
        // own (a UIResource), which gets the mouse events instead of the tabbed pane.
        for (Component child : tabs.getComponents()) {
            if (child instanceof UIResource) {
                hookTabArea(tabs, child, handler);
            }
        }
    }

    private static void hookTabArea(JTabbedPane tabs, Component area, TabTransferHandler handler) {
        if (area instanceof JComponent component && !(area instanceof AbstractButton)) {
            hook(tabs, component, handler);
        }
        if (area instanceof Container container) {
            for (Component child : container.getComponents()) {
                hookTabArea(tabs, child, handler);
            }
        }
    }

    /** Drags from a terminal's tab on {@code area} and drops on it go through {@code handler}. */
    private static void hook(JTabbedPane tabs, JComponent area, TabTransferHandler handler) {
        area.setTransferHandler(handler);
        LogDragGesture.install(area,
                point -> handlerAt(tabs, SwingUtilities.convertPoint(area, point, tabs)) != null);
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
            Point point = support.getDropLocation().getDropPoint();
            return handlerAt(tabs, SwingUtilities.convertPoint(support.getComponent(), point, tabs));
        }
    }
}
