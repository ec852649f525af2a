package io.vncstream.terminal.log;

import java.util.Properties;

/**
 * What the user chose for console logs: whether typed input is stored (off by default: a password
 * typed at a prompt that does not echo it would be in the file), and how long and how much of the
 * old logs are kept. The host stores them; {@link #load} and {@link #store} use properties named
 * {@code log.*}.
 *
 * @param recordInput   store typed input (and the terminal's answers) as "sent" annotations
 * @param maxAgeDays    logs last written longer ago are deleted; 0 keeps them whatever their age
 * @param maxTotalBytes the oldest logs are deleted while all of them take more; 0 means no limit
 */
public record LogSettings(boolean recordInput, int maxAgeDays, long maxTotalBytes) {
    public static final LogSettings DEFAULTS = new LogSettings(false, 30, 500L * 1024 * 1024);

    public LogSettings {
        if (maxAgeDays < 0 || maxTotalBytes < 0) {
            throw new IllegalArgumentException("log limits must not be negative: " + maxAgeDays + " days, "
                    + maxTotalBytes + " bytes");
        }
    }

    /** The settings in {@code p}, each missing or unreadable one from {@link #DEFAULTS}. */
    public static LogSettings load(Properties p) {
        return new LogSettings(
                Boolean.parseBoolean(p.getProperty("log.recordInput", String.valueOf(DEFAULTS.recordInput))),
                (int) number(p, "log.maxAgeDays", DEFAULTS.maxAgeDays, Integer.MAX_VALUE),
                number(p, "log.maxTotalMiB", DEFAULTS.maxTotalBytes / (1024 * 1024), Long.MAX_VALUE / (1024 * 1024))
                        * 1024 * 1024);
    }

    public void store(Properties p) {
        p.setProperty("log.recordInput", String.valueOf(recordInput));
        p.setProperty("log.maxAgeDays", String.valueOf(maxAgeDays));
        p.setProperty("log.maxTotalMiB", String.valueOf(maxTotalBytes / (1024 * 1024)));
    }

    private static long number(Properties p, String key, long fallback, long max) {
        try {
            long v = Long.parseLong(p.getProperty(key, "").trim());
            return v >= 0 && v <= max ? v : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
