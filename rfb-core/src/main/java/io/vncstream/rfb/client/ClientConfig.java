package io.vncstream.rfb.client;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.pixel.PixelFormat;
import io.vncstream.rfb.security.CredentialsSource;
import io.vncstream.rfb.security.PasswordSource;
import io.vncstream.rfb.security.SecuritySettings;
import io.vncstream.rfb.security.SecurityTypes;
import io.vncstream.rfb.security.tls.TlsOptions;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How a client connects: which encodings it asks for, in what pixel format, whether it shares
 * the desktop, where a password comes from, and whether it speaks the stream extension; which
 * security types it allows and how it trusts TLS servers.
 */
public final class ClientConfig {
    /** TigerVNC's order: Tight first (it adapts to content), ZRLE, then the older ones. */
    public static final List<Integer> DEFAULT_ORDER = List.of(Encodings.TIGHT, Encodings.ZRLE, Encodings.HEXTILE,
            Encodings.ZLIB, Encodings.RRE, Encodings.RAW);

    private Integer preferredEncoding;
    private List<Integer> extensions = List.of();
    private boolean onlyPreferred;
    private boolean shared = true;
    private PasswordSource password = PasswordSource.NONE;
    private PixelFormat pixelFormat = PixelFormat.TRUE_COLOUR_32;
    private int jpegQuality = -1;
    private int compressLevel = -1;
    private boolean streams = true;
    private boolean extendedKeyEvent = true;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private SecurityTypes securityTypes = SecurityTypes.DEFAULT;
    private String user;
    private CredentialsSource credentials;
    private TlsOptions tls = new TlsOptions();
    private Clock clock = Clock.systemUTC();

    /** Puts one encoding first; the others follow as fallbacks. */
    public ClientConfig preferredEncoding(int encoding) {
        this.preferredEncoding = encoding;
        return this;
    }

    /**
     * Asks for this encoding alone, to exercise one decoder, with Raw after it as the fallback
     * every server has (a server uses the first encoding it knows).
     */
    public ClientConfig onlyEncoding(int encoding) {
        this.preferredEncoding = encoding;
        this.onlyPreferred = true;
        return this;
    }

    public ClientConfig shared(boolean shared) {
        this.shared = shared;
        return this;
    }

    public ClientConfig password(PasswordSource password) {
        this.password = password;
        return this;
    }

    /** The format to ask the server for; null keeps the server's own format (no SetPixelFormat). */
    public ClientConfig pixelFormat(PixelFormat format) {
        this.pixelFormat = format;
        return this;
    }

    /** Tight JPEG quality 0-9, or -1 for the server's default (and no JPEG for lossless needs). */
    public ClientConfig jpegQuality(int quality) {
        this.jpegQuality = quality;
        return this;
    }

    public ClientConfig compressLevel(int level) {
        this.compressLevel = level;
        return this;
    }

    public ClientConfig streams(boolean streams) {
        this.streams = streams;
        return this;
    }

    public ClientConfig extendedKeyEvent(boolean on) {
        this.extendedKeyEvent = on;
        return this;
    }

    public ClientConfig connectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
        return this;
    }

    /** The security types allowed, in the order preferred (TigerVNC's SecurityTypes). */
    public ClientConfig securityTypes(SecurityTypes types) {
        this.securityTypes = types;
        return this;
    }

    /** The user name for Plain authentication, when known in advance. */
    public ClientConfig user(String user) {
        this.user = user;
        return this;
    }

    /** Where Plain's user name and password come from; by default the user name given and the password source. */
    public ClientConfig credentials(CredentialsSource credentials) {
        this.credentials = credentials;
        return this;
    }

    public ClientConfig tls(TlsOptions tls) {
        this.tls = tls;
        return this;
    }

    /** The clock certificates' validity is checked against (tests move it). */
    public ClientConfig clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    public SecuritySettings security() {
        return new SecuritySettings(securityTypes, password,
                credentials != null ? credentials : CredentialsSource.of(password), user, tls);
    }

    public TlsOptions tls() {
        return tls;
    }

    public Clock clock() {
        return clock;
    }

    public boolean shared() {
        return shared;
    }

    public PasswordSource password() {
        return password;
    }

    public PixelFormat pixelFormat() {
        return pixelFormat;
    }

    /**
     * Pseudo-encodings of extensions the application handles itself (Fence and
     * ContinuousUpdates, the extended clipboard...), sent after the built-in ones.
     */
    public ClientConfig extensions(List<Integer> pseudoEncodings) {
        this.extensions = List.copyOf(pseudoEncodings);
        return this;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public boolean streams() {
        return streams;
    }

    /**
     * The SetEncodings list: real encodings first, then the pseudo-encodings, and the stream
     * extension's -260 last of all, because QEMU takes the first encoding it knows as its main
     * one and reads -260 as TightPNG.
     */
    public List<Integer> encodings() {
        List<Integer> list = new ArrayList<>();
        if (preferredEncoding != null) {
            list.add(preferredEncoding);
        }
        if (onlyPreferred) {
            // Raw follows: CopyRect cannot paint a first frame alone, and a server that does not
            // know the chosen encoding (QEMU has no RRE) would otherwise take the first it knows
            // from the rest of the list, -260, which QEMU reads as TightPNG.
            if (preferredEncoding != Encodings.RAW) {
                list.add(Encodings.RAW);
            }
        } else {
            if (preferredEncoding == null || preferredEncoding != Encodings.COPY_RECT) {
                list.add(Encodings.COPY_RECT);
            }
            for (int e : DEFAULT_ORDER) {
                if (!list.contains(e)) {
                    list.add(e);
                }
            }
        }
        if (jpegQuality >= 0) {
            list.add(Encodings.JPEG_QUALITY_0 + jpegQuality);
        }
        if (compressLevel >= 0) {
            list.add(Encodings.COMPRESS_LEVEL_0 + compressLevel);
        }
        list.add(Encodings.DESKTOP_SIZE);
        list.add(Encodings.EXTENDED_DESKTOP_SIZE);
        list.add(Encodings.LAST_RECT);
        list.add(Encodings.CURSOR);
        list.add(Encodings.DESKTOP_NAME);
        if (extendedKeyEvent) {
            list.add(Encodings.EXTENDED_KEY_EVENT);
        }
        for (int e : extensions) {
            if (!list.contains(e)) {
                list.add(e);
            }
        }
        if (streams) {
            list.add(Encodings.STREAMS);
        }
        return list;
    }
}
