package io.vncstream.terminal.dnd;

import javax.swing.JOptionPane;
import java.awt.Component;

/**
 * Asked before text dropped on the terminal is sent when it has more than
 * {@link #LINES_WITHOUT_ASKING} lines: a file dropped by mistake would otherwise be typed into a
 * shell line by line. Replaceable, so tests (and hosts) can answer without a dialog.
 */
@FunctionalInterface
public interface DropConfirmation {
    int LINES_WITHOUT_ASKING = 5;

    /** @return true to send the text */
    boolean confirm(Component parent, String text, long lineCount);

    /** The default: a yes/no dialog. */
    static DropConfirmation dialog() {
        return (parent, text, lineCount) -> JOptionPane.showConfirmDialog(parent,
                "Send " + lineCount + " lines to the device as input?", "Drop on terminal",
                JOptionPane.YES_NO_OPTION, JOptionPane.QUESTION_MESSAGE) == JOptionPane.YES_OPTION;
    }
}
