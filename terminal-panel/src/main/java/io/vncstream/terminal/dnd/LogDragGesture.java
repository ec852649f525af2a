package io.vncstream.terminal.dnd;

import javax.swing.JComponent;
import javax.swing.TransferHandler;
import java.awt.Point;
import java.awt.dnd.DragSource;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.function.Predicate;

/**
 * Starts a drag of a terminal's log when the mouse is dragged on a component: a log handle, or a
 * host's tab strip. Only mouse presses and drags are watched, and only a move beyond the
 * platform's drag threshold starts a drag, so a plain click still does what it did (selects the
 * tab).
 */
public final class LogDragGesture extends MouseAdapter {
    private final JComponent source;
    private final Predicate<Point> dragsFrom;
    private Point pressedAt;

    private LogDragGesture(JComponent source, Predicate<Point> dragsFrom) {
        this.source = source;
        this.dragsFrom = dragsFrom;
    }

    /**
     * Dragging on {@code source} exports through its transfer handler (Swing asks the drag
     * source's own handler for the data, so it must be set on {@code source}).
     */
    public static void install(JComponent source) {
        install(source, point -> true);
    }

    /** As {@link #install(JComponent)}, for presses at points {@code dragsFrom} accepts (e.g. on a terminal's tab). */
    public static void install(JComponent source, Predicate<Point> dragsFrom) {
        LogDragGesture gesture = new LogDragGesture(source, dragsFrom);
        source.addMouseListener(gesture);
        source.addMouseMotionListener(gesture);
    }

    @Override
    public void mousePressed(MouseEvent e) {
        pressedAt = e.getButton() == MouseEvent.BUTTON1 ? e.getPoint() : null;
    }

    @Override
    public void mouseReleased(MouseEvent e) {
        pressedAt = null;
    }

    @Override
    public void mouseDragged(MouseEvent e) {
        if (pressedAt == null || pressedAt.distance(e.getPoint()) < DragSource.getDragThreshold()) {
            return;
        }
        boolean drags = dragsFrom.test(pressedAt);
        pressedAt = null;
        TransferHandler handler = source.getTransferHandler();
        if (drags && handler != null) {
            handler.exportAsDrag(source, e, TransferHandler.COPY);
        }
    }
}
