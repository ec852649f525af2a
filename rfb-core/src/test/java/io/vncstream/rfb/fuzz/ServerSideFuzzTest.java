package io.vncstream.rfb.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vncstream.rfb.server.ClientMessageReader;
import io.vncstream.rfb.server.RfbServerHandler;
import io.vncstream.rfb.server.ServerHandshake;
import io.vncstream.rfb.server.ServerSecurity;
import io.vncstream.rfb.testing.FuzzContract;
import io.vncstream.rfb.testing.FuzzInput;
import org.junit.jupiter.api.Timeout;

import java.io.OutputStream;

/**
 * What a client sends, as a server (the gateway) reads it: its side of the handshake, with or
 * without a password asked for (odd first byte: asked), and its messages after the handshake
 * (SetPixelFormat, SetEncodings, requests, input events, cut text, 255/0 and 255/2).
 */
class ServerSideFuzzTest {
    @Timeout(10)
    @FuzzTest(maxDuration = "11m")
    void serverReadsClientHandshake(byte[] data) {
        FuzzInput input = FuzzInput.of(data);
        ServerSecurity security = input.withPassword() ? ServerSecurity.vncAuth("secret".toCharArray()) : ServerSecurity.NONE;
        ServerHandshake handshake = new ServerHandshake(input.in(), OutputStream.nullOutputStream(), security);
        FuzzContract.holds(handshake::run);
    }

    @Timeout(10)
    @FuzzTest(maxDuration = "11m")
    void serverReadsClientMessages(byte[] data) {
        FuzzInput input = FuzzInput.of(data);
        ClientMessageReader reader = new ClientMessageReader(input.in(), new RfbServerHandler() { });
        FuzzContract.untilEnd(() -> {
            reader.readMessage();
            reader.lastMessageBytes();
        });
    }
}
