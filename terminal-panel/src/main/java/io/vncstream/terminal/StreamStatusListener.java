package io.vncstream.terminal;

/** Told, on the Swing event thread, whenever the session's {@link StreamStatus} changes. */
@FunctionalInterface
public interface StreamStatusListener {
    /**
     * @param status the new status
     * @param reason why it changed, for a person (for example the reason the stream ended);
     *               may be empty
     */
    void statusChanged(StreamStatus status, String reason);
}
