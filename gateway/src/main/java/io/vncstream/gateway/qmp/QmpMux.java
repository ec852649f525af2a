package io.vncstream.gateway.qmp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vncstream.gateway.net.HostPort;
import io.vncstream.rfb.io.Transport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One QMP connection to QEMU shared by several users: the gateway's own chardev watcher and the
 * clients of {@code --qmp-share}. Every command goes out with an id of ours, and its reply is
 * routed back by that id to whoever sent it; events go to every listener. QEMU's greeting is
 * kept, so that each client can be greeted as QEMU would.
 */
public final class QmpMux implements QmpLink {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLOSED = "{\"error\":{\"class\":\"GenericError\",\"desc\":\"the gateway's QMP connection to QEMU has closed\"}}";

    private final Transport transport;
    private final String address;
    private final QmpLines lines;
    private final OutputStream out;
    private final Map<String, Consumer<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Set<Consumer<JsonNode>> eventListeners = new CopyOnWriteArraySet<>();
    private final Set<Runnable> closeListeners = new CopyOnWriteArraySet<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile JsonNode greeting;
    private volatile boolean closed;

    private QmpMux(Transport transport, String address) {
        this.transport = transport;
        this.address = address;
        this.lines = new QmpLines(new BufferedInputStream(transport.input()), QmpLines.MAX_FROM_QEMU, "QMP " + address);
        this.out = transport.output();
    }

    /** Connects, takes QEMU's greeting and negotiates capabilities, then reads on a thread of its own. */
    public static QmpMux connect(String address) throws IOException {
        Transport t;
        if (address.startsWith("unix:")) {
            t = Transport.unix(Path.of(address.substring(5)), QmpClient.ANSWER_TIMEOUT);
        } else if (address.startsWith("tcp:")) {
            HostPort hp = HostPort.parse(address.substring(4));
            t = Transport.tcp(hp.host(), hp.port(), Duration.ofSeconds(5));
        } else {
            throw new IllegalArgumentException("QMP address must be unix:PATH or tcp:HOST:PORT, not " + address);
        }
        QmpMux mux = new QmpMux(t, address);
        try {
            mux.handshake();
        } catch (IOException | RuntimeException e) {
            t.close();
            throw e;
        }
        Thread reader = new Thread(mux::readLoop, "qmp-mux " + address);
        reader.setDaemon(true);
        reader.start();
        return mux;
    }

    /** The greeting and the capabilities answer, within the answer deadline (QEMU may be serving another client). */
    private void handshake() throws IOException {
        CompletableFuture<Void> done = new CompletableFuture<>();
        java.util.concurrent.atomic.AtomicBoolean late = new java.util.concurrent.atomic.AtomicBoolean();
        Thread watchdog = new Thread(() -> {
            try {
                done.get(QmpClient.ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                late.set(true);
                transport.close();
            } catch (InterruptedException | ExecutionException e) {
                // done
            }
        }, "qmp-mux handshake " + address);
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            greeting = lines.greeting();
            write(JSON.createObjectNode().put("execute", "qmp_capabilities").put("id", "mux-capabilities"));
            while (true) {
                String line = lines.next();
                if (line == null) {
                    throw new IOException("QMP " + address + ": connection closed while negotiating capabilities");
                }
                JsonNode reply = JSON.readTree(line);
                if (reply.has("return")) {
                    break;
                }
                if (reply.has("error")) {
                    throw new IOException("QMP " + address + ": qmp_capabilities: " + reply.get("error").path("desc").asText());
                }
            }
        } catch (IOException e) {
            if (late.get()) {
                throw new IOException("QMP " + address + ": no greeting within " + QmpClient.ANSWER_TIMEOUT.toSeconds()
                        + " s (QEMU serves a QMP socket to one client at a time: is another connected?)", e);
            }
            throw e;
        } finally {
            done.complete(null);
        }
    }

    public JsonNode greeting() {
        return greeting;
    }

    public String address() {
        return address;
    }

    /** Events (whole JSON objects) from now on, on the mux's reader thread. */
    public void addEventListener(Consumer<JsonNode> l) {
        eventListeners.add(l);
    }

    public void removeEventListener(Consumer<JsonNode> l) {
        eventListeners.remove(l);
    }

    /** Told once when the connection to QEMU ends. */
    public void addCloseListener(Runnable l) {
        closeListeners.add(l);
        if (closed) {
            l.run();
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Sends a command (an object with "execute"; any "id" is replaced by ours) and hands its reply
     * to {@code reply}, with our id still in it, on the reader thread. After the connection has
     * closed, the reply is an error at once.
     */
    public void send(ObjectNode command, Consumer<JsonNode> reply) {
        String id = "mux-" + ids.incrementAndGet();
        ObjectNode copy = command.deepCopy();
        copy.put("id", id);
        pending.put(id, reply);
        try {
            if (closed) {
                throw new IOException("closed");
            }
            write(copy);
        } catch (IOException e) {
            if (pending.remove(id) != null) {
                reply.accept(closedError());
            }
        }
    }

    @Override
    public JsonNode execute(String command, JsonNode arguments) throws IOException {
        ObjectNode request = JSON.createObjectNode().put("execute", command);
        if (arguments != null) {
            request.set("arguments", arguments);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        send(request, answer::complete);
        JsonNode reply;
        try {
            reply = answer.get(QmpClient.ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("QMP " + address + ": no answer to " + command + " within "
                    + QmpClient.ANSWER_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for the answer to " + command);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
        if (reply.has("return")) {
            return reply.get("return");
        }
        throw new IOException("QMP " + command + ": " + reply.path("error").path("desc").asText());
    }

    private void write(JsonNode message) throws IOException {
        byte[] line = (JSON.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            out.write(line);
            out.flush();
        }
    }

    private void readLoop() {
        try {
            String line;
            while ((line = lines.next()) != null) {
                JsonNode m = JSON.readTree(line);
                if (m.has("event")) {
                    for (Consumer<JsonNode> l : eventListeners) {
                        l.accept(m);
                    }
                } else if (m.has("id")) {
                    Consumer<JsonNode> r = pending.remove(m.get("id").asText());
                    if (r != null) {
                        r.accept(m);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // The connection ended; listeners hear of it below.
        } finally {
            close();
        }
    }

    private static JsonNode closedError() {
        try {
            return JSON.readTree(CLOSED);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        transport.close();
        for (String id : pending.keySet()) {
            Consumer<JsonNode> r = pending.remove(id);
            if (r != null) {
                r.accept(closedError());
            }
        }
        for (Runnable l : closeListeners) {
            l.run();
        }
    }
}
