package io.vncstream.gateway.qmp;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;

/** A QMP connection the gateway runs commands over: its own ({@link QmpClient}) or shared ({@link QmpMux}). */
public interface QmpLink extends AutoCloseable {
    /** Runs a command and returns its {@code return} value; a QMP error becomes an IOException. */
    JsonNode execute(String command, JsonNode arguments) throws IOException;

    @Override
    void close();
}
