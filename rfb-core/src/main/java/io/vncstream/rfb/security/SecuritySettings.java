package io.vncstream.rfb.security;

import io.vncstream.rfb.security.tls.TlsOptions;

/**
 * What the security types need from the user: which types are allowed in which order, where
 * passwords and Plain credentials come from, and how TLS certificates are trusted.
 */
public record SecuritySettings(SecurityTypes types, PasswordSource passwords, CredentialsSource credentials,
                               String user, TlsOptions tls) {
    public static SecuritySettings defaults(PasswordSource passwords) {
        return new SecuritySettings(SecurityTypes.DEFAULT, passwords, CredentialsSource.of(passwords), null,
                new TlsOptions());
    }
}
