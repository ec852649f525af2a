package io.vncstream.terminal;

/** Whether the terminal currently has a stream behind it. */
public enum StreamStatus {
    /** Created, no stream attached yet. */
    NOT_ATTACHED,
    /** A stream is attached: output is shown and input is sent. */
    CONNECTED,
    /** The stream ended; the contents stay and a new stream may be attached. */
    ENDED,
    /** The session was closed for good. */
    CLOSED
}
