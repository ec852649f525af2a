package io.vncstream.libvirt.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** A command's stdout or stderr, read to its end on a thread of its own and kept up to a bound. */
final class CommandOutput {
    private CommandOutput() {
    }

    /**
     * Everything {@code in} gives until it ends, at most {@link HostLimits#MAX_COMMAND_OUTPUT}
     * bytes: past the limit the rest is read and dropped, so the program never blocks on a full
     * pipe or channel window.
     */
    static CompletableFuture<byte[]> readAll(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(chunk)) >= 0) {
                    int keep = Math.min(n, HostLimits.MAX_COMMAND_OUTPUT - buf.size());
                    if (keep > 0) {
                        buf.write(chunk, 0, keep);
                    }
                }
            } catch (IOException e) {
                // the program or channel went away: what was read stands
            }
            return buf.toByteArray();
        });
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
