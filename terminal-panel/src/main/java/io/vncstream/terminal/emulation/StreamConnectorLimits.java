package io.vncstream.terminal.emulation;

/** Sizes shared by the connector and the engine. */
final class StreamConnectorLimits {
    /**
     * The most characters one read hands the emulator: the core's data stream asks for at most
     * its 1024-char buffer; a little margin on top.
     */
    static final int MAX_CHARS_PER_READ = 1100;

    /**
     * Received bytes the emulator may be behind before the receiving thread waits: a few seconds of
     * a busy console, and a bounded heap whatever the device's rate.
     */
    static final int MAX_QUEUED_BYTES = 4 * 1024 * 1024;

    private StreamConnectorLimits() {
    }
}
