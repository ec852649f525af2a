package io.vncstream.terminal.emulation;

/** Sizes shared by the connector and the engine. */
final class StreamConnectorLimits {
    /**
     * The most characters one read hands the emulator: the core's data stream asks for at most
     * its 1024-char buffer; a little margin on top.
     */
    static final int MAX_CHARS_PER_READ = 1100;

    private StreamConnectorLimits() {
    }
}
