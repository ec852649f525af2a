package io.vncstream.terminal;

/**
 * Where the terminal's input goes: keystrokes, pasted or dropped text and the emulator's own
 * answers to queries (device attributes, cursor position). Bytes are handed over exactly as
 * produced, one call per keystroke or paste, with no line buffering and no local echo.
 *
 * <p>Called on the Swing event thread (keys, paste) or the emulator thread (answers); an
 * implementation should hand the bytes to its writer rather than block on the network.
 */
@FunctionalInterface
public interface ByteSink {
    void send(byte[] bytes);
}
