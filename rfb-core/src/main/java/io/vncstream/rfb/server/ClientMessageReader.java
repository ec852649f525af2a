package io.vncstream.rfb.server;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.message.ClientMessage;
import io.vncstream.rfb.message.CutText;
import io.vncstream.rfb.message.EnableContinuousUpdates;
import io.vncstream.rfb.message.ExtendedClipboard;
import io.vncstream.rfb.message.Fence;
import io.vncstream.rfb.message.FramebufferUpdateRequest;
import io.vncstream.rfb.message.KeyEvent;
import io.vncstream.rfb.message.PointerEvent;
import io.vncstream.rfb.message.QemuAudioRequest;
import io.vncstream.rfb.message.QemuKeyEvent;
import io.vncstream.rfb.message.SetDesktopSize;
import io.vncstream.rfb.message.SetEncodings;
import io.vncstream.rfb.message.XvpMessage;
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
    private MessageDeadline deadline = MessageDeadline.NONE;

    /**
     * Told when a message's first byte has arrived and when the message is complete, so that a
     * server can bound how long the rest of a message may take to arrive (a viewer may be
     * silent between messages for ever, but not in the middle of one).
     */
    public interface MessageDeadline {
        MessageDeadline NONE = new MessageDeadline() {
            @Override
            public void started() {
            }

            @Override
            public void ended() {
            }
        };

        void started() throws IOException;

        void ended() throws IOException;
    }

    public ClientMessageReader(RfbInput in, RfbServerHandler handler) {
        this.in = in;
        this.handler = handler;
    }

    public ClientMessageReader deadline(MessageDeadline deadline) {
        this.deadline = deadline;
        return this;
    }

    /** Reads and dispatches one message; returns its type. */
    public int readMessage() throws IOException {
        lastMessage.clear();
        in.startRecording(lastMessage);
        int type;
        try {
            type = in.readU8();
            deadline.started();
            switch (type) {
                case ClientMessage.SET_PIXEL_FORMAT -> handler.setPixelFormat(SetPixelFormat.read(in).format());
                case ClientMessage.SET_ENCODINGS -> handler.setEncodings(SetEncodings.read(in));
                case ClientMessage.FRAMEBUFFER_UPDATE_REQUEST -> handler.updateRequest(FramebufferUpdateRequest.read(in));
                case ClientMessage.KEY_EVENT -> handler.keyEvent(KeyEvent.read(in));
                case ClientMessage.POINTER_EVENT -> handler.pointerEvent(PointerEvent.read(in));
                case ClientMessage.CLIENT_CUT_TEXT -> readCutText();
                case ClientMessage.QEMU -> readQemu();
                case ClientMessage.SET_DESKTOP_SIZE -> handler.setDesktopSize(SetDesktopSize.read(in));
                case ClientMessage.FENCE -> handler.fence(Fence.read(in));
                case ClientMessage.ENABLE_CONTINUOUS_UPDATES -> handler.enableContinuousUpdates(EnableContinuousUpdates.read(in));
                case ClientMessage.XVP -> handler.xvp(XvpMessage.read(in));
                default -> throw new RfbProtocolException("unknown client message type " + type
                        + " at byte " + (in.position() - 1));
            }
            deadline.ended();
        } finally {
            in.stopRecording();
        }
        return type;
    }

    private void readQemu() throws IOException {
        int subtype = in.readU8();
        if (subtype == QemuKeyEvent.SUBTYPE) {
            handler.qemuKeyEvent(QemuKeyEvent.read(in));
        } else if (subtype == QemuAudioRequest.SUBTYPE) {
            handler.qemuAudio(QemuAudioRequest.read(in));
        } else if (subtype == StreamMessage.SUBTYPE) {
            handler.streamMessage(StreamMessage.readFromClient(in));
        } else {
            throw new RfbProtocolException("client message 255 (QEMU) with unknown sub-type " + subtype);
        }
    }

    /** A legacy Latin-1 cut text, or (negative length) an extended clipboard message. */
    private void readCutText() throws IOException {
        in.skip(3);
        int length = in.readS32();
        if (length < 0) {
            handler.extendedClipboard(ExtendedClipboard.readBody(in, length, "ClientCutText"));
        } else {
            handler.clientCutText(CutText.readText(in, length, "ClientCutText"));
        }
    }

    /** The exact bytes of the message last read (valid until the next read). */
    public byte[] lastMessageBytes() {
        return lastMessage.toByteArray();
    }
}
