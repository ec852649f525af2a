package io.vncstream.terminal;

import io.vncstream.terminal.log.LogDirectories;
import io.vncstream.terminal.log.LogSettings;

import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of one terminal session. A plain mutable bag with fluent setters: build one, hand it
 * to {@link TerminalSession}, and do not change it afterwards.
 */
public final class TerminalOptions {
    /** Lines kept above the screen when nothing else is said. */
    public static final int DEFAULT_SCROLLBACK_LINES = 10_000;

    private int columns = 80;
    private int rows = 24;
    private int scrollbackLines = DEFAULT_SCROLLBACK_LINES;
    private Path logDirectory;
    private int logMemoryBytes = 4 * 1024 * 1024;
    private LogSettings logSettings = LogSettings.DEFAULTS;
    private String fontFamily = Font.MONOSPACED;
    private int fontSize = 14;
    private boolean readOnly;
    private Color foreground = new Color(0xD0D0D0);
    private Color background = new Color(0x101010);

    public static TerminalOptions defaults() {
        return new TerminalOptions();
    }

    public int columns() {
        return columns;
    }

    /** The initial width in cells; the panel re-lays out to its real size once shown. */
    public TerminalOptions columns(int value) {
        columns = requirePositive(value, "columns");
        return this;
    }

    public int rows() {
        return rows;
    }

    public TerminalOptions rows(int value) {
        rows = requirePositive(value, "rows");
        return this;
    }

    public int scrollbackLines() {
        return scrollbackLines;
    }

    /** Lines kept above the screen for scrolling back; the log file keeps everything anyway. */
    public TerminalOptions scrollbackLines(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("scrollbackLines must not be negative: " + value);
        }
        scrollbackLines = value;
        return this;
    }

    /** The log directory: the one set, else {@code $XDG_STATE_HOME/vncstream/logs}. */
    public Path logDirectory() {
        return logDirectory != null ? logDirectory : LogDirectories.defaultDirectory();
    }

    public TerminalOptions logDirectory(Path value) {
        logDirectory = Objects.requireNonNull(value, "logDirectory");
        return this;
    }

    /** Whether typed input is logged, and how old logs are pruned (defaults: no input, 30 days, 500 MiB). */
    public LogSettings logSettings() {
        return logSettings;
    }

    public TerminalOptions logSettings(LogSettings value) {
        logSettings = Objects.requireNonNull(value, "logSettings");
        return this;
    }

    public int logMemoryBytes() {
        return logMemoryBytes;
    }

    /** How much of the log's tail is also kept in memory (used when the file cannot be written). */
    public TerminalOptions logMemoryBytes(int value) {
        logMemoryBytes = requirePositive(value, "logMemoryBytes");
        return this;
    }

    public String fontFamily() {
        return fontFamily;
    }

    public TerminalOptions fontFamily(String value) {
        fontFamily = Objects.requireNonNull(value, "fontFamily");
        return this;
    }

    public int fontSize() {
        return fontSize;
    }

    public TerminalOptions fontSize(int value) {
        fontSize = requirePositive(value, "fontSize");
        return this;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** Starts the session read-only: output is shown, input is dropped with a visible hint. */
    public TerminalOptions readOnly(boolean value) {
        readOnly = value;
        return this;
    }

    public Color foreground() {
        return foreground;
    }

    public TerminalOptions foreground(Color value) {
        foreground = Objects.requireNonNull(value, "foreground");
        return this;
    }

    public Color background() {
        return background;
    }

    public TerminalOptions background(Color value) {
        background = Objects.requireNonNull(value, "background");
        return this;
    }

    private static int requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }
}
