package io.vncstream.terminal.log;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** File names of logs: {@code <device>-<yyyyMMdd-HHmmss>.log}. */
public final class LogNames {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private LogNames() {
    }

    public static String fileName(String device, LocalDateTime time) {
        return safeDevice(device) + "-" + STAMP.format(time) + ".log";
    }

    /** Device names come from the remote side: keep only what is harmless in a file name. */
    public static String safeDevice(String device) {
        String cleaned = device == null ? "" : device.replaceAll("[^A-Za-z0-9._-]", "_");
        cleaned = cleaned.replaceAll("^[.]+", "_");
        if (cleaned.isEmpty()) {
            return "terminal";
        }
        return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
    }
}
