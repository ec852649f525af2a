package io.vncstream.terminal.swing;

import javax.swing.AbstractAction;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import javax.swing.KeyStroke;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;

/** The right-click menu. Its entries are rebuilt at each opening, so they reflect the state. */
final class TerminalContextMenu {
    private final TerminalPanel panel;

    TerminalContextMenu(TerminalPanel panel) {
        this.panel = panel;
    }

    void show(int x, int y) {
        JPopupMenu menu = build();
        menu.show(panel, x, y);
    }

    JPopupMenu build() {
        JPopupMenu menu = new JPopupMenu();
        JMenuItem copy = item("Copy", "copy", panel::copySelection,
                KeyStroke.getKeyStroke(KeyEvent.VK_C, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK));
        copy.setEnabled(panel.hasSelection());
        menu.add(copy);
        JMenuItem paste = item("Paste", "paste", panel::paste,
                KeyStroke.getKeyStroke(KeyEvent.VK_V, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK));
        paste.setEnabled(!panel.session().readOnly());
        menu.add(paste);
        menu.add(item("Select all", "selectAll", panel::selectAll, null));
        menu.addSeparator();
        menu.add(item("Find...", "find", panel::fireFindRequested,
                KeyStroke.getKeyStroke(KeyEvent.VK_F, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK)));
        menu.add(item("Save log...", "saveLog", () -> SaveLogAction.run(panel, panel.session()), null));
        menu.addSeparator();
        menu.add(item("Zoom in", "zoomIn", panel::zoomIn,
                KeyStroke.getKeyStroke(KeyEvent.VK_EQUALS, InputEvent.CTRL_DOWN_MASK)));
        menu.add(item("Zoom out", "zoomOut", panel::zoomOut,
                KeyStroke.getKeyStroke(KeyEvent.VK_MINUS, InputEvent.CTRL_DOWN_MASK)));
        menu.add(item("Reset zoom", "resetZoom", panel::resetZoom,
                KeyStroke.getKeyStroke(KeyEvent.VK_0, InputEvent.CTRL_DOWN_MASK)));
        menu.addSeparator();
        JCheckBoxMenuItem readOnly = new JCheckBoxMenuItem("Read-only", panel.session().readOnly());
        readOnly.setName("readOnly");
        readOnly.addActionListener(e -> panel.session().setReadOnly(readOnly.isSelected()));
        menu.add(readOnly);
        return menu;
    }

    /** The accelerator is shown as a hint only: the keys themselves are handled by the panel. */
    private static JMenuItem item(String label, String name, Runnable action, KeyStroke accelerator) {
        JMenuItem item = new JMenuItem(new AbstractAction(label) {
            @Override
            public void actionPerformed(ActionEvent e) {
                action.run();
            }
        });
        item.setName(name);
        if (accelerator != null) {
            item.setAccelerator(accelerator);
        }
        return item;
    }
}
