package io.vncstream.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * known_hosts as OpenSSH keeps it, for one connection: jsch's own reader checks the key (plain
 * and hashed {@code |1|} entries, {@code [host]:port} names) in the user's file, then in the
 * system's ({@code /etc/ssh/ssh_known_hosts}, never written); an unknown key goes to the prompts
 * and, when trusted, is appended to the file (created owner-only); a changed key is refused and
 * never asked about. What was decided is kept so that the connection's error can say it.
 */
final class KnownHostsCheck implements HostKeyRepository {
    private static final Object FILE_LOCK = new Object();

    private final HostKeyRepository file;
    private final HostKeyRepository global;
    private final Path path;
    private final Path globalPath;
    private final SshPrompts prompts;
    private final ConnectDeadline deadline;
    private final boolean hash;
    private volatile HostKeyException refusal;

    KnownHostsCheck(Path path, Path globalPath, SshPrompts prompts, ConnectDeadline deadline, boolean hash)
            throws JSchException {
        this.path = path;
        this.prompts = prompts;
        this.deadline = deadline;
        this.hash = hash;
        this.globalPath = globalPath;
        this.file = repository(path);
        this.global = Files.isReadable(globalPath) ? repository(globalPath) : null;
    }

    private static HostKeyRepository repository(Path p) throws JSchException {
        JSch reader = new JSch();
        if (Files.isRegularFile(p)) {
            reader.setKnownHosts(p.toString());
        }
        return reader.getHostKeyRepository();
    }

    /** Why the key was refused, if it was (null otherwise). */
    HostKeyException refusal() {
        return refusal;
    }

    @Override
    public int check(String host, byte[] key) {
        int r = file.check(host, key);
        Path said = path;
        if (r == NOT_INCLUDED && global != null) {
            r = global.check(host, key); // as ssh: the user's file first, then the system's
            said = globalPath;
        }
        if (r == OK) {
            return OK;
        }
        HostKeyInfo info = new HostKeyInfo(host, HostKeys.typeName(key), HostKeys.fingerprint(key), path);
        if (r == CHANGED) {
            refusal = new HostKeyException("the " + info.type() + " host key of " + host + " has CHANGED: it is now "
                    + info.fingerprint() + ", not the one in " + said + "; refusing to connect (if the host was "
                    + "reinstalled, remove the old key with: ssh-keygen -R '" + host + "')",
                    HostKeyException.Problem.CHANGED, info);
            return CHANGED;
        }
        boolean trusted;
        if (!prompts.isInteractive()) {
            trusted = false;
        } else {
            deadline.pause();
            try {
                trusted = prompts.trustUnknownHostKey(info);
            } finally {
                deadline.resume();
            }
        }
        if (!trusted) {
            refusal = new HostKeyException("host key not known: " + info.type() + " key fingerprint " + info.fingerprint()
                    + (prompts.isInteractive() ? ", not accepted" : ", not accepted without a prompt (connect once "
                    + "with ssh or the GUI to accept it, or add it to " + path + ")"),
                    HostKeyException.Problem.UNKNOWN, info);
            return NOT_INCLUDED;
        }
        try {
            append(host, key);
        } catch (IOException e) {
            // The user trusted it for this connection; the next one asks again.
            org.slf4j.LoggerFactory.getLogger(KnownHostsCheck.class).warn("could not add {} to {}: {}", host, path,
                    e.getMessage());
        }
        return OK;
    }

    private void append(String host, byte[] key) throws IOException {
        String line = HostKeys.knownHostsLine(hash ? hashed(host) : host, key) + "\n";
        synchronized (FILE_LOCK) {
            Path dir = path.getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            if (!Files.exists(path)) {
                Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else if (Files.size(path) > 0 && !endsWithNewline(path)) {
                line = "\n" + line;
            }
            Files.writeString(path, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
    }

    private static boolean endsWithNewline(Path p) throws IOException {
        try (var ch = Files.newByteChannel(p)) {
            ch.position(ch.size() - 1);
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1);
            ch.read(b);
            return b.get(0) == '\n';
        }
    }

    /** OpenSSH's hashed name: {@code |1|base64(salt)|base64(HMAC-SHA1(salt, name))}. */
    static String hashed(String host) {
        try {
            byte[] salt = new byte[20];
            new SecureRandom().nextBytes(salt);
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            byte[] h = mac.doFinal(host.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder b64 = Base64.getEncoder();
            return "|1|" + b64.encodeToString(salt) + "|" + b64.encodeToString(h);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA1", e);
        }
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // check() has added what the user trusted; jsch's own insertion would rewrite the whole file.
    }

    @Override
    public void remove(String host, String type) {
        // never: a changed key is refused, not replaced
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        // never
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return path.toString();
    }

    @Override
    public HostKey[] getHostKey() {
        return both(file.getHostKey(), global == null ? null : global.getHostKey());
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        return both(file.getHostKey(host, type), global == null ? null : global.getHostKey(host, type));
    }

    private static HostKey[] both(HostKey[] a, HostKey[] b) {
        if (b == null || b.length == 0) {
            return a;
        }
        if (a == null || a.length == 0) {
            return b;
        }
        HostKey[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
