package io.vncstream.gateway.qmp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vncstream.rfb.io.Transport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** A QEMU Machine Protocol connection: JSON lines; asynchronous events are skipped. */
public final class QmpClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Transport transport;
    private final BufferedReader in;

    private QmpClient(Transport transport) {
        this.transport = transport;
        this.in = new BufferedReader(new InputStreamReader(transport.input(), StandardCharsets.UTF_8));
    }

    /** Connects to {@code unix:PATH} or {@code tcp:HOST:PORT} and leaves capabilities negotiation done. */
    public static QmpClient connect(String address) throws IOException {
        Transport t;
        if (address.startsWith("unix:")) {
            t = Transport.unix(Path.of(address.substring(5)));
        } else if (address.startsWith("tcp:")) {
            String hp = address.substring(4);
            int colon = hp.lastIndexOf(':');
            t = Transport.tcp(hp.substring(0, colon), Integer.parseInt(hp.substring(colon + 1)), Duration.ofSeconds(5));
        } else {
            throw new IllegalArgumentException("QMP address must be unix:PATH or tcp:HOST:PORT, not " + address);
        }
        QmpClient c = new QmpClient(t);
        try {
            JsonNode greeting = c.readLine();
            if (!greeting.has("QMP")) {
                throw new IOException("not a QMP greeting: " + greeting);
            }
            c.execute("qmp_capabilities", null);
            return c;
        } catch (IOException | RuntimeException e) {
            t.close();
            throw e;
        }
    }

    /** Runs a command and returns its {@code return} value; a QMP error becomes an IOException. */
    public synchronized JsonNode execute(String command, JsonNode arguments) throws IOException {
        ObjectNode request = JSON.createObjectNode().put("execute", command);
        if (arguments != null) {
            request.set("arguments", arguments);
        }
        transport.output().write((JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
        transport.output().flush();
        while (true) {
            JsonNode reply = readLine();
            if (reply.has("return")) {
                return reply.get("return");
            }
            if (reply.has("error")) {
                throw new IOException("QMP " + command + ": " + reply.get("error").path("desc").asText());
            }
        }
    }

    private JsonNode readLine() throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new IOException("QMP connection closed");
        }
        return JSON.readTree(line);
    }

    @Override
    public void close() {
        transport.close();
    }
}
