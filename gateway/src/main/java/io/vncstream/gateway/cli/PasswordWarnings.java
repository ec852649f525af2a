package io.vncstream.gateway.cli;

import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** What a user should hear at start-up about a password file: what VNC authentication ignores, and who else can read it. */
final class PasswordWarnings {
    private PasswordWarnings() {
    }

    /** {@code password}: the one read from the file, to check its length (null to skip that). */
    static void check(Path file, String option, char[] password) {
        var log = LoggerFactory.getLogger(GatewayCommand.class);
        if (password != null && password.length > 8) {
            log.warn("{} {}: the password has {} characters, but VNC authentication uses only the first 8",
                    option, file, password.length);
        }
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
                log.warn("{} {} can be read by other users: chmod 600 {}", option, file, file);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // No POSIX permissions here (or the file went): nothing to say about them.
        }
    }
}
