package io.vncstream.ssh;

/** A pseudo-terminal for a remote command: its type ({@code TERM}) and size in characters. */
public record PtySize(String term, int columns, int rows) {
    public PtySize {
        if (columns < 1 || rows < 1 || columns > 10_000 || rows > 10_000) {
            throw new IllegalArgumentException("invalid terminal size " + columns + "x" + rows);
        }
    }

    public static PtySize xterm(int columns, int rows) {
        return new PtySize("xterm-256color", columns, rows);
    }
}
