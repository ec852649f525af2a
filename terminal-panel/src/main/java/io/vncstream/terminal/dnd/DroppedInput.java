package io.vncstream.terminal.dnd;

import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * What was dropped on a terminal, as the text to type: the content of the dropped files, or the
 * dropped text. Whatever is not sensible to type is refused with a one-line reason naming it,
 * all or nothing: a directory, a file too large, a binary file, or a terminal's own log.
 */
public final class DroppedInput {
    /** Dropped files (together) or text larger than this are refused: that is not something to type. */
    public static final long MAX_DROP_BYTES = 1024 * 1024;
    private static final String LIMIT = (MAX_DROP_BYTES >> 10) + " KiB";

    /** Either the text to send, or why nothing is sent. */
    public record Outcome(String text, String refusal) {
        static Outcome send(String text) {
            return new Outcome(text, null);
        }

        static Outcome refuse(String why) {
            return new Outcome(null, why);
        }

        public boolean refused() {
            return refusal != null;
        }
    }

    private DroppedInput() {
    }

    /** True for what a terminal takes as input (it still may refuse it when read). */
    public static boolean acceptable(Transferable transferable) {
        return !transferable.isDataFlavorSupported(LogTransferable.TERMINAL_LOG_FLAVOR)
                && (transferable.isDataFlavorSupported(DataFlavor.javaFileListFlavor)
                || transferable.isDataFlavorSupported(DataFlavor.stringFlavor));
    }

    public static Outcome read(Transferable transferable) throws IOException, UnsupportedFlavorException {
        if (transferable.isDataFlavorSupported(LogTransferable.TERMINAL_LOG_FLAVOR)) {
            return Outcome.refuse("Not sent: a terminal log is not typed into a terminal");
        }
        if (transferable.isDataFlavorSupported(DataFlavor.javaFileListFlavor)) {
            @SuppressWarnings("unchecked")
            List<File> files = (List<File>) transferable.getTransferData(DataFlavor.javaFileListFlavor);
            return files(files);
        }
        String text = (String) transferable.getTransferData(DataFlavor.stringFlavor);
        if (text == null || text.isEmpty()) {
            return Outcome.refuse("Not sent: the dropped text is empty");
        }
        // The limit is in bytes, as for files: what is typed goes to the device as UTF-8. A string
        // has at most as many chars as UTF-8 bytes, so a long one is refused before encoding it.
        if (text.length() > MAX_DROP_BYTES || text.getBytes(StandardCharsets.UTF_8).length > MAX_DROP_BYTES) {
            return Outcome.refuse("Not sent: the dropped text is larger than " + LIMIT);
        }
        return Outcome.send(text);
    }

    static Outcome files(List<File> files) throws IOException {
        long total = 0;
        for (File file : files) {
            if (!file.isFile()) {
                return Outcome.refuse("Not sent: " + file.getName() + " is not a regular file");
            }
            total += file.length();
            if (total > MAX_DROP_BYTES) {
                return Outcome.refuse("Not sent: " + file.getName() + " makes the drop larger than " + LIMIT);
            }
        }
        StringBuilder text = new StringBuilder();
        for (File file : files) {
            byte[] bytes = Files.readAllBytes(file.toPath());
            if (bytes.length > MAX_DROP_BYTES) {
                // It grew since it was measured.
                return Outcome.refuse("Not sent: " + file.getName() + " is larger than " + LIMIT);
            }
            String content = utf8Text(bytes);
            if (content == null) {
                return Outcome.refuse("Not sent: " + file.getName() + " is not UTF-8 text");
            }
            text.append(content);
        }
        if (text.isEmpty()) {
            return Outcome.refuse("Not sent: the dropped file is empty");
        }
        return Outcome.send(text.toString());
    }

    /** The bytes as text, or null when they are not UTF-8 or hold a NUL (a binary file). */
    private static String utf8Text(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
