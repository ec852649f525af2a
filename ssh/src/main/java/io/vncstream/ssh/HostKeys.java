package io.vncstream.ssh;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** A host key blob (the SSH wire form) in the words {@code ssh} uses: its type and SHA-256 fingerprint. */
final class HostKeys {
    private HostKeys() {
    }

    /** {@code SHA256:} and the unpadded base64 of the blob's digest, as {@code ssh-keygen -l -E sha256} prints it. */
    static String fingerprint(byte[] blob) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The algorithm name inside the blob ({@code ssh-ed25519}), or "unknown" when the blob is too short. */
    static String algorithm(byte[] blob) {
        if (blob.length < 4) {
            return "unknown";
        }
        int n = ByteBuffer.wrap(blob).getInt();
        if (n <= 0 || n > 64 || n > blob.length - 4) {
            return "unknown";
        }
        return new String(blob, 4, n, StandardCharsets.US_ASCII);
    }

    /** The type as ssh prints it: ED25519, ECDSA, RSA, DSA, ED448. */
    static String typeName(byte[] blob) {
        String alg = algorithm(blob);
        if (alg.startsWith("ssh-ed25519")) {
            return "ED25519";
        }
        if (alg.startsWith("ecdsa-")) {
            return "ECDSA";
        }
        if (alg.startsWith("ssh-rsa")) {
            return "RSA";
        }
        if (alg.startsWith("ssh-dss")) {
            return "DSA";
        }
        if (alg.startsWith("ssh-ed448")) {
            return "ED448";
        }
        return alg.toUpperCase(java.util.Locale.ROOT);
    }

    /** A known_hosts line for the key: {@code NAME ALGORITHM BASE64}. */
    static String knownHostsLine(String name, byte[] blob) {
        return name + " " + algorithm(blob) + " " + Base64.getEncoder().encodeToString(blob);
    }
}
