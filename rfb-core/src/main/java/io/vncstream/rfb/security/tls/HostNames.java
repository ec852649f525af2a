package io.vncstream.rfb.security.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;

/**
 * Whether a certificate is for the host we connected to (RFC 6125): an IP address must be one of
 * its IP subjectAltNames; a host name one of its DNS names, where "*" may stand for the whole
 * left-most label. The common name counts only when the certificate has no subjectAltName.
 */
public final class HostNames {
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private HostNames() {
    }

    /** The names a certificate covers, as "DNS:localhost", "IP:127.0.0.1" (or "CN:name" without SANs). */
    public static List<String> names(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        for (List<?> san : sans(certificate)) {
            int kind = (Integer) san.get(0);
            if (kind == SAN_DNS) {
                names.add("DNS:" + san.get(1));
            } else if (kind == SAN_IP) {
                names.add("IP:" + san.get(1));
            }
        }
        if (names.isEmpty()) {
            String cn = commonName(certificate.getSubjectX500Principal());
            if (cn != null) {
                names.add("CN:" + cn);
            }
        }
        return names;
    }

    public static boolean matches(X509Certificate certificate, String host) {
        InetAddress ip = ipLiteral(host);
        for (String name : names(certificate)) {
            String value = name.substring(name.indexOf(':') + 1);
            if (ip != null && name.startsWith("IP:")) {
                if (ip.equals(ipLiteral(value))) {
                    return true;
                }
            } else if (ip == null && !name.startsWith("IP:") && dnsMatches(value, host)) {
                return true;
            }
        }
        return false;
    }

    static boolean dnsMatches(String pattern, String host) {
        String p = trimDot(pattern.toLowerCase(Locale.ROOT));
        String h = trimDot(host.toLowerCase(Locale.ROOT));
        if (p.startsWith("*.")) {
            int dot = h.indexOf('.');
            return dot > 0 && h.substring(dot + 1).equals(p.substring(2)) && p.substring(2).contains(".");
        }
        return p.equals(h);
    }

    private static String trimDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** The address when {@code host} is an IPv4 or IPv6 literal (brackets allowed), otherwise null; never a lookup. */
    public static InetAddress ipLiteral(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return null;
        }
        if (!h.matches("[0-9a-fA-F:.%]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(h);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static Collection<List<?>> sans(X509Certificate certificate) {
        try {
            Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
            return sans == null ? List.of() : sans;
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    /** Certificate text is the server's: control characters become \\xNN before it reaches a log or terminal. */
    public static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
                b.append(String.format("\\x%02x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    /** The first CN of an RFC 2253 name, unescaped; written out to keep java.naming out of the runtime image. */
    static String commonName(X500Principal principal) {
        String name = principal.getName(X500Principal.RFC2253);
        StringBuilder part = new StringBuilder();
        for (int i = 0; i <= name.length(); i++) {
            char c = i < name.length() ? name.charAt(i) : ',';
            if (c == '\\' && i + 1 < name.length()) {
                part.append(name.charAt(++i));
            } else if (c == ',' || c == '+') {
                String p = part.toString();
                if (p.regionMatches(true, 0, "CN=", 0, 3)) {
                    return p.substring(3);
                }
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        return null;
    }
}
