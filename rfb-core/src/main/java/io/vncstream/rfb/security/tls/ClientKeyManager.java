package io.vncstream.rfb.security.tls;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * Presents the one client certificate the user configured whenever a server asks, as gtk-vnc
 * does: the JDK's own key managers send nothing unless the certificate's issuer is among those
 * the server lists, and a server that lists none (or another name for the same CA) would then
 * get no certificate and refuse us with a less helpful alert. The key type must still fit: an
 * RSA certificate is not offered for an EC-only request. Without a certificate it answers with
 * none; either way it tells the connection's {@link ClientIdentity} that the server asked.
 */
final class ClientKeyManager extends X509ExtendedKeyManager {
    static final String ALIAS = "client";

    private final ClientIdentity identity;
    private final PrivateKey key;
    private final X509Certificate[] chain;

    ClientKeyManager(ClientIdentity identity) {
        this.identity = identity;
        this.key = identity.key();
        this.chain = identity.chain().toArray(X509Certificate[]::new);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        String alias = choose(keyTypes);
        identity.asked(alias != null);
        return alias;
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        String alias = choose(keyTypes);
        identity.asked(alias != null);
        return alias;
    }

    private String choose(String[] keyTypes) {
        if (key == null) {
            return null;
        }
        if (keyTypes == null) {
            return ALIAS;
        }
        String ours = key.getAlgorithm();
        for (String type : keyTypes) {
            // TLS 1.3 asks for "RSASSA-PSS" where an RSA key signs with PSS; EdDSA keys say "EdDSA" or "Ed25519".
            if (type.equals(ours) || type.equals("RSASSA-PSS") && ours.equals("RSA")
                    || type.startsWith("Ed") && ours.startsWith("Ed")) {
                return ALIAS;
            }
        }
        return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? chain.clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? key : null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return choose(new String[] {keyType}) == null ? new String[0] : new String[] {ALIAS};
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return new String[0];
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
