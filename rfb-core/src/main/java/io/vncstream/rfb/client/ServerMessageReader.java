package io.vncstream.rfb.client;

import io.vncstream.rfb.RfbProtocolException;
import io.vncstream.rfb.decode.DecodeContext;
import io.vncstream.rfb.framebuffer.Framebuffer;
import io.vncstream.rfb.io.RfbInput;
import io.vncstream.rfb.message.CutText;
import io.vncstream.rfb.message.ExtendedClipboard;
import io.vncstream.rfb.message.Fence;
import io.vncstream.rfb.message.QemuAudioData;
import io.vncstream.rfb.message.XvpMessage;
import io.vncstream.rfb.message.ServerMessage;
import io.vncstream.rfb.message.SetColourMapEntries;
import io.vncstream.rfb.stream.StreamMessage;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;

/** Reads server messages one at a time and hands them to the handler (TigerVNC's CMsgReader). */
public final class ServerMessageReader {
    private final RfbInput in;
    private final DecodeContext ctx;
    private final RfbClientHandler handler;
    private final UpdateReader updates;
    private boolean lastUpdateAnswered;

    public ServerMessageReader(RfbInput in, DecodeContext ctx, Framebuffer fb, RfbClientHandler handler) {
        this.in = in;
        this.ctx = ctx;
        this.handler = handler;
        this.updates = new UpdateReader(in, ctx, fb, handler);
    }

    /** Reads and dispatches one message; returns its type. */
    public int readMessage() throws IOException {
        int type = in.readU8();
        try {
            dispatch(type);
        } catch (EOFException e) {
            // The connection ended inside a message (a server that crashed, a proxy cut off):
            // say which, as a server between two messages closes cleanly.
            throw (EOFException) new EOFException(e.getMessage() + ", in the middle of " + inside(type)).initCause(e);
        } catch (SocketException e) {
            throw (SocketException) new SocketException(e.getMessage() + ", in the middle of " + inside(type)).initCause(e);
        }
        return type;
    }

    /** The message being read, for an error: "rectangle 3 of 12 of a FramebufferUpdate (ZRLE rectangle ...)". */
    private String inside(int type) {
        return type == ServerMessage.FRAMEBUFFER_UPDATE ? updates.progress() : "a " + ServerMessage.name(type) + " message";
    }

    private void dispatch(int type) throws IOException {
        switch (type) {
            case ServerMessage.FRAMEBUFFER_UPDATE -> {
                lastUpdateAnswered = updates.read();
                handler.updateCompleted();
            }
            case ServerMessage.SET_COLOUR_MAP_ENTRIES -> SetColourMapEntries.read(in).applyTo(ctx.colourMap());
            case ServerMessage.BELL -> handler.bell();
            case ServerMessage.SERVER_CUT_TEXT -> readCutText();
            case ServerMessage.FENCE -> handler.fence(Fence.read(in));
            case ServerMessage.END_OF_CONTINUOUS_UPDATES -> handler.endOfContinuousUpdates();
            case ServerMessage.XVP -> handler.xvp(XvpMessage.read(in));
            case ServerMessage.QEMU -> {
                int subtype = in.readU8();
                if (subtype == StreamMessage.SUBTYPE) {
                    handler.streamMessage(StreamMessage.readFromServer(in));
                } else if (subtype == QemuAudioData.SUBTYPE) {
                    handler.qemuAudio(QemuAudioData.read(in));
                } else {
                    throw new RfbProtocolException("server message 255 (QEMU) with sub-type " + subtype
                            + ", which this client never asked for");
                }
            }
            default -> throw new RfbProtocolException("unknown server message type " + type
                    + " at byte " + (in.position() - 1));
        }
    }

    /** A legacy Latin-1 cut text, or (negative length) an extended clipboard message. */
    private void readCutText() throws IOException {
        in.skip(3);
        int length = in.readS32();
        if (length < 0) {
            handler.extendedClipboard(ExtendedClipboard.readBody(in, length, "ServerCutText"));
        } else {
            handler.serverCutText(CutText.readText(in, length, "ServerCutText"));
        }
    }

    /**
     * Whether the last FramebufferUpdate answered a request: one that holds only stream device
     * notices was sent unsolicited and leaves the client's request pending.
     */
    public boolean lastUpdateAnsweredRequest() {
        return lastUpdateAnswered;
    }

    public java.util.Map<Integer, java.util.concurrent.atomic.LongAdder> rectsByEncoding() {
        return updates.rectsByEncoding();
    }
}
