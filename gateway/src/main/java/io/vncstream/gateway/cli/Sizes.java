package io.vncstream.gateway.cli;

import java.util.Locale;

/** Sizes as users write them: {@code 256K}, {@code 16M}, {@code 1G}, or plain bytes. */
final class Sizes {
    private Sizes() {
    }

    static long parse(String text, String option) {
        String s = text.trim().toUpperCase(Locale.ROOT).replace("IB", "").replace("B", "");
        long unit = 1;
        if (s.endsWith("K")) {
            unit = 1024;
        } else if (s.endsWith("M")) {
            unit = 1024 * 1024;
        } else if (s.endsWith("G")) {
            unit = 1024L * 1024 * 1024;
        }
        if (unit > 1) {
            s = s.substring(0, s.length() - 1);
        }
        try {
            long v = Long.parseLong(s) * unit;
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": invalid size '" + text + "' (e.g. 256K, 16M)");
        }
    }
}
