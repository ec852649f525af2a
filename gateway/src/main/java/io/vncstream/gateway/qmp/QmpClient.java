package io.vncstream.gateway.qmp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vncstream.gateway.net.HostPort;
import io.vncstream.rfb.io.Transport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A QEMU Machine Protocol connection: JSON lines; asynchronous events are skipped. Every wait
 * for QEMU has a deadline: a QMP socket serves one client at a time, so a second client
 * connects but hears nothing until the first leaves, and unix sockets have no read timeout.
 */
public final class QmpClient implements QmpLink {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);
    private static final String GREETING = "greeting";
    /** Closes a connection whose answer is late, which ends the blocked read. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "qmp watchdog");
        t.setDaemon(true);
        return t;
    });

    private final Transport transport;
    private final String address;
    private final QmpLines in;

    private QmpClient(Transport transport, String address) {
        this.transport = transport;
        this.address = address;
        this.in = new QmpLines(new BufferedInputStream(transport.input()), QmpLines.MAX_FROM_QEMU, "QMP " + address);
    }

    /** A wait for QEMU that the watchdog can end. */
    @FunctionalInterface
    private interface Wait<T> {
        T get() throws IOException;
    }

    /** Connects to {@code unix:PATH} or {@code tcp:HOST:PORT} and leaves capabilities negotiation done. */
    public static QmpClient connect(String address) throws IOException {
        Transport t;
        if (address.startsWith("unix:")) {
            t = Transport.unix(Path.of(address.substring(5)), ANSWER_TIMEOUT);
        } else if (address.startsWith("tcp:")) {
            HostPort hp = HostPort.parse(address.substring(4));
            t = Transport.tcp(hp.host(), hp.port(), Duration.ofSeconds(5));
        } else {
            throw new IllegalArgumentException("QMP address must be unix:PATH or tcp:HOST:PORT, not " + address);
        }
        QmpClient c = new QmpClient(t, address);
        try {
            // One deadline for the greeting and whatever events come before it.
            c.within(GREETING, c.in::greeting);
            c.execute("qmp_capabilities", null);
            return c;
        } catch (IOException | RuntimeException e) {
            t.close();
            throw e;
        }
    }

    /** Runs a command and returns its {@code return} value; a QMP error becomes an IOException. */
    @Override
    public synchronized JsonNode execute(String command, JsonNode arguments) throws IOException {
        ObjectNode request = JSON.createObjectNode().put("execute", command);
        if (arguments != null) {
            request.set("arguments", arguments);
        }
        transport.output().write((JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
        transport.output().flush();
        while (true) {
            JsonNode reply = readLine("the answer to " + command);
            if (reply.has("return")) {
                return reply.get("return");
            }
            if (reply.has("error")) {
                throw new IOException("QMP " + command + ": " + reply.get("error").path("desc").asText());
            }
        }
    }

    private JsonNode readLine(String awaited) throws IOException {
        String line = within(awaited, () -> {
            String l = in.next();
            if (l == null) {
                throw new IOException("QMP " + address + ": connection closed while waiting for " + awaited);
            }
            return l;
        });
        return JSON.readTree(line);
    }

    private <T> T within(String awaited, Wait<T> wait) throws IOException {
        // Set before the close, not read from the future: the blocked read ends as soon as the
        // channel closes, before the watchdog's task counts as done.
        AtomicBoolean rang = new AtomicBoolean();
        ScheduledFuture<?> alarm = WATCHDOG.schedule(() -> {
            rang.set(true);
            transport.close();
        }, ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return wait.get();
        } catch (IOException e) {
            throw late(rang.get(), awaited, e);
        } finally {
            alarm.cancel(false);
        }
    }

    private IOException late(boolean rang, String awaited, IOException e) {
        if (rang) {
            return new IOException("QMP " + address + ": no " + awaited + " within " + ANSWER_TIMEOUT.toSeconds() + " s"
                    + (awaited.equals(GREETING) ? " (QEMU serves a QMP socket to one client at a time: is another connected?)" : ""), e);
        }
        return e;
    }

    @Override
    public void close() {
        transport.close();
    }
}
