package io.vncstream.terminal.swing;

import io.vncstream.terminal.StreamStatus;
import io.vncstream.terminal.TerminalSession;
import io.vncstream.terminal.dnd.LogDragHandle;

import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.JToggleButton;
import javax.swing.JToolBar;
import javax.swing.SwingUtilities;
import javax.swing.TransferHandler;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;

/**
 * The terminal with a small toolbar: a find field with previous/next, "Save log...", the log's
 * drag handle, a read-only toggle and the stream's status. This is what a host puts in a tab.
 */
public final class TerminalView extends JPanel {
    private final TerminalSession session;
    private final TerminalPanel terminal;
    /** Its own width, no more: spare room in the bar goes before the status, not into the field. */
    private final JTextField findField = new JTextField(16) {
        @Override
        public Dimension getMaximumSize() {
            return getPreferredSize();
        }
    };
    private final JLabel findResult = new JLabel(" ");
    private final JToggleButton readOnly = new JToggleButton("Read-only");
    private final JLabel status = new JLabel();

    public TerminalView(TerminalSession session) {
        super(new BorderLayout());
        this.session = session;
        this.terminal = new TerminalPanel(session);
        add(toolbar(), BorderLayout.NORTH);
        add(terminal, BorderLayout.CENTER);
        terminal.addFindRequestListener(() -> {
            findField.requestFocusInWindow();
            findField.selectAll();
        });
        terminal.addFindMatchesDroppedListener(this::showFindResult);
        session.addStatusListener((newStatus, reason) -> showStatus(newStatus, reason));
        session.addReadOnlyListener(() -> SwingUtilities.invokeLater(() -> {
            readOnly.setSelected(session.readOnly());
            terminal.repaint();
        }));
        showStatus(session.status(), session.statusReason());
    }

    private JToolBar toolbar() {
        JToolBar bar = new JToolBar();
        bar.setFloatable(false);
        bar.add(new JLabel("Find: "));
        findField.setName("find");
        findField.setToolTipText("Find in scrollback (Enter: previous match upwards, Shift+Enter: next)");
        findField.addActionListener(e -> {
            if (!findField.getText().equals(terminal.findModel().query())) {
                terminal.find(findField.getText());
            } else {
                terminal.findPrevious();
            }
            showFindResult();
        });
        findField.addKeyListener(new KeyAdapter() {
            @Override
            public void keyPressed(KeyEvent e) {
                if (e.getKeyCode() == KeyEvent.VK_ENTER && e.isShiftDown()) {
                    terminal.findNext();
                    showFindResult();
                    e.consume();
                } else if (e.getKeyCode() == KeyEvent.VK_ESCAPE) {
                    terminal.clearFind();
                    findResult.setText(" ");
                    terminal.requestFocusInWindow();
                }
            }
        });
        bar.add(findField);
        bar.add(button("\u25b2", "findPrevious", "Previous match (up)", () -> {
            ensureSearched();
            terminal.findPrevious();
            showFindResult();
        }));
        bar.add(button("\u25bc", "findNext", "Next match (down)", () -> {
            ensureSearched();
            terminal.findNext();
            showFindResult();
        }));
        findResult.setName("findResult");
        bar.add(findResult);
        bar.addSeparator();
        bar.add(button("Save log...", "saveLog", "Save the log as plain text",
                () -> SaveLogAction.run(this, session)));
        bar.add(new LogDragHandle(logTransferHandler()));
        bar.addSeparator();
        readOnly.setName("readOnly");
        readOnly.setSelected(session.readOnly());
        readOnly.setToolTipText("Show output only; typed input is not sent");
        readOnly.addActionListener(e -> session.setReadOnly(readOnly.isSelected()));
        bar.add(readOnly);
        bar.addSeparator();
        status.setName("status");
        // Right-aligned with room to the edge; when the bar is too narrow the label gives way
        // (elided, the whole text in its tooltip) rather than being cut off at the edge.
        status.setBorder(BorderFactory.createEmptyBorder(0, 4, 0, 8));
        status.setMinimumSize(new Dimension(24, 0));
        bar.add(Box.createHorizontalGlue());
        bar.add(status);
        return bar;
    }

    private void ensureSearched() {
        if (!findField.getText().equals(terminal.findModel().query())) {
            terminal.find(findField.getText());
        }
    }

    private void showFindResult() {
        FindModel model = terminal.findModel();
        if (model.query().isEmpty()) {
            findResult.setText(" ");
        } else if (model.matches().isEmpty()) {
            findResult.setText("no match");
        } else {
            findResult.setText((model.currentIndex() + 1) + "/" + model.matches().size());
        }
    }

    private void showStatus(StreamStatus newStatus, String reason) {
        String text = switch (newStatus) {
            case NOT_ATTACHED -> "Not connected";
            case CONNECTED -> "Connected";
            case ENDED -> reason.isEmpty() ? "Stream ended" : "Stream ended: " + reason;
            case CLOSED -> "Closed";
        };
        status.setText(text);
        status.setToolTipText(text);
    }

    private static JButton button(String label, String name, String tip, Runnable action) {
        JButton button = new JButton(label);
        button.setName(name);
        button.setToolTipText(tip);
        button.setFocusable(false);
        button.addActionListener(e -> action.run());
        return button;
    }

    public TerminalPanel terminalPanel() {
        return terminal;
    }

    /**
     * The terminal's drag and drop: exporting gives the log as a plain-text file (and text),
     * importing types a dropped file or text into the terminal, asking first when it is long.
     * A host can set it on its own drag source (with {@link io.vncstream.terminal.dnd.LogDragGesture});
     * for a tab strip, {@link TerminalTabs#installLogDrag} does it all.
     */
    public TransferHandler logTransferHandler() {
        return terminal.getTransferHandler();
    }

    public JTextField findField() {
        return findField;
    }
}
