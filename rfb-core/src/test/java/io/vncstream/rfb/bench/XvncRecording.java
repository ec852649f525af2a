package io.vncstream.rfb.bench;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.ClientHandshake;
import io.vncstream.rfb.client.ServerMessageFramer;
import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.handshake.ServerInit;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.io.Transport;
import io.vncstream.rfb.message.FramebufferUpdateRequest;
import io.vncstream.rfb.message.ServerMessage;
import io.vncstream.rfb.message.SetEncodings;
import io.vncstream.rfb.message.SetPixelFormat;
import io.vncstream.rfb.pixel.PixelFormat;
import io.vncstream.rfb.testing.XvncServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records, once, the first full update TigerVNC's Xvnc sends for each encoding, of two screens
 * with real content, each recording its own connection asking for that one encoding:
 * "mixed" has the fractal background (photo-like) with flat areas and two xterms of coloured
 * text; "text" has the same windows on a flat background, which is where Xvnc uses RRE
 * (on the mixed screen it answers RRE requests with Raw). Xvnc has no Zlib encoder at all (it
 * answers Raw), so Zlib is among the {@link BuiltWorkloads}.
 */
final class XvncRecording {
    static final int WIDTH = 1024;
    static final int HEIGHT = 768;
    static final List<String> SCREENS = List.of("mixed", "text");

    /** Encoding name -> the SetEncodings list that makes Xvnc send it. */
    private static final Map<String, List<Integer>> ENCODINGS = new LinkedHashMap<>();

    static {
        ENCODINGS.put("raw", List.of(Encodings.RAW));
        ENCODINGS.put("rre", List.of(Encodings.RRE));
        ENCODINGS.put("hextile", List.of(Encodings.HEXTILE));
        ENCODINGS.put("zrle", List.of(Encodings.ZRLE));
        // Without a quality level Xvnc's Tight is lossless: fill, palette and basic rectangles.
        ENCODINGS.put("tight", List.of(Encodings.TIGHT));
        // With one, photo-like areas become JPEG.
        ENCODINGS.put("tight-q8", List.of(Encodings.TIGHT, Encodings.JPEG_QUALITY_0 + 8));
    }

    private XvncRecording() {
    }

    /** "mixed.xvnc-zrle": the workload names of one screen, its Raw recording first. */
    static List<String> names(String screen) {
        return ENCODINGS.keySet().stream()
                .filter(e -> !(screen.equals("mixed") && e.equals("rre")))
                .map(e -> screen + ".xvnc-" + e).toList();
    }

    /** The recordings in {@code dir}, made first if any is missing. */
    static List<Workload> loadOrRecord(Path dir) throws IOException, InterruptedException {
        List<Workload> all = new ArrayList<>();
        for (String screen : SCREENS) {
            if (!names(screen).stream().allMatch(n -> Files.exists(dir.resolve(n + ".update")))) {
                record(screen, dir);
            }
            for (String name : names(screen)) {
                all.add(Workload.load(dir.resolve(name + ".update")));
            }
        }
        return all;
    }

    private static void record(String screen, Path dir) throws IOException, InterruptedException {
        System.out.println("recording the " + screen + " screen from Xvnc into " + dir);
        try (XvncServer server = XvncServer.builder().depth(24).geometry(WIDTH, HEIGHT).start()) {
            Path listing = server.dir().resolve("bin-listing");
            Files.createDirectories(listing);
            if (screen.equals("mixed")) {
                server.background();
            }
            server.flatArea(700, 520, 300, 220, 0x3366CC)
                    .flatArea(40, 600, 200, 120, 0xF0E040)
                    .colouredTerminal(16, 16)
                    .xterm(520, 30, 80, 30, listing,
                            "ls -l --color=always /usr/bin | head -60; exec sleep 100000")
                    .waitUntilStable();
            int[] reference = null;
            for (String name : names(screen)) {
                String encoding = name.substring(name.indexOf(".xvnc-") + 6);
                byte[] update = firstUpdate(server, ENCODINGS.get(encoding));
                Framebuffer fb = new Framebuffer(WIDTH, HEIGHT);
                new UpdateReplay().decode(update, fb);
                if (reference == null) {
                    reference = fb.pixels().clone(); // from Raw, the first recording
                }
                new Workload(name, WIDTH, HEIGHT, update, encoding.endsWith("-q8") ? null : reference).save(dir);
            }
        }
    }

    /** Connects, asks for the whole screen in one encoding, and returns the first update's exact bytes. */
    private static byte[] firstUpdate(XvncServer server, List<Integer> encodings) throws IOException {
        try (Transport t = Transport.tcp("127.0.0.1", server.port(), Duration.ofSeconds(10))) {
            t.setReadTimeout(Duration.ofSeconds(30));
            RfbInput in = RfbInput.of(t.input());
            ServerInit init = new ClientHandshake(in, t.output(), new ClientConfig(), server.address()).run();
            ServerMessageFramer framer = new ServerMessageFramer(in, init);
            framer.pixelFormatRequested(PixelFormat.TRUE_COLOUR_32);
            ByteArray out = new ByteArray();
            new SetPixelFormat(PixelFormat.TRUE_COLOUR_32).write(out);
            new SetEncodings(encodings).write(out);
            new FramebufferUpdateRequest(false, 0, 0, init.width(), init.height()).write(out);
            t.output().write(out.toByteArray());
            t.output().flush();
            while (true) {
                byte[] message = framer.next();
                if ((message[0] & 0xFF) == ServerMessage.FRAMEBUFFER_UPDATE) {
                    return message;
                }
            }
        }
    }
}
