package io.vncstream.rfb.security;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The security types a client allows, in the order it prefers them: VeNCrypt's X509 sub-types
 * first (the server proves who it is), then anonymous TLS (encrypted, server not verified), then
 * the unencrypted types. Within each, the one that needs no credentials comes first, as None
 * comes before VncAuth. Plain (a clear-text user name and password) is never in the default:
 * only a user who lists it gets it. Parsed from TigerVNC's {@code SecurityTypes} syntax.
 */
public record SecurityTypes(List<Integer> order) {
    public static final SecurityTypes DEFAULT = new SecurityTypes(List.of(
            SecurityType.X509_NONE, SecurityType.X509_VNC, SecurityType.X509_PLAIN,
            SecurityType.TLS_NONE, SecurityType.TLS_VNC, SecurityType.TLS_PLAIN,
            SecurityType.NONE, SecurityType.VNC_AUTH));

    public SecurityTypes {
        order = List.copyOf(order);
        if (order.isEmpty()) {
            throw new IllegalArgumentException("no security type allowed");
        }
    }

    /** "X509Vnc,X509None,TLSVnc": names as TigerVNC spells them, in any case, comma separated. */
    public static SecurityTypes parse(String list) {
        List<Integer> types = new ArrayList<>();
        for (String part : list.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int type = SecurityType.parse(part);
            if (type < 0) {
                throw new IllegalArgumentException("unknown security type '" + part.trim() + "' (expected some of "
                        + DEFAULT_NAMES + ", Plain)");
            }
            if (!types.contains(type)) {
                types.add(type);
            }
        }
        if (types.isEmpty()) {
            throw new IllegalArgumentException("no security type given (expected some of " + DEFAULT_NAMES + ", Plain)");
        }
        return new SecurityTypes(types);
    }

    private static final String DEFAULT_NAMES = List.of(SecurityType.X509_VNC, SecurityType.X509_NONE,
            SecurityType.X509_PLAIN, SecurityType.TLS_VNC, SecurityType.TLS_NONE, SecurityType.TLS_PLAIN,
            SecurityType.VNC_AUTH, SecurityType.NONE).stream().map(SecurityType::configName)
            .collect(Collectors.joining(", "));

    public boolean allows(int type) {
        return order.contains(type);
    }

    /** Whether any VeNCrypt sub-type is allowed, so that offering type 19 is worth choosing. */
    public boolean allowsVeNCrypt() {
        return order.stream().anyMatch(SecurityType::isVeNCryptSubType);
    }

    /** Whether every allowed type encrypts: then no unencrypted connection can be made. */
    public boolean encryptedOnly() {
        return order.stream().allMatch(SecurityType::isEncrypted);
    }

    /** The allowed types that need no TLS, in the same order; null when every one needs it. */
    public SecurityTypes withoutTls() {
        List<Integer> plain = order.stream().filter(t -> !SecurityType.isEncrypted(t)).toList();
        return plain.isEmpty() ? null : new SecurityTypes(plain);
    }

    @Override
    public String toString() {
        return order.stream().map(SecurityType::configName).collect(Collectors.joining(","));
    }
}
