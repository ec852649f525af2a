package io.vncstream.rfb.security;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * VNC Authentication: the 16-byte challenge DES-encrypted with the password as key. The key is
 * the first 8 password bytes (Latin-1, zero padded) with each byte's bits mirrored, a quirk of
 * the original implementation that every server keeps.
 */
public final class VncAuth {
    public static final int CHALLENGE_LENGTH = 16;

    private VncAuth() {
    }

    public static byte[] response(byte[] challenge, char[] password) {
        byte[] key = new byte[8];
        byte[] pw = new String(password).getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(pw, 0, key, 0, Math.min(8, pw.length));
        Arrays.fill(pw, (byte) 0);
        return desEncrypt(mirrorBits(key), challenge);
    }

    static byte[] desEncrypt(byte[] key, byte[] data) {
        try {
            Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
            des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
            return des.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no DES cipher", e);
        }
    }

    static byte[] desDecrypt(byte[] key, byte[] data) {
        try {
            Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
            des.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "DES"));
            return des.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no DES cipher", e);
        }
    }

    static byte[] mirrorBits(byte[] key) {
        byte[] out = new byte[key.length];
        for (int i = 0; i < key.length; i++) {
            out[i] = (byte) (Integer.reverse(key[i] & 0xFF) >>> 24);
        }
        return out;
    }
}
