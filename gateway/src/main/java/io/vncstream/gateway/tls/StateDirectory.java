package io.vncstream.gateway.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Where the gateway keeps what it makes for itself: {@code $XDG_STATE_HOME/vncstream/gateway}, owner-only. */
public final class StateDirectory {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private StateDirectory() {
    }

    public static Path defaultPath() {
        return resolve(System.getenv("XDG_STATE_HOME"), System.getProperty("user.home"));
    }

    /** The XDG rule: a relative or empty {@code XDG_STATE_HOME} is ignored, and {@code ~/.local/state} is the base. */
    static Path resolve(String xdgStateHome, String home) {
        Path base = xdgStateHome != null && !xdgStateHome.isEmpty() && Paths.get(xdgStateHome).isAbsolute()
                ? Paths.get(xdgStateHome) : Paths.get(home, ".local", "state");
        return base.resolve("vncstream").resolve("gateway");
    }

    /** Creates {@code dir} (0700) if needed, and makes an existing one owner-only. */
    static void ensurePrivate(Path dir) throws IOException {
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.setPosixFilePermissions(dir, OWNER_ONLY);
        } catch (IOException e) {
            throw new IOException("cannot use " + dir + " as the gateway's state directory: " + e.getMessage(), e);
        }
    }
}
