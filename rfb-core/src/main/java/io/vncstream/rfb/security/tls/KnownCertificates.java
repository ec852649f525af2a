package io.vncstream.rfb.security.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The certificates a user accepted "always", per server, like ssh's known_hosts: one line per
 * server, {@code host:port SHA256:AB:CD:...}; '#' starts a comment. The file and its directory
 * are owner-only. Without a file (the gateway, tests) the store only lives in memory.
 */
public final class KnownCertificates {
    private final Path file;
    private final Map<String, String> memory = new LinkedHashMap<>();

    private KnownCertificates(Path file) {
        this.file = file;
    }

    /** Kept in {@code file}, created (with its directory) when the first certificate is accepted. */
    public static KnownCertificates inFile(Path file) {
        return new KnownCertificates(file);
    }

    public static KnownCertificates inMemory() {
        return new KnownCertificates(null);
    }

    /** The file, or null when in memory only. */
    public Path file() {
        return file;
    }

    /** The fingerprint accepted for {@code server}, or null. */
    public synchronized String lookup(String server) throws IOException {
        return read().get(server);
    }

    /** Keeps {@code fingerprint} for {@code server}, replacing what was there. */
    public synchronized void remember(String server, String fingerprint) throws IOException {
        if (server.isBlank() || server.contains(" ") || server.contains("\n")) {
            throw new IllegalArgumentException("not a server key: '" + server + "'");
        }
        Map<String, String> all = read();
        all.put(server, Fingerprint.parse(fingerprint));
        if (file == null) {
            memory.clear();
            memory.putAll(all);
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add("# Certificates accepted by vncstream, per server: host:port SHA-256 fingerprint");
        all.forEach((k, v) -> lines.add(k + " " + v));
        write(lines);
    }

    private Map<String, String> read() throws IOException {
        if (file == null) {
            return new LinkedHashMap<>(memory);
        }
        Map<String, String> all = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return all;
        }
        for (String line : lines) {
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] parts = t.split("\\s+");
            if (parts.length < 2) {
                continue;
            }
            try {
                all.put(parts[0], Fingerprint.parse(parts[1]));
            } catch (IllegalArgumentException e) {
                // A damaged line is skipped: the server it named will be asked about again.
            }
        }
        return all;
    }

    private void write(List<String> lines) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Path tmp = Files.createTempFile(dir, ".known-certificates", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
