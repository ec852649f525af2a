package io.vncstream.terminal.dnd;

import javax.swing.JComponent;
import javax.swing.TransferHandler;
import java.awt.Point;
import java.awt.dnd.DragSource;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.function.Function;

/**
 * Starts a drag of a terminal's log when the mouse is dragged on a component: a log handle, or a
 * host's tab strip. Only mouse presses and drags are watched, and only a move beyond the
 * platform's drag threshold starts a drag, so a plain click still does what it did (selects the
 * tab).
 */
public final class LogDragGesture extends MouseAdapter {
    private final JComponent source;
    private final Function<Point, TransferHandler> handlerAt;
    private Point pressedAt;

    private LogDragGesture(JComponent source, Function<Point, TransferHandler> handlerAt) {
        this.source = source;
        this.handlerAt = handlerAt;
    }

    /** Dragging on {@code source} exports through its own transfer handler. */
    public static void install(JComponent source) {
        install(source, point -> source.getTransferHandler());
    }

    /**
     * Dragging on {@code source} exports through the handler for the pressed point (e.g. the
     * terminal of the tab under the mouse); {@code handlerAt} may return null: no drag there.
     */
    public static void install(JComponent source, Function<Point, TransferHandler> handlerAt) {
        LogDragGesture gesture = new LogDragGesture(source, handlerAt);
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
        TransferHandler handler = handlerAt.apply(pressedAt);
        pressedAt = null;
        if (handler != null) {
            handler.exportAsDrag(source, e, TransferHandler.COPY);
        }
    }
}
