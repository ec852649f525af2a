package io.vncstream.terminal.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The log directory as the user's private place: the directory 0700 and every log in it 0600
 * (logs hold whatever the device printed, and typed input when the user asks for it), also for
 * a directory and logs made before that rule; and old logs pruned by age and total size.
 */
public final class LogFiles {
    private static final Logger LOG = LoggerFactory.getLogger(LogFiles.class);
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private LogFiles() {
    }

    /** Makes the directory (owner-only), and makes it and the logs already in it owner-only. */
    public static void prepare(Path directory) throws IOException {
        if (POSIX) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
            Files.setPosixFilePermissions(directory, DIRECTORY);
            for (Path log : logs(directory)) {
                try {
                    if (!Files.getPosixFilePermissions(log).equals(FILE)) {
                        Files.setPosixFilePermissions(log, FILE);
                    }
                } catch (IOException e) {
                    LOG.warn("cannot make the log {} readable by its owner only: {}", log, e.toString());
                }
            }
        } else {
            Files.createDirectories(directory);
        }
    }

    /** A new log file, readable and writable by its owner only; fails if it exists. */
    static OutputStream create(Path file) throws IOException {
        if (POSIX) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            // The umask may have taken bits away, never added: this only makes sure.
            Files.setPosixFilePermissions(file, FILE);
            return Files.newOutputStream(file, StandardOpenOption.WRITE);
        }
        return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /**
     * Deletes the logs last written more than {@code maxAgeDays} ago, then the oldest while the
     * rest take more than {@code maxTotalBytes}; {@code keep} (the log being opened) stays.
     * @return how many logs were deleted
     */
    public static int prune(Path directory, LogSettings settings, Clock clock, Path keep) {
        List<Path> logs;
        try {
            logs = new ArrayList<>(logs(directory));
        } catch (IOException e) {
            LOG.warn("cannot list the logs in {} to prune them: {}", directory, e.toString());
            return 0;
        }
        record Entry(Path path, long size, FileTime modified) {
        }
        List<Entry> entries = new ArrayList<>();
        for (Path p : logs) {
            if (p.equals(keep)) {
                continue;
            }
            try {
                entries.add(new Entry(p, Files.size(p), Files.getLastModifiedTime(p)));
            } catch (IOException e) {
                // gone meanwhile
            }
        }
        entries.sort(Comparator.comparing(Entry::modified)); // oldest first
        long total = entries.stream().mapToLong(Entry::size).sum();
        FileTime cutoff = FileTime.from(clock.instant().minus(Duration.ofDays(settings.maxAgeDays())));
        int deleted = 0;
        for (Entry e : entries) {
            boolean tooOld = settings.maxAgeDays() > 0 && e.modified().compareTo(cutoff) < 0;
            boolean tooMuch = settings.maxTotalBytes() > 0 && total > settings.maxTotalBytes();
            if (!tooOld && !tooMuch) {
                continue;
            }
            try {
                Files.deleteIfExists(e.path());
                total -= e.size();
                deleted++;
            } catch (IOException ex) {
                LOG.warn("cannot delete the old log {}: {}", e.path(), ex.toString());
            }
        }
        if (deleted > 0) {
            LOG.info("deleted {} old console log(s) in {} (older than {} days or over {} MiB in all)", deleted,
                    directory, settings.maxAgeDays(), settings.maxTotalBytes() / (1024 * 1024));
        }
        return deleted;
    }

    /** The directory's log files (by name: {@code *.log}, regular files, not links). */
    private static List<Path> logs(Path directory) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(directory, "*.log")) {
            for (Path p : s) {
                if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    out.add(p);
                }
            }
        }
        return out;
    }
}
