package io.vncstream.gateway.qmp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vncstream.gateway.net.SocketFiles;
import io.vncstream.rfb.io.MessageWriter;
import io.vncstream.rfb.io.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code --qmp-share PATH}: the VM's monitor, which the gateway holds (QEMU serves a QMP socket
 * to one client at a time), offered again on a unix socket of our own to any number of clients.
 * Each is greeted with QEMU's greeting and has its capabilities negotiation answered here; its
 * commands go to QEMU over the gateway's one connection with their {@code id} kept, and the
 * replies come back to it alone; QEMU's events go to every client. The socket is owner-only.
 */
public final class QmpShare implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QmpShare.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A client that reads nothing is dropped once this much waits for it. */
    static final long MAX_QUEUED = 4L * 1024 * 1024;

    private final Path path;
    private final ServerSocketChannel server;
    /** The socket file as bound: at close it is removed only if it is still this one. */
    private final Object fileKey;
    private final Set<Client> clients = new CopyOnWriteArraySet<>();
    private final AtomicLong count = new AtomicLong();
    private volatile QmpMux mux;
    private volatile boolean closed;

    private QmpShare(Path path, ServerSocketChannel server, Object fileKey) {
        this.path = path;
        this.server = server;
        this.fileKey = fileKey;
    }

    /** Listens on {@code path} (a stale socket there is replaced; a live one or any other file is left alone). */
    public static QmpShare listen(Path path) throws IOException {
        ServerSocketChannel s = SocketFiles.listenOwnerOnly(path, "--qmp-share " + path);
        Object key;
        try {
            key = SocketFiles.fileKey(path);
        } catch (IOException e) {
            s.close();
            throw new IOException("--qmp-share " + path + ": " + e.getMessage(), e);
        }
        QmpShare share = new QmpShare(path, s, key);
        Thread t = new Thread(share::acceptLoop, "qmp-share " + path);
        t.setDaemon(true);
        t.start();
        return share;
    }

    public Path path() {
        return path;
    }

    /** The connection to QEMU clients are served over from now on (a new one after QEMU restarts). */
    public void attach(QmpMux mux) {
        this.mux = mux;
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("QMP share {}: {}", path, e.getMessage());
                }
                return;
            }
            QmpMux m = mux;
            String name = "qmp-share client " + count.incrementAndGet();
            Transport t = Transport.of(channel, name);
            if (m == null || m.isClosed()) {
                t.close();
                continue;
            }
            Client c = new Client(t, m, name);
            clients.add(c);
            Thread th = new Thread(c::run, name);
            th.setDaemon(true);
            th.start();
        }
    }

    /** One client of the shared monitor. */
    private final class Client {
        private final Transport transport;
        private final QmpMux mux;
        private final String name;
        private final MessageWriter writer;
        private final java.util.function.Consumer<JsonNode> events = this::event;
        private volatile boolean negotiated;
        private volatile boolean gone;

        Client(Transport transport, QmpMux mux, String name) {
            this.transport = transport;
            this.mux = mux;
            this.name = name;
            this.writer = new MessageWriter(transport.output(), name + " writer", e -> close());
        }

        void run() {
            mux.addEventListener(events);
            mux.addCloseListener(this::close);
            try {
                send(mux.greeting());
                QmpLines lines = new QmpLines(new BufferedInputStream(transport.input()), QmpLines.MAX_FROM_CLIENT, name);
                String line;
                while (!gone && (line = lines.next()) != null) {
                    if (!line.isEmpty()) {
                        command(line);
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.info("{}: {}", name, e.getMessage());
            } finally {
                close();
            }
        }

        private void command(String line) {
            JsonNode request;
            try {
                request = JSON.readTree(line);
            } catch (IOException e) {
                send(error(null, "GenericError", "JSON parse error"));
                return;
            }
            if (!(request instanceof ObjectNode object) || !request.path("execute").isTextual()) {
                send(error(request.get("id"), "GenericError", "QMP input must be a JSON object with \"execute\""));
                return;
            }
            JsonNode id = object.get("id");
            String command = object.get("execute").asText();
            if (!negotiated) {
                if (command.equals("qmp_capabilities")) {
                    negotiated = true;
                    send(withId(JSON.createObjectNode().set("return", JSON.createObjectNode()), id));
                } else {
                    send(error(id, "CommandNotFound", "Expecting capabilities negotiation with 'qmp_capabilities'"));
                }
                return;
            }
            if (command.equals("qmp_capabilities")) {
                send(error(id, "CommandNotFound", "Capabilities negotiation is already complete, command ignored"));
                return;
            }
            object.remove("id");
            mux.send(object, reply -> {
                ObjectNode copy = ((ObjectNode) reply).deepCopy();
                copy.remove("id");
                send(withId(copy, id));
            });
        }

        private void event(JsonNode event) {
            if (negotiated) {
                send(event);
            }
        }

        private void send(JsonNode message) {
            if (gone) {
                return;
            }
            try {
                writer.send((JSON.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                close();
                return;
            }
            if (writer.queuedBytes() > MAX_QUEUED) {
                LOG.info("{}: dropped, more than {} KiB unread", name, MAX_QUEUED / 1024);
                close();
            }
        }

        void close() {
            if (gone) {
                return;
            }
            gone = true;
            mux.removeEventListener(events);
            clients.remove(this);
            writer.closeAfterFlush(200);
            transport.close();
        }
    }

    private static ObjectNode withId(ObjectNode message, JsonNode id) {
        if (id != null) {
            message.set("id", id);
        }
        return message;
    }

    private static ObjectNode error(JsonNode id, String errorClass, String desc) {
        ObjectNode error = JSON.createObjectNode();
        error.putObject("error").put("class", errorClass).put("desc", desc);
        return withId(error, id);
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Client c : clients) {
            c.close();
        }
        SocketFiles.removeIfStill(path, fileKey);
    }
}
