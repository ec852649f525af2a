package io.vncstream.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ~/.ssh/config} as jsch's parser can take it: {@code Include} files (globs, relative to
 * {@code ~/.ssh}) are put in place, repeated {@code Host} lines each keep their block, and
 * {@code Match} blocks are left out, since jsch would
 * otherwise apply their settings to the {@code Host} block before them (a user or port meant
 * for other hosts). What a Match block sets is not applied at all, and so is said in the docs.
 */
final class SshConfigText {
    /** OpenSSH's own limit on nested Includes. */
    static final int MAX_INCLUDE_DEPTH = 16;
    /** No config anyone writes is this big: a larger file is refused rather than read. */
    static final long MAX_FILE_BYTES = 1 << 20;

    private SshConfigText() {
    }

    static String read(Path file, Path home) throws IOException {
        StringBuilder out = new StringBuilder();
        append(file, home, 0, out, new int[1]);
        return out.toString();
    }

    private static void append(Path file, Path home, int depth, StringBuilder out, int[] blocks) throws IOException {
        if (depth > MAX_INCLUDE_DEPTH) {
            throw new IOException("Include nested more than " + MAX_INCLUDE_DEPTH + " deep at " + file);
        }
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException(file + " is larger than " + MAX_FILE_BYTES + " bytes");
        }
        boolean inMatch = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] kv = keywordAndValue(line);
            if (kv == null) {
                continue;
            }
            String keyword = kv[0].toLowerCase(Locale.ROOT);
            if (keyword.equals("host")) {
                inMatch = false;
                // jsch keeps one block per distinct Host line, the last: a never-matching negated
                // pattern makes each line distinct, so that two "Host b" blocks both apply, as in OpenSSH.
                out.append("Host ").append(kv[1]).append(" !vncstream-block-").append(++blocks[0]).append(".invalid\n");
                continue;
            } else if (keyword.equals("match")) {
                inMatch = true;
                continue;
            }
            if (inMatch) {
                continue;
            }
            if (keyword.equals("include")) {
                for (String pattern : kv[1].trim().split("\\s+")) {
                    for (Path included : expand(unquote(pattern), home)) {
                        append(included, home, depth + 1, out, blocks);
                    }
                }
                continue;
            }
            out.append(line).append('\n');
        }
    }

    /** The keyword and the rest ("Keyword value", "Keyword=value"), or null for blank and comment lines. */
    static String[] keywordAndValue(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) {
            return null;
        }
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '=') {
            i++;
        }
        String rest = s.substring(i).strip();
        if (rest.startsWith("=")) {
            rest = rest.substring(1).strip();
        }
        return new String[] {s.substring(0, i), rest};
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /** The files an Include names, sorted as OpenSSH's glob(3) gives them; none when nothing matches. */
    private static List<Path> expand(String pattern, Path home) throws IOException {
        String p = pattern.equals("~") || pattern.startsWith("~/") ? home + pattern.substring(1) : pattern;
        Path path = Path.of(p);
        if (!path.isAbsolute()) {
            path = home.resolve(".ssh").resolve(path);
        }
        List<Path> found = new ArrayList<>();
        Path dir = path.getParent();
        String name = path.getFileName().toString();
        if (dir == null || !Files.isDirectory(dir)) {
            return found;
        }
        if (!name.contains("*") && !name.contains("?") && !name.contains("[")) {
            if (Files.isRegularFile(path)) {
                found.add(path);
            }
            return found;
        }
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + name);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path e : entries) {
                if (glob.matches(e.getFileName()) && Files.isRegularFile(e)) {
                    found.add(e);
                }
            }
        }
        found.sort(null);
        return found;
    }
}
