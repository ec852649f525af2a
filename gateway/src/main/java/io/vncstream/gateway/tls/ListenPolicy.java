package io.vncstream.gateway.tls;

/**
 * What the listener offers, decided from where it listens and what the user gave, before
 * anything is bound: a pure function, so every rule is testable without a public address.
 * <ul>
 * <li>{@code --tls-cert} with {@code --tls-key}: VeNCrypt with that certificate.</li>
 * <li>Off loopback: a password is required, and without a certificate the gateway's own
 * self-signed one is used (made once).</li>
 * <li>On loopback without a certificate: plain, as before.</li>
 * <li>With TLS, nothing unencrypted is offered unless {@code --allow-unencrypted}.</li>
 * </ul>
 */
public record ListenPolicy(Tls tls, boolean unencryptedAllowed) {
    public enum Tls { NONE, GIVEN, SELF_SIGNED }

    public static ListenPolicy decide(String listen, boolean loopback, boolean certGiven, boolean keyGiven,
                                      boolean passwordGiven, boolean allowUnencrypted) {
        if (certGiven != keyGiven) {
            throw new IllegalArgumentException(certGiven
                    ? "--tls-cert needs its private key: add --tls-key FILE"
                    : "--tls-key needs its certificate: add --tls-cert FILE");
        }
        if (!loopback && !passwordGiven) {
            throw new IllegalArgumentException("refusing to listen on " + listen + " without a password: add --password-file FILE"
                    + " (any machine that reaches it could see the VM and type into it)");
        }
        if (certGiven) {
            return new ListenPolicy(Tls.GIVEN, allowUnencrypted);
        }
        if (!loopback) {
            return new ListenPolicy(Tls.SELF_SIGNED, allowUnencrypted);
        }
        return new ListenPolicy(Tls.NONE, true);
    }

    public boolean offersTls() {
        return tls != Tls.NONE;
    }
}
