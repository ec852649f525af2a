package io.vncstream.rfb.clipboard;

import io.vncstream.rfb.Limits;
import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.message.CutText;
import io.vncstream.rfb.message.ExtendedClipboard;

import java.util.function.Consumer;

/**
 * One connection's clipboard, as TigerVNC's viewer keeps it: legacy Latin-1 cut text until the
 * server sends its extended clipboard caps, then UTF-8 with notify, request, peek and provide
 * both ways. Local text is announced (notify) and sent when the server asks for it; the
 * server's is asked for as soon as it is announced. Text only: other formats are neither asked
 * for nor inflated. Called from the reader thread (server messages) and the application's
 * thread (local changes); it keeps no lock and sends through a queue.
 */
public final class ClipboardSync {
    /** What we accept: the text size we announce in our caps. */
    public static final long OUR_TEXT_LIMIT = Limits.MAX_CUT_TEXT;

    /** Where our messages go. */
    public interface Peer {
        void send(ExtendedClipboard message);

        void sendLegacy(String latin1);
    }

    private final Peer peer;
    private final Consumer<String> remoteText;
    private final Consumer<String> problems;
    private volatile ClipboardCaps server;
    private volatile String local;

    /**
     * @param remoteText receives the server's text (line ends as LF)
     * @param problems receives a one-line message when the server's clipboard message is unusable
     */
    public ClipboardSync(Peer peer, Consumer<String> remoteText, Consumer<String> problems) {
        this.peer = peer;
        this.remoteText = remoteText;
        this.problems = problems;
    }

    /** Whether the server has sent extended clipboard caps (so text is UTF-8). */
    public boolean extended() {
        return server != null;
    }

    /** A legacy ServerCutText. */
    public void legacyReceived(String text) {
        remoteText.accept(text.replace("\r\n", "\n"));
    }

    /** An extended clipboard message from the server. */
    public void received(ExtendedClipboard m) {
        try {
            if (m.has(ExtendedClipboard.CAPS)) {
                server = ClipboardCaps.of(m);
                peer.send(ClipboardCaps.ours(OUR_TEXT_LIMIT).toMessage());
                if (local != null) {
                    announce(local);
                }
            } else if (m.has(ExtendedClipboard.REQUEST)) {
                provideLocal(m.has(ExtendedClipboard.TEXT));
            } else if (m.has(ExtendedClipboard.PEEK)) {
                peer.send(new ExtendedClipboard(ExtendedClipboard.NOTIFY | (local != null ? ExtendedClipboard.TEXT : 0),
                        new byte[0]));
            } else if (m.has(ExtendedClipboard.NOTIFY)) {
                if (m.has(ExtendedClipboard.TEXT)) {
                    peer.send(new ExtendedClipboard(ExtendedClipboard.REQUEST | ExtendedClipboard.TEXT, new byte[0]));
                }
            } else if (m.has(ExtendedClipboard.PROVIDE)) {
                String text = ClipboardText.textOf(m, OUR_TEXT_LIMIT);
                if (text != null) {
                    remoteText.accept(text);
                }
            }
        } catch (RfbProtocolException e) {
            problems.accept("Clipboard from the server ignored: " + e.getMessage());
        }
    }

    /** Why this text cannot go to the server, or null when it can. */
    public String problem(String text) {
        ClipboardCaps caps = server;
        if (caps == null) {
            return CutText.isLatin1(text) ? null
                    : "Clipboard not sent to the server: it contains characters outside Latin-1, and the server"
                    + " takes no other (no extended clipboard)";
        }
        long size = ClipboardText.wireText(text).length;
        if (!caps.has(ExtendedClipboard.TEXT)) {
            return "Clipboard not sent to the server: it takes no text";
        }
        if (caps.textLimit() > 0 && size > caps.textLimit()) {
            return "Clipboard not sent to the server: " + size + " bytes of text, and it takes at most "
                    + caps.textLimit();
        }
        return null;
    }

    /** The local clipboard has new text: announced (or sent, or sent as Latin-1) if the server can take it. */
    public boolean localChanged(String text) {
        if (problem(text) != null) {
            return false;
        }
        local = text;
        announce(text);
        return true;
    }

    private void announce(String text) {
        ClipboardCaps caps = server;
        if (caps == null) {
            peer.sendLegacy(text);
        } else if (caps.has(ExtendedClipboard.NOTIFY)) {
            peer.send(new ExtendedClipboard(ExtendedClipboard.NOTIFY | ExtendedClipboard.TEXT, new byte[0]));
        } else if (caps.has(ExtendedClipboard.PROVIDE)) {
            peer.send(ClipboardText.provide(text));
        }
    }

    /** Answers a request: our text when asked for text and we have some that fits, else an empty provide. */
    private void provideLocal(boolean textAsked) {
        String text = local;
        if (textAsked && text != null && problem(text) == null) {
            peer.send(ClipboardText.provide(text));
        } else {
            peer.send(ClipboardText.empty());
        }
    }
}
