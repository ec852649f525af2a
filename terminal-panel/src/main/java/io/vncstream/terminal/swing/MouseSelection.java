package io.vncstream.terminal.swing;

import com.techsenger.jeditermfx.core.compatibility.Point;
import com.techsenger.jeditermfx.core.model.SelectionUtil;
import com.techsenger.jeditermfx.core.model.TerminalSelection;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;

import javax.swing.SwingUtilities;
import javax.swing.TransferHandler;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;

/**
 * The mouse: drag selects (from cell edge to cell edge), double click a word, triple click a
 * line; middle click pastes; the right button opens the menu; the wheel scrolls back. Ctrl+drag
 * drags the whole log out as a file instead of selecting.
 */
final class MouseSelection extends MouseAdapter {
    private static final int WHEEL_LINES = 3;

    private final TerminalPanel panel;
    private Point anchor;
    private boolean dragExported;

    MouseSelection(TerminalPanel panel) {
        this.panel = panel;
    }

    @Override
    public void mousePressed(MouseEvent e) {
        panel.requestFocusInWindow();
        if (e.isPopupTrigger()) {
            panel.showContextMenu(e.getX(), e.getY());
            return;
        }
        if (SwingUtilities.isMiddleMouseButton(e)) {
            panel.pastePrimarySelection();
            return;
        }
        if (!SwingUtilities.isLeftMouseButton(e)) {
            return;
        }
        dragExported = false;
        TerminalTextBuffer buffer = panel.session().engine().textBuffer();
        if (e.getClickCount() == 2) {
            Point cell = panel.cellAt(e.getX(), e.getY(), false);
            buffer.lock();
            try {
                Point start = SelectionUtil.getPreviousSeparator(cell, buffer);
                Point end = SelectionUtil.getNextSeparator(cell, buffer);
                panel.select(new TerminalSelection(start, new Point(end.x + 1, end.y)));
            } finally {
                buffer.unlock();
            }
            anchor = null;
        } else if (e.getClickCount() >= 3) {
            Point cell = panel.cellAt(e.getX(), e.getY(), false);
            panel.select(new TerminalSelection(new Point(0, cell.y), new Point(panel.columns(), cell.y)));
            anchor = null;
        } else {
            anchor = panel.cellAt(e.getX(), e.getY(), true);
            panel.select(null);
        }
    }

    @Override
    public void mouseDragged(MouseEvent e) {
        if (e.isControlDown() && SwingUtilities.isLeftMouseButton(e)) {
            if (!dragExported) {
                dragExported = true;
                anchor = null;
                panel.getTransferHandler().exportAsDrag(panel, e, TransferHandler.COPY);
            }
            return;
        }
        if (anchor == null || !SwingUtilities.isLeftMouseButton(e)) {
            return;
        }
        Point here = panel.cellAt(e.getX(), e.getY(), true);
        if (e.getY() < 0) {
            panel.scrollBy(1);
        } else if (e.getY() > panel.getHeight()) {
            panel.scrollBy(-1);
        }
        panel.select(here.equals(anchor) ? null : new TerminalSelection(anchor, here));
    }

    @Override
    public void mouseReleased(MouseEvent e) {
        if (e.isPopupTrigger()) {
            panel.showContextMenu(e.getX(), e.getY());
            return;
        }
        if (SwingUtilities.isLeftMouseButton(e)) {
            // X11 habit: whatever is selected is also the primary selection, for middle click.
            panel.copyToPrimarySelection();
        }
        anchor = null;
    }

    @Override
    public void mouseWheelMoved(MouseWheelEvent e) {
        panel.scrollBy(-e.getWheelRotation() * WHEEL_LINES);
    }
}
