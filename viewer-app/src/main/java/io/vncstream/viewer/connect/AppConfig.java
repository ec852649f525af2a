package io.vncstream.viewer.connect;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The viewer's files in {@code $XDG_CONFIG_HOME/vncstream} (else {@code ~/.config/vncstream}):
 * {@code settings.properties} (theme and connection options) and {@code recent-servers} (one
 * address per line, newest first). No password is ever written.
 */
public final class AppConfig {
    private static final Logger LOG = LoggerFactory.getLogger(AppConfig.class);
    public static final int MAX_RECENT = 12;

    private final Path dir;

    public AppConfig(Path dir) {
        this.dir = dir;
    }

    /** The user's config directory; {@code -Dvncstream.config.dir} overrides it (tests). */
    public static AppConfig forUser() {
        String override = System.getProperty("vncstream.config.dir");
        if (override != null && !override.isBlank()) {
            return new AppConfig(Path.of(override));
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new AppConfig(base.resolve("vncstream"));
    }

    public Properties loadSettings() {
        Properties p = new Properties();
        Path f = dir.resolve("settings.properties");
        if (Files.isRegularFile(f)) {
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Could not read {}: {}", f, e.getMessage());
            }
        }
        return p;
    }

    public void saveSettings(Properties p) {
        writeAtomically("settings.properties", tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "vncstream viewer settings");
            }
        });
    }

    /** Recent server addresses, newest first. */
    public List<String> recentServers() {
        Path f = dir.resolve("recent-servers");
        List<String> out = new ArrayList<>();
        if (Files.isRegularFile(f)) {
            try {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    String s = line.trim();
                    if (!s.isEmpty() && !s.startsWith("#") && !out.contains(s) && out.size() < MAX_RECENT) {
                        out.add(s);
                    }
                }
            } catch (IOException e) {
                LOG.warn("Could not read {}: {}", f, e.getMessage());
            }
        }
        return out;
    }

    /** Puts an address at the top of the recent list. */
    public void addRecentServer(String address) {
        String a = address.trim();
        if (a.isEmpty()) {
            return;
        }
        List<String> list = recentServers();
        list.remove(a);
        list.add(0, a);
        while (list.size() > MAX_RECENT) {
            list.remove(list.size() - 1);
        }
        writeAtomically("recent-servers", tmp -> Files.write(tmp, list, StandardCharsets.UTF_8));
    }

    /** The SSH host a recent server was reached through, or "" (file {@code recent-via}: {@code address=via}). */
    public String viaFor(String address) {
        return recentVia().getProperty(address == null ? "" : address.trim(), "");
    }

    /** Remembers (or, with a blank {@code via}, forgets) the SSH host for a server address. */
    public void rememberVia(String address, String via) {
        String a = address == null ? "" : address.trim();
        if (a.isEmpty()) {
            return;
        }
        Properties p = recentVia();
        if (via == null || via.isBlank()) {
            if (p.remove(a) == null) {
                return;
            }
        } else {
            p.setProperty(a, via.trim());
        }
        List<String> recent = recentServers();
        p.keySet().removeIf(k -> !recent.contains(k) && !k.equals(a));
        writeAtomically("recent-via", tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "vncstream: the SSH host each recent server is reached through");
            }
        });
    }

    private Properties recentVia() {
        Properties p = new Properties();
        Path f = dir.resolve("recent-via");
        if (Files.isRegularFile(f)) {
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Could not read {}: {}", f, e.getMessage());
            }
        }
        return p;
    }

    /** What writes a file's new contents (into a temporary file next to it). */
    private interface Contents {
        void writeTo(Path tmp) throws IOException;
    }

    /** Replaces {@code name} in the directory at once, so a crash never leaves half a file; failures are logged. */
    private void writeAtomically(String name, Contents contents) {
        Path f = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, name, ".tmp");
            contents.writeTo(tmp);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Could not save {}: {}", f, e.getMessage());
        }
    }
}
