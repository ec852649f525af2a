package io.vncstream.terminal.swing;

import com.techsenger.jeditermfx.core.compatibility.Point;
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
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;

/**
 * The terminal as a Swing component: paints the emulator's screen and scrollback with its own
 * scrollbar, and turns keys, mouse, paste and drops into input for the session.
 *
 * <p>Painting reads the core's text buffer under its lock. Output arriving on the emulator
 * thread only raises a flag; at most once per frame (see {@link RepaintScheduler}) the panel
 * compares a fingerprint of each visible row with the last one and repaints just the rows that
 * changed, plus the cursor's cells. Where the cells are (size, count, margin) is {@link CellGrid}'s.
 *
 * <p>Event thread only, like any Swing component.
 */
public final class TerminalPanel extends JComponent {

    private final TerminalSession session;
    private final TerminalEngine engine;
    private final TerminalTextBuffer buffer;
    private final FindActions find;
    private final ColorScheme colors;
    private final ScreenPainter screenPainter;
    private final ScrollPosition scroll;
    private final TextSelection selection;
    private final JScrollBar scrollBar;
    private final InputHint hint = new InputHint(this);
    private final RepaintScheduler scheduler = new RepaintScheduler(this::refreshFrame);
    private final Runnable changeListener = scheduler::changed;
    private final CursorTracker cursor;
    private final PastedText pasted = new PastedText(this, this::sendInput);
    private final TerminalContextMenu contextMenu;

    private final CellGrid grid;
    private long[] rowPrints = new long[0];

    public TerminalPanel(TerminalSession session) {
        this.session = session;
        this.engine = session.engine();
        this.buffer = engine.textBuffer();
        this.grid = new CellGrid(CellMetrics.of(this, session.options().fontFamily(), session.options().fontSize()),
                session.options().columns(), session.options().rows());
        this.scroll = new ScrollPosition(buffer, scheduler::changed);
        this.selection = new TextSelection(buffer, scheduler::changed);
        this.scrollBar = scroll.bar();
        this.find = new FindActions(buffer, engine::linesTrimmed, line -> scroll.reveal(line, grid.rows()), scheduler::changed);
        this.colors = new ColorScheme(session.options().foreground(), session.options().background());
        this.screenPainter = new ScreenPainter(this, colors);
        setOpaque(true);
        setBackground(colors.defaultBackground());
        setFocusable(true);
        // Tab and Shift+Tab belong to the device, not to focus traversal.
        setFocusTraversalKeysEnabled(false);
        setLayout(null);
        add(scrollBar);
        KeyInput keys = new KeyInput(this);
        addKeyListener(keys);
        MouseSelection mouse = new MouseSelection(this);
        addMouseListener(mouse);
        addMouseMotionListener(mouse);
        addMouseWheelListener(mouse);
        engine.selectionSource(selection::current);
        cursor = new CursorTracker(engine, scroll::offset, (column, row) -> repaint(cellBounds(column, row)));
        contextMenu = new TerminalContextMenu(this);
        setTransferHandler(new TerminalTransferHandler(session, pasted));
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
        cursor.start();
        scheduler.changed();
    }

    @Override
    public void removeNotify() {
        engine.removeChangeListener(changeListener);
        cursor.stop();
        scheduler.stop();
        hint.stop();
        super.removeNotify();
    }

    @Override
    public Dimension getPreferredSize() {
        if (isPreferredSizeSet()) {
            return super.getPreferredSize();
        }
        return grid.preferredSize(session.options().columns(), session.options().rows(),
                scrollBar.getPreferredSize().width);
    }

    @Override
    public void doLayout() {
        int barWidth = scrollBar.getPreferredSize().width;
        scrollBar.setBounds(getWidth() - barWidth, 0, barWidth, getHeight());
        relayoutGrid();
    }

    /** Fits the grid to the component and tells the emulator the new size. */
    private void relayoutGrid() {
        if (!grid.fit(getWidth(), getHeight(), scrollBar.getPreferredSize().width)) {
            return;
        }
        if (engine.terminal().getTerminalWidth() != grid.columns() || engine.terminal().getTerminalHeight() != grid.rows()) {
            engine.resize(grid.columns(), grid.rows());
        }
        invalidateRows();
        repaint();
    }

    /** Width of the grid in cells. */
    public int columns() {
        return grid.columns();
    }

    /** Height of the grid in cells. */
    public int rows() {
        return grid.rows();
    }

    public JScrollBar scrollBar() {
        return scrollBar;
    }

    CellMetrics cell() {
        return grid.cell();
    }

    TerminalSelection selection() {
        return selection.current();
    }

    // ---- painting ------------------------------------------------------------------------

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            Rectangle clip = g.getClipBounds() != null ? g.getClipBounds() : new Rectangle(getSize());
            Graphics2D cells = (Graphics2D) g.create();
            try {
                // The painters work in grid coordinates: cell (0, 0) at the origin.
                cells.translate(CellGrid.LEFT, CellGrid.TOP);
                clip.translate(-CellGrid.LEFT, -CellGrid.TOP);
                screenPainter.paint(cells, clip, cursor.blinkOn());
            } finally {
                cells.dispose();
            }
            hint.paint(g, getWidth() - scrollBar.getWidth());
        } finally {
            g.dispose();
        }
    }

    /** Once per frame with changes: scrollbar, then repaint the rows whose content changed. */
    private void refreshFrame() {
        int history;
        long[] prints;
        boolean matchesDropped;
        buffer.lock();
        try {
            history = buffer.getHistoryLinesCount();
            long trimmed = engine.linesTrimmed();
            scroll.follow(history, trimmed);
            matchesDropped = find.follow(history, trimmed);
            prints = screenPainter.fingerprints(grid.rows(), scroll.offset(), history);
        } finally {
            buffer.unlock();
        }
        scroll.updateBar(history, grid.rows());
        for (int row = 0; row < grid.rows(); row++) {
            if (row >= rowPrints.length || rowPrints[row] != prints[row]) {
                repaint(grid.rowBounds(row));
            }
        }
        rowPrints = prints;
        cursor.repaint();
        if (matchesDropped) {
            find.fireDropped();
        }
    }

    private void invalidateRows() {
        rowPrints = new long[0];
        scheduler.changed();
    }

    /** The pixel bounds of a visible cell (row 0 is the top row on view), e.g. for tests. */
    public Rectangle cellBounds(int column, int visibleRow) {
        return grid.cellBounds(column, visibleRow);
    }

    /** The cell under a point, in the core's coordinates: see {@link CellGrid#cellAt}. */
    Point cellAt(int x, int y, boolean toNearestEdge) {
        return grid.cellAt(x, y, toNearestEdge, scroll.offset());
    }

    // ---- scrolling --------------------------------------------------------------------------

    /** Lines scrolled back from the bottom (0 when following the output). */
    public int scrollOffset() {
        return scroll.offset();
    }

    /** Scrolls back by {@code lines} (negative: towards the bottom). */
    public void scrollBy(int lines) {
        scroll.set(scroll.offset() + lines);
    }

    public void scrollToBottom() {
        scroll.set(0);
    }

    // ---- selection and clipboard ------------------------------------------------------------

    void select(TerminalSelection newSelection) {
        selection.select(newSelection);
    }

    /** Whether some text is selected; cheap, unlike {@link #selectedText}. */
    boolean hasSelection() {
        return selection.any();
    }

    /** The selected text, or null when nothing is selected. */
    public String selectedText() {
        return selection.text();
    }

    /** Selects everything: scrollback and screen. */
    public void selectAll() {
        selection.selectAll(grid.columns());
    }

    public void copySelection() {
        selection.copyTo(pasted.clipboard()::setClipboard);
    }

    void copyToPrimarySelection() {
        selection.copyTo(pasted.clipboard()::setPrimary);
    }

    /** Pastes the clipboard's text as input. */
    public void paste() {
        pasted.pasteClipboard();
    }

    /** Middle click: the X11 primary selection where there is one, else the clipboard. */
    void pastePrimarySelection() {
        pasted.pastePrimarySelection();
    }

    /**
     * Sends {@code text} as if typed: line breaks become CR (what Enter sends), and when the device
     * asked for bracketed paste the text is wrapped so that it is not run line by line.
     * @return true when it was sent
     */
    public boolean pasteText(String text) {
        return pasted.paste(text);
    }

    /** Replaces the "send N lines?" question asked before a large drop (tests answer it themselves). */
    public void setDropConfirmation(DropConfirmation confirmation) {
        pasted.setDropConfirmation(confirmation);
    }

    // ---- input ----------------------------------------------------------------------------

    /**
     * Sends input bytes to the session; when they are dropped, shows why.
     * @return true when they were sent
     */
    public boolean sendInput(byte[] bytes) {
        InputResult result = session.send(bytes);
        if (result == InputResult.SENT) {
            scrollToBottom();
            return true;
        }
        hint.show(result.hint());
        return false;
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
        return grid.cell().size();
    }

    public void zoomIn() {
        setFontSize(fontSize() + 1);
    }

    public void zoomOut() {
        setFontSize(fontSize() - 1);
    }

    public void resetZoom() {
        setFontSize(session.options().fontSize());
    }

    private void setFontSize(int size) {
        if (grid.zoom(this, session.options().fontFamily(), size)) {
            relayoutGrid();
        }
    }

    // ---- find -----------------------------------------------------------------------------

    public FindModel findModel() {
        return find.model();
    }

    /** Finds {@code query} in scrollback and screen; the match nearest the bottom is current. */
    public boolean find(String query) {
        return find.search(query);
    }

    /** Steps to the next match (down), wrapping. */
    public boolean findNext() {
        return find.step(+1);
    }

    /** Steps to the previous match (up), wrapping. */
    public boolean findPrevious() {
        return find.step(-1);
    }

    public void clearFind() {
        find.clear();
    }

    /** Told when the person asks to find (Ctrl+Shift+F, the menu), so the host can focus its field. */
    public void addFindRequestListener(Runnable listener) {
        find.addRequestListener(listener);
    }

    /** Told on the event thread when find matches went with lines trimmed from the scrollback. */
    public void addFindMatchesDroppedListener(Runnable listener) {
        find.addDroppedListener(listener);
    }

    void fireFindRequested() {
        find.fireRequested();
    }

    void showContextMenu(int x, int y) {
        contextMenu.show(x, y);
    }

    /** Frames refreshed so far (each at most once per ~16 ms); for tests and diagnostics. */
    public int framesRefreshed() {
        return scheduler.frames();
    }
}
