package io.vncstream.rfb.bench;

import io.vncstream.rfb.Encodings;
import io.vncstream.rfb.client.ClientConfig;
import io.vncstream.rfb.client.ClientHandshake;
import io.vncstream.rfb.client.ServerMessageFramer;
import io.vncstream.rfb.handshake.ServerInit;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.io.Transport;
import io.vncstream.rfb.message.FramebufferUpdateRequest;
import io.vncstream.rfb.message.ServerMessage;
import io.vncstream.rfb.message.SetEncodings;
import io.vncstream.rfb.message.SetPixelFormat;
import io.vncstream.rfb.pixel.PixelFormat;
import io.vncstream.rfb.testing.Processes;
import io.vncstream.rfb.testing.XvncServer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Records whole sessions from Xvnc for {@link SessionBench}: one Xvnc, a fractal background, an
 * xterm scrolling a long coloured listing, a second xterm dragged across the screen every 40 ms
 * (the background shows through behind it); one connection per encoding, all at once (shared),
 * each asking for the next incremental update as soon as one has arrived, as a viewer does.
 * After the activity the screen is left quiet for a second, so lossless sessions end on the same
 * picture. Each file holds ServerInit (naming the pixel format the client asked for) and then
 * every server message as it crossed the wire: the format TigerVNC's decperf reads, so the
 * sessions of {@code shared/bench/decode-vs-tigervnc} replay here too.
 */
final class SessionRecording {
    static final Map<String, List<Integer>> ENCODINGS = new LinkedHashMap<>();

    static {
        ENCODINGS.put("raw", List.of(Encodings.RAW));
        ENCODINGS.put("hextile", List.of(Encodings.HEXTILE));
        ENCODINGS.put("zrle", List.of(Encodings.ZRLE));
        ENCODINGS.put("tight", List.of(Encodings.TIGHT));
        ENCODINGS.put("tight-q8", List.of(Encodings.TIGHT, Encodings.JPEG_QUALITY_0 + 8));
    }

    /** The recording connections: closed when the session ends, which ends their reads. */
    private static final List<Transport> OPEN = new ArrayList<>();

    private SessionRecording() {
    }

    /** "desk720.zrle.rfb" and the others in {@code dir}, recorded first if any is missing. */
    static List<Path> loadOrRecord(Path dir, String session, int width, int height, int seconds)
            throws IOException, InterruptedException {
        List<Path> files = new ArrayList<>();
        for (String e : ENCODINGS.keySet()) {
            files.add(dir.resolve(session + "." + e + ".rfb"));
        }
        if (!files.stream().allMatch(Files::exists)) {
            record(dir, session, width, height, seconds);
        }
        return files;
    }

    private static void record(Path dir, String session, int width, int height, int seconds)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        System.out.println("recording session " + session + " (" + width + "x" + height + ", " + seconds
                + " s of activity) from Xvnc into " + dir);
        try (XvncServer server = XvncServer.builder().depth(24).geometry(width, height).start()) {
            Path work = server.dir().resolve("session");
            Files.createDirectories(work);
            server.background()
                    .xterm(20, 20, 100, 36, work, "sleep 1; while :; do ls -l --color=always /usr/bin /usr/lib; done")
                    .xterm(width / 2, height / 3, 70, 20, work, "ls -l --color=always /usr/share | head -40; exec sleep 100000");
            AtomicBoolean recording = new AtomicBoolean(true);
            List<Thread> clients = new ArrayList<>();
            List<IOException> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (var e : ENCODINGS.entrySet()) {
                Path file = dir.resolve(session + "." + e.getKey() + ".rfb");
                // One handshake at a time: Xvnc refuses a burst of unauthenticated connections.
                Connection c = connect(server, e.getValue());
                Thread t = new Thread(() -> {
                    try {
                        c.record(file, recording);
                    } catch (IOException ex) {
                        if (recording.get()) {
                            failures.add(ex);
                        }
                    }
                }, "record-" + e.getKey());
                t.start();
                clients.add(t);
            }
            // Drag the second xterm (its title is vncstream-test-1) left and right, every 40 ms.
            String drag = "id=$(xdotool search --name vncstream-test-1 | head -1); end=$(( $(date +%s) + " + seconds
                    + " )); x=" + (width / 2) + "; d=12; while [ $(date +%s) -lt $end ]; do x=$((x + d));"
                    + " if [ $x -gt " + (width - 500) + " ] || [ $x -lt 10 ]; then d=$((-d)); fi;"
                    + " xdotool windowmove $id $x " + (height / 3) + "; sleep 0.04; done";
            Processes.run(Duration.ofSeconds(seconds + 30L), Map.of("DISPLAY", ":" + server.display()), work,
                    List.of("sh", "-c", drag));
            // Pause the scrolling listing (the bracket keeps pkill's own shell out of the match), so
            // that the sessions end on one quiet picture.
            Processes.run(Duration.ofSeconds(10), Map.of(), work,
                    List.of("sh", "-c", "pkill -STOP -f 'color=always /usr/bi[n]'; true"));
            Thread.sleep(1500);
            recording.set(false);
            synchronized (OPEN) {
                OPEN.forEach(Transport::close);
                OPEN.clear();
            }
            for (Thread t : clients) {
                t.join(30_000);
            }
            if (!failures.isEmpty()) {
                throw failures.get(0);
            }
        }
    }

    /** One client after its handshake, asking for our pixel format and one encoding. */
    private record Connection(Transport transport, RfbInput in, ServerInit init, List<Integer> encodings) {
        /** Full update, then update after update until told to stop, every server message into {@code file}. */
        void record(Path file, AtomicBoolean recording) throws IOException {
            try (Transport t = transport; OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                ServerMessageFramer framer = new ServerMessageFramer(in, init);
                framer.pixelFormatRequested(PixelFormat.TRUE_COLOUR_32);
                ByteArray header = new ByteArray();
                new ServerInit(init.width(), init.height(), PixelFormat.TRUE_COLOUR_32, init.name()).write(header);
                out.write(header.array(), 0, header.size());
                ByteArray request = new ByteArray();
                new SetPixelFormat(PixelFormat.TRUE_COLOUR_32).write(request);
                new SetEncodings(encodings).write(request);
                new FramebufferUpdateRequest(false, 0, 0, init.width(), init.height()).write(request);
                t.output().write(request.toByteArray());
                t.output().flush();
                ByteArray next = new ByteArray();
                new FramebufferUpdateRequest(true, 0, 0, init.width(), init.height()).write(next);
                byte[] incremental = next.toByteArray();
                while (recording.get()) {
                    byte[] message = framer.next();
                    out.write(message);
                    if ((message[0] & 0xFF) == ServerMessage.FRAMEBUFFER_UPDATE) {
                        t.output().write(incremental);
                        t.output().flush();
                    }
                }
            }
        }
    }

    private static Connection connect(XvncServer server, List<Integer> encodings) throws IOException {
        List<Integer> all = new ArrayList<>(encodings);
        all.add(Encodings.DESKTOP_SIZE);
        all.add(Encodings.LAST_RECT);
        Transport t = Transport.tcp("127.0.0.1", server.port(), Duration.ofSeconds(10));
        synchronized (OPEN) {
            OPEN.add(t);
        }
        t.setReadTimeout(Duration.ofSeconds(30));
        RfbInput in = RfbInput.of(t.input());
        ServerInit init = new ClientHandshake(in, t.output(), new ClientConfig(), server.address()).run();
        return new Connection(t, in, init, all);
    }
}
