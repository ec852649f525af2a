package io.vncstream.viewer.connect;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.client.ClientConfig;
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
    public Duration connectTimeout = Duration.ofSeconds(10);

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
        c.connectTimeout = connectTimeout;
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
        return s;
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
