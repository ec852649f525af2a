package io.vncstream.terminal.dnd;

/** Where a terminal's transfer handler delivers what was dropped on it. */
public interface DroppedTextReceiver {
    /**
     * Sends dropped text as input (asking first when it is long).
     * @return false when it was not sent (the person declined, or input is not possible)
     */
    boolean send(String text);

    /** Nothing is sent; {@code why} is a one-line reason to show. */
    void refused(String why);
}
