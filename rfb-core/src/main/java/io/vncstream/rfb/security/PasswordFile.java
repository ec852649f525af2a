package io.vncstream.rfb.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a password from a file in either form users have: plain text (the first line), or a
 * TigerVNC/RealVNC {@code vncpasswd} file, whose 8 bytes are the password DES-encrypted with a
 * fixed, well-known key. A vncpasswd file is recognised by being 8 (or 16, with a view-only
 * password) bytes with at least one byte that is not printable text, a final line end aside.
 */
public final class PasswordFile {
    /** The fixed key of vncpasswd's obfuscation (it is obfuscation, not protection). */
    private static final byte[] OBFUSCATION_KEY = {23, 82, 107, 6, 35, 78, 88, 7};

    private PasswordFile() {
    }

    public static char[] read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (isObfuscated(bytes)) {
            return deobfuscate(java.util.Arrays.copyOf(bytes, 8));
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        int eol = text.indexOf('\n');
        String line = eol >= 0 ? text.substring(0, eol) : text;
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        if (line.isEmpty()) {
            throw new IOException("password file " + file + " is empty");
        }
        return line.toCharArray();
    }

    static boolean isObfuscated(byte[] bytes) {
        if (bytes.length != 8 && bytes.length != 16) {
            return false;
        }
        // A 7- or 15-character password and its line end is 8 or 16 bytes too: text is text.
        int end = bytes.length;
        if (bytes[end - 1] == '\n') {
            end--;
            if (end > 0 && bytes[end - 1] == '\r') {
                end--;
            }
        }
        for (int i = 0; i < end; i++) {
            int c = bytes[i] & 0xFF;
            if (c < 0x20 || c > 0x7E) {
                return true;
            }
        }
        return false;
    }

    public static char[] deobfuscate(byte[] encrypted) {
        byte[] plain = VncAuth.desDecrypt(VncAuth.mirrorBits(OBFUSCATION_KEY), encrypted);
        int length = 0;
        while (length < plain.length && plain[length] != 0) {
            length++;
        }
        return new String(plain, 0, length, StandardCharsets.ISO_8859_1).toCharArray();
    }

    /** The 8 bytes vncpasswd writes for a password (used by tests and the gateway's own files). */
    public static byte[] obfuscate(char[] password) {
        byte[] plain = new byte[8];
        byte[] pw = new String(password).getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(pw, 0, plain, 0, Math.min(8, pw.length));
        return VncAuth.desEncrypt(VncAuth.mirrorBits(OBFUSCATION_KEY), plain);
    }
}
