package io.vncstream.rfb.server;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.message.ClientCutText;
import io.vncstream.rfb.message.ClientMessage;
import io.vncstream.rfb.message.FramebufferUpdateRequest;
import io.vncstream.rfb.message.KeyEvent;
import io.vncstream.rfb.message.PointerEvent;
import io.vncstream.rfb.message.QemuKeyEvent;
import io.vncstream.rfb.message.SetDesktopSize;
import io.vncstream.rfb.message.SetEncodings;
import io.vncstream.rfb.message.SetPixelFormat;
import io.vncstream.rfb.stream.StreamMessage;

import java.io.IOException;

/**
 * Reads client messages one at a time (TigerVNC's SMsgReader). It records each message's exact
 * bytes, which a relay forwards unchanged when it has no reason to rewrite them.
 */
public final class ClientMessageReader {
    private final RfbInput in;
    private final RfbServerHandler handler;
    private final ByteArray lastMessage = new ByteArray(256);

    public ClientMessageReader(RfbInput in, RfbServerHandler handler) {
        this.in = in;
        this.handler = handler;
    }

    /** Reads and dispatches one message; returns its type. */
    public int readMessage() throws IOException {
        lastMessage.clear();
        in.startRecording(lastMessage);
        int type;
        try {
            type = in.readU8();
            switch (type) {
                case ClientMessage.SET_PIXEL_FORMAT -> handler.setPixelFormat(SetPixelFormat.read(in).format());
                case ClientMessage.SET_ENCODINGS -> handler.setEncodings(SetEncodings.read(in));
                case ClientMessage.FRAMEBUFFER_UPDATE_REQUEST -> handler.updateRequest(FramebufferUpdateRequest.read(in));
                case ClientMessage.KEY_EVENT -> handler.keyEvent(KeyEvent.read(in));
                case ClientMessage.POINTER_EVENT -> handler.pointerEvent(PointerEvent.read(in));
                case ClientMessage.CLIENT_CUT_TEXT -> handler.clientCutText(ClientCutText.read(in).text());
                case ClientMessage.QEMU -> readQemu();
                case ClientMessage.SET_DESKTOP_SIZE -> handler.setDesktopSize(SetDesktopSize.read(in));
                default -> throw new RfbProtocolException("unknown client message type " + type
                        + " at byte " + (in.position() - 1));
            }
        } finally {
            in.stopRecording();
        }
        return type;
    }

    private void readQemu() throws IOException {
        int subtype = in.readU8();
        if (subtype == QemuKeyEvent.SUBTYPE) {
            handler.qemuKeyEvent(QemuKeyEvent.read(in));
        } else if (subtype == StreamMessage.SUBTYPE) {
            handler.streamMessage(StreamMessage.readFromClient(in));
        } else {
            throw new RfbProtocolException("client message 255 (QEMU) with unknown sub-type " + subtype);
        }
    }

    /** The exact bytes of the message last read (valid until the next read). */
    public byte[] lastMessageBytes() {
        return lastMessage.toByteArray();
    }
}
