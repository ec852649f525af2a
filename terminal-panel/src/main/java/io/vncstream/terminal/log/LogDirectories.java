package io.vncstream.terminal.log;

import java.nio.file.Path;
import java.nio.file.Paths;

/** Where logs go by default: {@code $XDG_STATE_HOME/vncstream/logs}. */
public final class LogDirectories {
    private LogDirectories() {
    }

    public static Path defaultDirectory() {
        return resolve(System.getenv("XDG_STATE_HOME"), System.getProperty("user.home"));
    }

    /**
     * The XDG rule: a relative or empty {@code XDG_STATE_HOME} is to be ignored, and then
     * {@code ~/.local/state} is the base.
     */
    static Path resolve(String xdgStateHome, String userHome) {
        Path base;
        if (xdgStateHome != null && !xdgStateHome.isBlank() && Paths.get(xdgStateHome).isAbsolute()) {
            base = Paths.get(xdgStateHome);
        } else {
            base = Paths.get(userHome, ".local", "state");
        }
        return base.resolve("vncstream").resolve("logs");
    }
}
