package io.vncstream.ssh;

import com.jcraft.jsch.ConfigRepository;
import com.jcraft.jsch.OpenSSHConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A target resolved as {@code ssh} resolves it: what the command line gives wins, then the first
 * value of the matching {@code Host} blocks of {@code ~/.ssh/config} and the files it
 * {@code Include}s (HostName, User, Port, IdentityFile, HashKnownHosts; {@code Match} blocks
 * are not applied), then the defaults (the local user name, port 22).
 *
 * @param alias what the user typed as host
 * @param identityFiles IdentityFile entries first (expanded), then {@code id_ed25519}, {@code id_ecdsa}, {@code id_rsa}; only files that exist
 */
public record SshHost(String alias, String user, String hostName, int port, List<Path> identityFiles,
                      boolean hashKnownHosts) {
    static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    /** {@code user@host port N}, for messages. */
    public String describe() {
        return user + "@" + hostName + " port " + port;
    }

    /** How known_hosts names this host: {@code host}, or {@code [host]:port} off port 22. */
    public String knownHostsName() {
        return port == SshTarget.DEFAULT_PORT ? hostName : "[" + hostName + "]:" + port;
    }

    /** Resolves {@code target} with {@code options}' {@code ~/.ssh/config} (absent or unreadable: no aliases). */
    public static SshHost resolve(SshTarget target, SshOptions options) throws SshException {
        ConfigRepository.Config c = config(options.sshDir().resolve("config"), options.home(), target.host());
        String hostName = first(c == null ? null : c.getHostname(), target.host());
        String user = first(target.user(), c == null ? null : c.getUser(), System.getProperty("user.name"));
        int port = target.port() != SshTarget.NO_PORT ? target.port()
                : c != null && c.getPort() > 0 ? c.getPort() : SshTarget.DEFAULT_PORT;
        List<Path> keys = new ArrayList<>();
        String[] configured = c == null ? null : c.getValues("IdentityFile");
        if (configured != null) {
            for (String f : configured) {
                Path p = expand(f, options.home(), user, hostName);
                if (Files.isRegularFile(p) && !keys.contains(p)) {
                    keys.add(p);
                }
            }
        }
        for (String name : DEFAULT_KEYS) {
            Path p = options.sshDir().resolve(name);
            if (Files.isRegularFile(p) && !keys.contains(p)) {
                keys.add(p);
            }
        }
        String hash = c == null ? null : c.getValue("HashKnownHosts");
        return new SshHost(target.host(), user, hostName, port, List.copyOf(keys),
                hash != null && hash.trim().toLowerCase(Locale.ROOT).equals("yes"));
    }

    private static ConfigRepository.Config config(Path file, Path home, String alias) throws SshException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return OpenSSHConfig.parse(SshConfigText.read(file, home)).getConfig(alias);
        } catch (IOException | RuntimeException e) {
            throw new SshException("ssh " + alias + ": cannot read " + file + ": " + e.getMessage());
        }
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null && !v.toString().isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** OpenSSH's expansions in IdentityFile: {@code ~}, {@code %d} (home), {@code %u} (local user), {@code %r}, {@code %h}, {@code %%}. */
    static Path expand(String value, Path home, String remoteUser, String hostName) {
        String v = value.trim();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        if (v.equals("~") || v.startsWith("~/")) {
            v = home + v.substring(1);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch != '%' || i + 1 == v.length()) {
                out.append(ch);
                continue;
            }
            char t = v.charAt(++i);
            switch (t) {
                case 'd' -> out.append(home);
                case 'u' -> out.append(System.getProperty("user.name"));
                case 'r' -> out.append(remoteUser);
                case 'h' -> out.append(hostName);
                case '%' -> out.append('%');
                default -> out.append('%').append(t);
            }
        }
        Path p = Path.of(out.toString());
        return p.isAbsolute() ? p : home.resolve(".ssh").resolve(p);
    }
}
