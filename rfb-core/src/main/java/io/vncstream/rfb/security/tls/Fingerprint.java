package io.vncstream.rfb.security.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A certificate's SHA-256 fingerprint as users compare it: "SHA256:" and the digest in
 * colon-separated upper-case hex, the digits {@code openssl x509 -fingerprint -sha256} prints.
 */
public final class Fingerprint {
    private static final String PREFIX = "SHA256:";

    private Fingerprint() {
    }

    public static String of(X509Certificate certificate) {
        try {
            return of(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    public static String of(byte[] encodedCertificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(encodedCertificate);
            return PREFIX + HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * A fingerprint as a user typed it ("SHA256:ab:cd...", "sha256:ABCD...", "AB:CD...") in the
     * canonical form; an {@link IllegalArgumentException} saying so when it is not 32 bytes of hex.
     */
    public static String parse(String text) {
        String t = text.trim();
        if (t.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            t = t.substring(PREFIX.length());
        }
        String digits = t.replace(":", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (!digits.matches("[0-9A-F]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 fingerprint: '" + text.trim()
                    + "' (expected SHA256: and 32 bytes of hex, as the certificate prompt shows)");
        }
        return PREFIX + HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(digits));
    }
}
