package io.vncstream.gateway.tls;

import io.vncstream.rfb.server.ServerSecurity;
import io.vncstream.rfb.server.ServerTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Turns a {@link ListenPolicy} into the listener's security: loads the given certificate or the
 * gateway's own (making it the first time), and logs its fingerprint at every start, so a user
 * can compare it with what a viewer shows before accepting it.
 */
public final class ListenerTls {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerTls.class);

    private ListenerTls() {
    }

    private static boolean readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            return perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** {@code plain} (its password) with TLS added as the policy says. */
    public static ServerSecurity apply(ListenPolicy policy, ServerSecurity plain, Path cert, Path key, Path stateDir)
            throws IOException {
        if (!policy.offersTls()) {
            return plain;
        }
        TlsFiles files = policy.tls() == ListenPolicy.Tls.GIVEN ? new TlsFiles(cert, key, false, false)
                : SelfSignedCertificate.loadOrCreate(stateDir, SelfSignedCertificate.localHostName());
        ServerTls tls = files.load();
        if (!files.selfSigned() && readableByOthers(files.key())) {
            LOG.warn("--tls-key {} is readable by other users: anyone who can read it can pose as this gateway"
                    + " (chmod 600 it)", files.key());
        }
        String origin = !files.selfSigned() ? files.certificate().toString()
                : (files.madeNow() ? "self-signed, made now in " : "self-signed, kept in ") + files.certificate();
        LOG.info("TLS certificate {} ({}): a viewer asked to accept it must show this fingerprint", tls.fingerprint(), origin);
        if (policy.unencryptedAllowed()) {
            LOG.warn("--allow-unencrypted: viewers may also connect without TLS");
        }
        return plain.withTls(tls, policy.unencryptedAllowed());
    }
}
