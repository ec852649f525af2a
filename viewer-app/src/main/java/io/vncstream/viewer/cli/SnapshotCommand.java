package io.vncstream.viewer.cli;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.FirstFullUpdate;
import io.vncstream.rfb.client.RfbClient;
import io.vncstream.rfb.client.RfbClientHandler;
import io.vncstream.viewer.connect.LibvirtTarget;
import io.vncstream.viewer.screen.PngFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code vncstream snapshot ADDRESS OUT.png}: one complete frame, exactly as the server has it. */
@Command(name = "snapshot", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Connect, wait for one complete update, and write the framebuffer as a PNG (or JPEG).")
final class SnapshotCommand implements Callable<Integer> {
    static final Map<String, Integer> ENCODINGS = Map.of(
            "raw", Encodings.RAW, "copyrect", Encodings.COPY_RECT, "rre", Encodings.RRE,
            "hextile", Encodings.HEXTILE, "zlib", Encodings.ZLIB, "zrle", Encodings.ZRLE, "tight", Encodings.TIGHT);

    @Parameters(index = "0", paramLabel = "ADDRESS",
            description = "host, host:DISPLAY (from 100 on a port, as in TigerVNC), host::PORT, vnc://host:port,"
                    + " [ipv6]:DISPLAY, [ipv6]::PORT, unix:PATH; with --connect, a libvirt domain's name, UUID or id")
    String address;

    @Parameters(index = "1", paramLabel = "OUT.png",
            description = "Where to write the picture: a PNG, or a JPEG if the name ends in .jpg or .jpeg.")
    Path output;

    @Option(names = "--encoding", paramLabel = "NAME",
            description = "Use only this encoding: raw, copyrect, rre, hextile, zlib, zrle, tight.")
    String encoding;

    @Option(names = "--native-format", description = "Keep the server's pixel format instead of asking for 32-bit true colour.")
    boolean nativeFormat;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Give up waiting for the frame after this long (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = {"-v", "--verbose"},
            description = "Say on stderr how the connection is protected (security type, TLS, how the server was"
                    + " verified, the client certificate presented).")
    boolean verbose;

    @Mixin
    ConnectionOptions connection;

    @Spec
    CommandSpec spec;

    @Mixin
    LibvirtOptions libvirt;

    @Override
    public Integer call() throws Exception {
        String format = format(output); // a name we cannot honour is refused before connecting
        ClientConfig config = connection.config();
        if (encoding != null) {
            Integer number = ENCODINGS.get(encoding.toLowerCase(Locale.ROOT));
            if (number == null) {
                throw new IllegalArgumentException("unknown encoding '" + encoding + "' (expected one of "
                        + String.join(", ", new java.util.TreeSet<>(ENCODINGS.keySet())) + ")");
            }
            config.onlyEncoding(number);
        }
        if (nativeFormat) {
            config.pixelFormat(null);
        }
        FirstFullUpdate frame = new FirstFullUpdate(new RfbClientHandler() { });
        if (!libvirt.isSet()) {
            try (RfbClient client = connection.connect(address, config, frame)) {
                take(client, frame, format);
            }
            return 0;
        }
        // The libvirt connection stays open while the screen is read: remotely it carries the tunnel.
        try (LibvirtTarget target = LibvirtTarget.open(libvirt.uri, address, io.vncstream.ssh.SshPrompts.terminal(), false);
             RfbClient client = target.connect(config, connection.passwordSource(), frame)) {
            take(client, frame, format);
        }
        return 0;
    }

    /** The format the file's name asks for: PNG (.png), JPEG (.jpg, .jpeg); any other name is refused. */
    static String format(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return "png";
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return "jpeg";
        }
        throw new IllegalArgumentException("cannot tell which picture format to write from the name '" + file
                + "': end it in .png or .jpg");
    }

    private void take(RfbClient client, FirstFullUpdate frame, String format) throws IOException, InterruptedException {
        if (verbose && client.security() != null) {
            spec.commandLine().getErr().println("vncstream snapshot: connected, " + TerminalText.escape(client.security().summary()));
            spec.commandLine().getErr().flush();
        }
        frame.watch(client.framebuffer());
        client.start();
        FirstFullUpdate.Frame picture = frame.await(Duration.ofSeconds(timeoutSeconds));
        write(picture.width(), picture.height(), picture.argb(), output, format);
    }

    static void write(int width, int height, int[] argb, Path file, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        PngFile.write(image, file, format);
    }
}
