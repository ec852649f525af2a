package io.vncstream.rfb.client;

import io.vncstream.rfb.handshake.ServerInit;
import io.vncstream.rfb.io.RfbInput;
import org.junit.jupiter.api.Test;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;

import static io.vncstream.rfb.client.ClientHandshakeTest.CHALLENGE;
import static io.vncstream.rfb.client.ClientHandshakeTest.OK;
import static io.vncstream.rfb.client.ClientHandshakeTest.SECRET_RESPONSE;
import static io.vncstream.rfb.client.ClientHandshakeTest.V38;
import static io.vncstream.rfb.testing.Wire.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A scripted server that answers only after it has read the client's previous message, over
 * pipes, with the client writing through a buffer: a client that forgets to flush an answer,
 * or waits for bytes the server has no reason to send yet, hangs here and fails the timeout.
 */
class ClientHandshakeConversationTest {
    @Test
    void eachAnswerIsSentBeforeTheNextQuestionIsAwaited() throws Exception {
        PipedOutputStream toClient = new PipedOutputStream();
        PipedInputStream clientIn = new PipedInputStream(toClient, 4096);
        PipedOutputStream fromClient = new PipedOutputStream();
        DataInputStream serverIn = new DataInputStream(new PipedInputStream(fromClient, 4096));
        OutputStream clientOut = new BufferedOutputStream(fromClient, 8192);

        CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
            try {
                toClient.write(V38);
                toClient.flush();
                assertThat(read(serverIn, 12)).isEqualTo(V38);
                toClient.write(hex("02 10 02"));
                toClient.flush();
                assertThat(read(serverIn, 1)).isEqualTo(hex("02"));
                toClient.write(CHALLENGE);
                toClient.flush();
                assertThat(read(serverIn, 16)).isEqualTo(SECRET_RESPONSE);
                toClient.write(OK);
                toClient.flush();
                assertThat(read(serverIn, 1)).as("ClientInit, shared").isEqualTo(hex("01"));
                toClient.write(ScriptedServer.SERVER_INIT);
                toClient.flush();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        ServerInit init = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> new ClientHandshake(
                RfbInput.of(clientIn), clientOut, ClientHandshakeTest.password("secret", new ArrayList<>()),
                ScriptedServer.SERVER_NAME).run());
        server.get();
        assertThat(init.width()).isEqualTo(64);
        assertThat(init.name()).isEqualTo("test");
    }

    private static byte[] read(DataInputStream in, int n) throws java.io.IOException {
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }
}
