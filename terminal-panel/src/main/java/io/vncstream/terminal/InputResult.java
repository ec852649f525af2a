package io.vncstream.terminal;

/** What became of input the person typed, pasted or dropped. */
public enum InputResult {
    SENT("sent"),
    DROPPED_READ_ONLY("Read-only: input is not sent"),
    DROPPED_NOT_CONNECTED("Not connected: input is not sent");

    private final String hint;

    InputResult(String hint) {
        this.hint = hint;
    }

    /** What to tell the person when the input was dropped. */
    public String hint() {
        return hint;
    }
}
