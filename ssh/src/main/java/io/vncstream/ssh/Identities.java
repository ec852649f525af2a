package io.vncstream.ssh;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.Identity;
import com.jcraft.jsch.IdentityRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.UnixDomainSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.Vector;

/**
 * The keys offered for public-key authentication, in OpenSSH's order: the agent's (through the
 * JDK's own unix sockets, no native library), then the key files (IdentityFile, then
 * {@code id_ed25519}, {@code id_ecdsa}, {@code id_rsa}), each file skipped when the agent already
 * holds its key. Encrypted files are decrypted by jsch with the passphrase prompt.
 */
final class Identities implements IdentityRepository {
    private static final Logger LOG = LoggerFactory.getLogger(Identities.class);

    private final IdentityRepository agent;
    private final JSch files = new JSch();
    private final List<String> fileNames = new ArrayList<>();
    private int agentKeys;

    Identities(Path agentSocket, List<Path> keyFiles) {
        this.agent = agentSocket == null ? null : agent(agentSocket);
        for (Path f : keyFiles) {
            String open = tooOpen(f);
            if (open != null) {
                // OpenSSH ignores such a key ("UNPROTECTED PRIVATE KEY FILE!"): so do we, and say so.
                LOG.warn("ignoring SSH key {}: permissions {} are too open (chmod 600 it)", f, open);
                fileNames.add(f.getFileName() + " (ignored: permissions " + open + " are too open)");
                continue;
            }
            try {
                files.addIdentity(f.toString());
                fileNames.add(f.getFileName().toString());
            } catch (JSchException e) {
                LOG.debug("skipping key file {}: {}", f, e.getMessage());
            }
        }
    }

    /** The file's mode as ssh prints it ("0644") when others than its owner may read it, else null. */
    static String tooOpen(Path f) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(f);
            int mode = 0;
            for (PosixFilePermission x : p) {
                mode |= 1 << (8 - x.ordinal());
            }
            return (mode & 0077) != 0 ? String.format("%04o", mode) : null;
        } catch (IOException | UnsupportedOperationException e) {
            return null; // no POSIX permissions to judge by: jsch reads it or says why not
        }
    }

    private static IdentityRepository agent(Path socket) {
        try {
            SSHAgentConnector c = new SSHAgentConnector(new UnixDomainSocketFactory(), socket);
            return new AgentIdentityRepository(c);
        } catch (AgentProxyException | RuntimeException e) {
            LOG.debug("no ssh-agent at {}: {}", socket, e.getMessage());
            return null;
        }
    }

    /** What was offered, for an error message: "ssh-agent (2 keys), id_ed25519" or "no keys". */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (agent != null) {
            parts.add("ssh-agent (" + agentKeys + (agentKeys == 1 ? " key)" : " keys)"));
        }
        parts.addAll(fileNames);
        return parts.isEmpty() ? "no keys" : String.join(", ", parts);
    }

    @Override
    public Vector<Identity> getIdentities() {
        Vector<Identity> all = new Vector<>();
        List<byte[]> agentBlobs = new ArrayList<>();
        if (agent != null) {
            try {
                for (Identity i : agent.getIdentities()) {
                    all.add(i);
                    agentBlobs.add(i.getPublicKeyBlob());
                }
            } catch (RuntimeException e) {
                LOG.debug("ssh-agent did not list its keys: {}", e.getMessage());
            }
            agentKeys = all.size();
        }
        for (Identity i : files.getIdentityRepository().getIdentities()) {
            byte[] blob = i.getPublicKeyBlob();
            if (blob == null || agentBlobs.stream().noneMatch(b -> Arrays.equals(b, blob))) {
                all.add(i);
            }
        }
        return all;
    }

    @Override
    public String getName() {
        return "vncstream identities";
    }

    @Override
    public int getStatus() {
        return RUNNING;
    }

    @Override
    public boolean add(byte[] identity) {
        return false;
    }

    @Override
    public boolean remove(byte[] blob) {
        return false;
    }

    @Override
    public void removeAll() {
        // the repository is built per connection and never changed
    }
}
