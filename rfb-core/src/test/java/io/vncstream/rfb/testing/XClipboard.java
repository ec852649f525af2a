package io.vncstream.rfb.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The CLIPBOARD selection of an X server, through {@code xclip}. Setting keeps one
 * {@code xclip -quiet -i} in the foreground as the owner (plain {@code xclip -i} forks and holds
 * pipes open) and kills the previous one by its pid.
 */
public final class XClipboard implements AutoCloseable {
    private final XvncServer xvnc;
    private final Map<String, String> env;
    private Process owner;
    private int n;

    public XClipboard(XvncServer xvnc) {
        TestPeers.requireProgram("xclip", "xclip");
        this.xvnc = xvnc;
        this.env = Map.of("DISPLAY", ":" + xvnc.display(), "LANG", "C.UTF-8", "LC_ALL", "C.UTF-8");
    }

    /** Makes this text (UTF-8) the selection, owned by a new xclip. */
    public void set(String text) throws IOException, InterruptedException {
        Path file = xvnc.dir().resolve("clip-" + (n++) + ".txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        close();
        owner = Processes.start(env, xvnc.dir(), xvnc.dir().resolve("xclip-in.log"),
                List.of("xclip", "-quiet", "-selection", "clipboard", "-i", file.toString()));
        Thread.sleep(200);
        if (!owner.isAlive()) {
            throw new IOException("xclip -i exited: " + Processes.tail(xvnc.dir().resolve("xclip-in.log")));
        }
    }

    /** The selection's text as {@code xclip -o} prints it (UTF-8), or null when there is none. */
    public String get() throws IOException, InterruptedException {
        Processes.Result r = Processes.run(Duration.ofSeconds(10), env, xvnc.dir(),
                List.of("xclip", "-o", "-selection", "clipboard"));
        return r.exitCode() == 0 ? r.output() : null;
    }

    @Override
    public void close() {
        if (owner != null) {
            Processes.killTree(owner.toHandle());
            owner = null;
        }
    }
}
