package io.vncstream.terminal.swing;

import com.techsenger.jeditermfx.core.CursorShape;
import com.techsenger.jeditermfx.core.compatibility.Point;
import com.techsenger.jeditermfx.core.model.SelectionUtil;
import com.techsenger.jeditermfx.core.model.TerminalSelection;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import io.vncstream.terminal.InputResult;
import io.vncstream.terminal.TerminalSession;
import io.vncstream.terminal.dnd.DropConfirmation;
import io.vncstream.terminal.dnd.TerminalTransferHandler;
import io.vncstream.terminal.emulation.TerminalEngine;

import javax.accessibility.AccessibleContext;
import javax.accessibility.AccessibleRole;
import javax.swing.JComponent;
import javax.swing.JScrollBar;
import javax.swing.Timer;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The terminal as a Swing component: paints the emulator's screen and scrollback with its own
 * scrollbar, and turns keys, mouse, paste and drops into input for the session.
 *
 * <p>Painting reads the core's text buffer under its lock. Output arriving on the emulator
 * thread only raises a flag; at most once per frame (see {@link RepaintScheduler}) the panel
 * compares a fingerprint of each visible row with the last one and repaints just the rows that
 * changed, plus the cursor's cells.
 *
 * <p>Event thread only, like any Swing component.
 */
public final class TerminalPanel extends JComponent {
    private static final int MIN_FONT = 6;
    private static final int MAX_FONT = 72;
    private static final int BLINK_MILLIS = 530;

    private final TerminalSession session;
    private final TerminalEngine engine;
    private final TerminalTextBuffer buffer;
    private final ColorScheme colors;
    private final RowPainter painter;
    private final JScrollBar scrollBar = new JScrollBar(JScrollBar.VERTICAL);
    private final FindModel find = new FindModel();
    private final InputHint hint = new InputHint(this);
    private final RepaintScheduler scheduler = new RepaintScheduler(this::refreshFrame);
    private final Runnable changeListener = scheduler::changed;
    private final Timer blink;
    private final ClipboardAccess clipboard = new ClipboardAccess();
    private final List<Runnable> findRequestListeners = new CopyOnWriteArrayList<>();
    private final TerminalContextMenu contextMenu;

    private CellMetrics cell;
    private int columns;
    private int rows;
    /** How many lines the view is scrolled back from the bottom; 0 follows the output. */
    private int scrollOffset;
    private int lastHistoryCount;
    private boolean adjustingScrollBar;
    private volatile TerminalSelection selection;
    private long[] rowPrints = new long[0];
    private int lastCursorRow = -1;
    private int lastCursorColumn = -1;
    private boolean blinkOn = true;

    public TerminalPanel(TerminalSession session) {
        this.session = session;
        this.engine = session.engine();
        this.buffer = engine.textBuffer();
        this.colors = new ColorScheme(session.options().foreground(), session.options().background());
        this.painter = new RowPainter(colors);
        this.cell = CellMetrics.of(this, session.options().fontFamily(), session.options().fontSize());
        this.columns = session.options().columns();
        this.rows = session.options().rows();
        setOpaque(true);
        setBackground(colors.defaultBackground());
        setFocusable(true);
        // Tab and Shift+Tab belong to the device, not to focus traversal.
        setFocusTraversalKeysEnabled(false);
        setLayout(null);
        add(scrollBar);
        scrollBar.addAdjustmentListener(e -> {
            if (!adjustingScrollBar) {
                setScrollOffset(-e.getValue());
            }
        });
        KeyInput keys = new KeyInput(this);
        addKeyListener(keys);
        MouseSelection mouse = new MouseSelection(this);
        addMouseListener(mouse);
        addMouseMotionListener(mouse);
        addMouseWheelListener(mouse);
        engine.selectionSource(() -> selection);
        blink = new Timer(BLINK_MILLIS, e -> {
            blinkOn = !blinkOn;
            repaintCursor();
        });
        contextMenu = new TerminalContextMenu(this);
        setTransferHandler(new TerminalTransferHandler(session, this::dropText));
        getAccessibleContext().setAccessibleName("Terminal " + session.deviceName());
    }

    public TerminalSession session() {
        return session;
    }

    @Override
    public AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleJComponent() {
                @Override
                public AccessibleRole getAccessibleRole() {
                    return AccessibleRole.TEXT;
                }
            };
        }
        return accessibleContext;
    }

    @Override
    public void addNotify() {
        super.addNotify();
        engine.addChangeListener(changeListener);
        blink.start();
        scheduler.changed();
    }

    @Override
    public void removeNotify() {
        engine.removeChangeListener(changeListener);
        blink.stop();
        scheduler.stop();
        hint.stop();
        super.removeNotify();
    }

    @Override
    public Dimension getPreferredSize() {
        if (isPreferredSizeSet()) {
            return super.getPreferredSize();
        }
        Dimension bar = scrollBar.getPreferredSize();
        return new Dimension(session.options().columns() * cell.width + bar.width,
                session.options().rows() * cell.height);
    }

    @Override
    public void doLayout() {
        int barWidth = scrollBar.getPreferredSize().width;
        scrollBar.setBounds(getWidth() - barWidth, 0, barWidth, getHeight());
        relayoutGrid();
    }

    /** Fits the grid to the component and tells the emulator the new size. */
    private void relayoutGrid() {
        int gridWidth = getWidth() - scrollBar.getPreferredSize().width;
        if (gridWidth <= 0 || getHeight() <= 0) {
            return;
        }
        int newColumns = Math.max(5, gridWidth / cell.width);
        int newRows = Math.max(2, getHeight() / cell.height);
        if (newColumns != columns || newRows != rows || engine.terminal().getTerminalWidth() != newColumns
                || engine.terminal().getTerminalHeight() != newRows) {
            columns = newColumns;
            rows = newRows;
            engine.resize(columns, rows);
        }
        invalidateRows();
        repaint();
    }

    /** Width of the grid in cells. */
    public int columns() {
        return columns;
    }

    /** Height of the grid in cells. */
    public int rows() {
        return rows;
    }

    public JScrollBar scrollBar() {
        return scrollBar;
    }

    // ---- painting ------------------------------------------------------------------------

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            Rectangle clip = g.getClipBounds() != null ? g.getClipBounds() : new Rectangle(getSize());
            g.setColor(colors.defaultBackground());
            g.fillRect(clip.x, clip.y, clip.width, clip.height);
            int firstRow = Math.max(0, clip.y / cell.height);
            int lastRow = Math.min(rows - 1, (clip.y + clip.height) / cell.height);
            buffer.lock();
            try {
                for (int row = firstRow; row <= lastRow; row++) {
                    int line = row - scrollOffset;
                    if (line >= buffer.getHeight() || line < -buffer.getHistoryLinesCount()) {
                        continue;
                    }
                    painter.paint(g, buffer.getLine(line), row * cell.height, columns, cell, highlights(line));
                }
            } finally {
                buffer.unlock();
            }
            paintCursor(g);
            hint.paint(g, getWidth() - scrollBar.getWidth());
        } finally {
            g.dispose();
        }
    }

    private void paintCursor(Graphics2D g) {
        if (!engine.cursorVisible()) {
            return;
        }
        int column = engine.terminal().getCursorX() - 1;
        int row = engine.terminal().getCursorY() - 1 + scrollOffset;
        if (row < 0 || row >= rows || column < 0 || column >= columns) {
            return;
        }
        CursorShape shape = engine.cursorShape();
        boolean focused = isFocusOwner();
        if (focused && shape.isBlinking() && !blinkOn) {
            return;
        }
        int x = column * cell.width;
        int y = row * cell.height;
        g.setColor(colors.defaultForeground());
        if (!focused) {
            g.drawRect(x, y, cell.width - 1, cell.height - 1);
            return;
        }
        switch (shape) {
            case BLINK_UNDERLINE, STEADY_UNDERLINE -> g.fillRect(x, y + cell.height - 2, cell.width, 2);
            case BLINK_VERTICAL_BAR, STEADY_VERTICAL_BAR -> g.fillRect(x, y, 2, cell.height);
            default -> {
                g.setXORMode(colors.defaultBackground());
                g.fillRect(x, y, cell.width, cell.height);
                g.setPaintMode();
            }
        }
    }

    /** Selection and find matches on core line {@code line}, as cell ranges. */
    private List<CellRange> highlights(int line) {
        List<CellRange> ranges = new ArrayList<>(2);
        FindModel.Match current = find.current();
        for (FindModel.Match match : find.matches()) {
            if (match.row() == line) {
                ranges.add(new CellRange(match.column(), match.column() + match.length(),
                        match.equals(current) ? ColorScheme.FIND_CURRENT : ColorScheme.FIND_MATCH));
            }
        }
        TerminalSelection sel = selection;
        if (sel != null) {
            kotlin.Pair<Point, Point> sorted = SelectionUtil.sortPoints(sel.getStart(), sel.getEnd());
            Point top = sorted.getFirst();
            Point bottom = sorted.getSecond();
            if (line >= top.y && line <= bottom.y) {
                int from = line == top.y ? top.x : 0;
                int to = line == bottom.y ? bottom.x : columns;
                if (to > from) {
                    ranges.add(new CellRange(from, to, ColorScheme.SELECTION));
                }
            }
        }
        return ranges;
    }

    /** Once per frame with changes: scrollbar, then repaint the rows whose content changed. */
    private void refreshFrame() {
        int history;
        long[] prints = new long[rows];
        buffer.lock();
        try {
            history = buffer.getHistoryLinesCount();
            if (scrollOffset > 0 && history > lastHistoryCount) {
                // Keep showing the same lines while output pushes the screen into history.
                scrollOffset = Math.min(history, scrollOffset + history - lastHistoryCount);
            }
            scrollOffset = Math.min(scrollOffset, history);
            for (int row = 0; row < rows; row++) {
                int line = row - scrollOffset;
                boolean exists = line < buffer.getHeight() && line >= -history;
                prints[row] = exists ? RowPainter.fingerprint(buffer.getLine(line), highlights(line)) : 0;
            }
        } finally {
            buffer.unlock();
        }
        lastHistoryCount = history;
        updateScrollBar(history);
        for (int row = 0; row < rows; row++) {
            if (row >= rowPrints.length || rowPrints[row] != prints[row]) {
                repaint(0, row * cell.height, columns * cell.width, cell.height);
            }
        }
        rowPrints = prints;
        repaintCursor();
    }

    private void repaintCursor() {
        int column = engine.terminal().getCursorX() - 1;
        int row = engine.terminal().getCursorY() - 1 + scrollOffset;
        if (lastCursorRow != row || lastCursorColumn != column) {
            repaintCell(lastCursorColumn, lastCursorRow);
            lastCursorRow = row;
            lastCursorColumn = column;
        }
        repaintCell(column, row);
    }

    private void repaintCell(int column, int row) {
        if (row >= 0 && column >= 0) {
            repaint(column * cell.width, row * cell.height, cell.width, cell.height);
        }
    }

    private void updateScrollBar(int history) {
        adjustingScrollBar = true;
        try {
            int screen = buffer.getHeight();
            scrollBar.setValues(-scrollOffset, screen, -history, screen);
            scrollBar.setUnitIncrement(1);
            scrollBar.setBlockIncrement(Math.max(1, rows - 1));
        } finally {
            adjustingScrollBar = false;
        }
    }

    private void invalidateRows() {
        rowPrints = new long[0];
        scheduler.changed();
    }

    /** The pixel bounds of a visible cell (row 0 is the top row on view), e.g. for tests. */
    public Rectangle cellBounds(int column, int visibleRow) {
        return new Rectangle(column * cell.width, visibleRow * cell.height, cell.width, cell.height);
    }

    /**
     * The cell under a point, in the core's coordinates (rows negative in the scrollback).
     * With {@code toNearestEdge}, the column is the cell edge nearest the point, which is what
     * a selection dragged between characters wants.
     */
    Point cellAt(int x, int y, boolean toNearestEdge) {
        int column = toNearestEdge ? Math.round((float) x / cell.width) : x / cell.width;
        column = Math.max(0, Math.min(columns, column));
        int row = Math.max(0, Math.min(rows - 1, Math.floorDiv(y, cell.height)));
        return new Point(column, row - scrollOffset);
    }

    // ---- scrolling --------------------------------------------------------------------------

    /** Lines scrolled back from the bottom (0 when following the output). */
    public int scrollOffset() {
        return scrollOffset;
    }

    /** Scrolls back by {@code lines} (negative: towards the bottom). */
    public void scrollBy(int lines) {
        setScrollOffset(scrollOffset + lines);
    }

    public void scrollToBottom() {
        setScrollOffset(0);
    }

    private void setScrollOffset(int offset) {
        int clamped = Math.max(0, Math.min(offset, buffer.getHistoryLinesCount()));
        if (clamped != scrollOffset) {
            scrollOffset = clamped;
            scheduler.changed();
        }
    }

    /** Scrolls so that core line {@code line} is on view, near the middle if it was not. */
    private void reveal(int line) {
        int visible = line + scrollOffset;
        if (visible < 0 || visible >= rows) {
            setScrollOffset(rows / 2 - line);
        }
    }

    // ---- selection and clipboard ------------------------------------------------------------

    void select(TerminalSelection newSelection) {
        selection = newSelection;
        scheduler.changed();
    }

    /** The selected text, or null when nothing is selected. */
    public String selectedText() {
        TerminalSelection sel = selection;
        if (sel == null || sel.getStart().equals(sel.getEnd())) {
            return null;
        }
        buffer.lock();
        try {
            return SelectionUtil.getSelectedText(sel, buffer);
        } finally {
            buffer.unlock();
        }
    }

    /** Selects everything: scrollback and screen. */
    public void selectAll() {
        select(new TerminalSelection(new Point(0, -buffer.getHistoryLinesCount()),
                new Point(columns, buffer.getHeight() - 1)));
    }

    public void copySelection() {
        String text = selectedText();
        if (text != null) {
            clipboard.setClipboard(text);
        }
    }

    void copyToPrimarySelection() {
        String text = selectedText();
        if (text != null) {
            clipboard.setPrimary(text);
        }
    }

    /** Pastes the clipboard's text as input. */
    public void paste() {
        String text = clipboard.clipboardText();
        if (text != null) {
            pasteText(text);
        }
    }

    /** Middle click: the X11 primary selection where there is one, else the clipboard. */
    void pastePrimarySelection() {
        String text = clipboard.primaryText();
        if (text != null) {
            pasteText(text);
        } else {
            paste();
        }
    }

    /**
     * Sends {@code text} as if typed: line breaks become CR (what Enter sends), and when the device
     * asked for bracketed paste the text is wrapped so that it is not run line by line.
     */
    public void pasteText(String text) {
        String lines = text.replace("\r\n", "\r").replace('\n', '\r');
        if (engine.bracketedPaste()) {
            lines = "\u001b[200~" + lines + "\u001b[201~";
        }
        sendInput(lines.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Dropped text or file content: asks first when it is more than a few lines. */
    private boolean dropText(String text) {
        DropConfirmation confirmation = dropConfirmation;
        long lines = text.lines().count();
        if (lines > DropConfirmation.LINES_WITHOUT_ASKING && !confirmation.confirm(this, text, lines)) {
            return false;
        }
        pasteText(text);
        return true;
    }

    private DropConfirmation dropConfirmation = DropConfirmation.dialog();

    /** Replaces the "send N lines?" question asked before a large drop (tests answer it themselves). */
    public void setDropConfirmation(DropConfirmation confirmation) {
        dropConfirmation = confirmation;
    }

    // ---- input ----------------------------------------------------------------------------

    /** Sends input bytes to the session; when they are dropped, shows why. */
    public void sendInput(byte[] bytes) {
        InputResult result = session.send(bytes);
        if (result == InputResult.SENT) {
            scrollToBottom();
        } else {
            hint.show(result.hint());
        }
    }

    /** The hint showing over the terminal (e.g. "Read-only: input is not sent"), or null. */
    public String hintText() {
        return hint.text();
    }

    public void showHint(String text) {
        hint.show(text);
    }

    // ---- zoom -----------------------------------------------------------------------------

    public int fontSize() {
        return cell.size();
    }

    public void zoomIn() {
        setFontSize(cell.size() + 1);
    }

    public void zoomOut() {
        setFontSize(cell.size() - 1);
    }

    public void resetZoom() {
        setFontSize(session.options().fontSize());
    }

    private void setFontSize(int size) {
        int clamped = Math.max(MIN_FONT, Math.min(MAX_FONT, size));
        if (clamped == cell.size()) {
            return;
        }
        cell = CellMetrics.of(this, session.options().fontFamily(), clamped);
        relayoutGrid();
    }

    // ---- find -----------------------------------------------------------------------------

    public FindModel findModel() {
        return find;
    }

    /** Finds {@code query} in scrollback and screen; the match nearest the bottom is current. */
    public boolean find(String query) {
        find.search(buffer, query);
        return afterFind();
    }

    /** Steps to the next match (down), wrapping. */
    public boolean findNext() {
        find.step(buffer, +1);
        return afterFind();
    }

    /** Steps to the previous match (up), wrapping. */
    public boolean findPrevious() {
        find.step(buffer, -1);
        return afterFind();
    }

    public void clearFind() {
        find.clear();
        scheduler.changed();
    }

    private boolean afterFind() {
        FindModel.Match match = find.current();
        if (match != null) {
            reveal(match.row());
        }
        scheduler.changed();
        return match != null;
    }

    /** Told when the person asks to find (Ctrl+Shift+F, the menu), so the host can focus its field. */
    public void addFindRequestListener(Runnable listener) {
        findRequestListeners.add(listener);
    }

    void fireFindRequested() {
        findRequestListeners.forEach(Runnable::run);
    }

    void showContextMenu(int x, int y) {
        contextMenu.show(x, y);
    }

    /** Frames refreshed so far (each at most once per ~16 ms); for tests and diagnostics. */
    public int framesRefreshed() {
        return scheduler.frames();
    }
}
