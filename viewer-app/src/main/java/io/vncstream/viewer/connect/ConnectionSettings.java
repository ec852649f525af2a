package io.vncstream.viewer.connect;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.security.SecurityTypes;
import io.vncstream.viewer.screen.Scaling;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/** What the connection dialog asks for (never a password). */
public final class ConnectionSettings {
    /** Choices for the preferred encoding; "auto" keeps the default order (Tight first). */
    public static final Map<String, Integer> ENCODINGS = new LinkedHashMap<>();

    static {
        ENCODINGS.put("auto", null);
        ENCODINGS.put("tight", Encodings.TIGHT);
        ENCODINGS.put("zrle", Encodings.ZRLE);
        ENCODINGS.put("hextile", Encodings.HEXTILE);
        ENCODINGS.put("zlib", Encodings.ZLIB);
        ENCODINGS.put("rre", Encodings.RRE);
        ENCODINGS.put("raw", Encodings.RAW);
    }

    public String address = "";
    /** The SSH host to tunnel through ({@code [USER@]HOST[:PORT]}), or empty; remembered per recent server. */
    public String via = "";
    public String encoding = "auto";
    /** 0-9, or -1 for the server's default. */
    public int jpegQuality = -1;
    /** 0-9, or -1 for the server's default. */
    public int compressLevel = -1;
    public boolean viewOnly;
    public boolean shared = true;
    public Scaling scaling = Scaling.NATIVE;
    /** TigerVNC's RemoteResize: ask the server to resize its desktop to the window. */
    public boolean remoteResize;
    /** Play QEMU's audio (off by default, as virt-viewer's and TigerVNC's have no sound). */
    public boolean audio;
    public Duration connectTimeout = Duration.ofSeconds(10);
    /** TigerVNC's SecurityTypes list, in preference order; empty for the default (X509, then TLS, then none). */
    public String securityTypes = "";
    /** The user name for Plain authentication, remembered to fill the password dialog's user field. */
    public String user = "";
    /** A PEM file of CA certificates trusted for TLS servers besides the system's (TigerVNC's X509CA); empty for none. */
    public String x509Ca = "";

    public ConnectionSettings copy() {
        ConnectionSettings c = new ConnectionSettings();
        c.address = address;
        c.via = via;
        c.encoding = encoding;
        c.jpegQuality = jpegQuality;
        c.compressLevel = compressLevel;
        c.viewOnly = viewOnly;
        c.shared = shared;
        c.scaling = scaling;
        c.remoteResize = remoteResize;
        c.audio = audio;
        c.connectTimeout = connectTimeout;
        c.securityTypes = securityTypes;
        c.user = user;
        c.x509Ca = x509Ca;
        return c;
    }

    /** The client configuration (the password source is added by the caller). */
    public ClientConfig toClientConfig() {
        ClientConfig config = new ClientConfig().shared(shared).connectTimeout(connectTimeout);
        Integer enc = ENCODINGS.get(encoding.toLowerCase(Locale.ROOT));
        if (enc != null) {
            config.preferredEncoding(enc);
        }
        if (jpegQuality >= 0) {
            config.jpegQuality(Math.min(9, jpegQuality));
        }
        if (compressLevel >= 0) {
            config.compressLevel(Math.min(9, compressLevel));
        }
        if (!securityTypes.isBlank()) {
            config.securityTypes(SecurityTypes.parse(securityTypes));
        }
        if (!user.isBlank()) {
            config.user(user.trim());
        }
        // Extensions the viewer handles: UTF-8 clipboard (rfb-core's ClipboardSync), and
        // continuous updates paced by fences, as TigerVNC's viewer uses them (RfbClient), and
        // XVP power control (the Power menu), LED state (LockKeys), QEMU's pointer motion change
        // (relative motion with a grab, PointerGrab), and the cursor with alpha (antialiased
        // edges and shadows, shown as the local cursor as -239's is), QEMU's audio (RemoteAudio:
        // only acknowledged; the stream starts when the user turns sound on).
        config.extensions(java.util.List.of(io.vncstream.rfb.Encodings.EXTENDED_CLIPBOARD,
                io.vncstream.rfb.Encodings.FENCE, io.vncstream.rfb.Encodings.CONTINUOUS_UPDATES,
                io.vncstream.rfb.Encodings.XVP, io.vncstream.rfb.Encodings.LED_STATE,
                io.vncstream.rfb.Encodings.QEMU_POINTER_MOTION_CHANGE, io.vncstream.rfb.Encodings.CURSOR_WITH_ALPHA,
                io.vncstream.rfb.Encodings.QEMU_AUDIO));
        return config;
    }

    /** Stores the options (not the address, which goes to the recent list). */
    public void store(Properties p) {
        p.setProperty("encoding", encoding);
        p.setProperty("jpegQuality", Integer.toString(jpegQuality));
        p.setProperty("compressLevel", Integer.toString(compressLevel));
        p.setProperty("viewOnly", Boolean.toString(viewOnly));
        p.setProperty("shared", Boolean.toString(shared));
        p.setProperty("scaling", scaling.name());
        p.setProperty("securityTypes", securityTypes);
        p.setProperty("user", user);
        p.setProperty("remoteResize", Boolean.toString(remoteResize));
        p.setProperty("audio", Boolean.toString(audio));
        p.setProperty("x509Ca", x509Ca);
    }

    public static ConnectionSettings load(Properties p) {
        ConnectionSettings s = new ConnectionSettings();
        String enc = p.getProperty("encoding", "auto").toLowerCase(Locale.ROOT);
        s.encoding = ENCODINGS.containsKey(enc) ? enc : "auto";
        s.jpegQuality = intIn(p.getProperty("jpegQuality"), -1, 9, -1);
        s.compressLevel = intIn(p.getProperty("compressLevel"), -1, 9, -1);
        s.viewOnly = Boolean.parseBoolean(p.getProperty("viewOnly", "false"));
        s.shared = Boolean.parseBoolean(p.getProperty("shared", "true"));
        s.scaling = Scaling.parse(p.getProperty("scaling"));
        s.securityTypes = validTypes(p.getProperty("securityTypes", ""));
        s.user = p.getProperty("user", "").trim();
        s.remoteResize = Boolean.parseBoolean(p.getProperty("remoteResize", "false"));
        s.audio = Boolean.parseBoolean(p.getProperty("audio", "false"));
        s.x509Ca = p.getProperty("x509Ca", "").trim();
        return s;
    }

    private static String validTypes(String types) {
        try {
            return types.isBlank() ? "" : SecurityTypes.parse(types).toString();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static int intIn(String s, int min, int max, int dflt) {
        try {
            int v = Integer.parseInt(s == null ? "" : s.trim());
            return v >= min && v <= max ? v : dflt;
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
