package io.vncstream.terminal.swing;

import io.vncstream.terminal.dnd.DropConfirmation;
import io.vncstream.terminal.dnd.DroppedTextReceiver;

import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

/**
 * Text that goes to the device as if typed: pasted from the clipboard or the primary selection,
 * or dropped on the terminal (after a confirmation when it is more than a few lines).
 */
final class PastedText implements DroppedTextReceiver {
    private final TerminalPanel panel;
    private final ClipboardAccess clipboard = new ClipboardAccess();
    private final Predicate<byte[]> input;
    private DropConfirmation dropConfirmation = DropConfirmation.dialog();

    /** @param input sends bytes as input; false when they were not sent */
    PastedText(TerminalPanel panel, Predicate<byte[]> input) {
        this.panel = panel;
        this.input = input;
    }

    ClipboardAccess clipboard() {
        return clipboard;
    }

    void setDropConfirmation(DropConfirmation confirmation) {
        dropConfirmation = confirmation;
    }

    /** The clipboard's text, if any. */
    void pasteClipboard() {
        String text = clipboard.clipboardText();
        if (text != null) {
            paste(text);
        }
    }

    /** Middle click: the X11 primary selection where there is one, else the clipboard. */
    void pastePrimarySelection() {
        String text = clipboard.primaryText();
        if (text != null) {
            paste(text);
        } else {
            pasteClipboard();
        }
    }

    /**
     * Line breaks become CR (what Enter sends), and when the device asked for bracketed paste
     * the text is wrapped so that a shell does not run it line by line.
     */
    boolean paste(String text) {
        String lines = text.replace("\r\n", "\r").replace('\n', '\r');
        if (panel.session().engine().bracketedPaste()) {
            lines = "\u001b[200~" + lines + "\u001b[201~";
        }
        return input.test(lines.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean send(String text) {
        DropConfirmation confirmation = dropConfirmation;
        long lines = text.lines().count();
        if (lines > DropConfirmation.LINES_WITHOUT_ASKING && !confirmation.confirm(panel, text, lines)) {
            return false;
        }
        return paste(text);
    }

    @Override
    public void refused(String why) {
        panel.showHint(why);
    }
}
