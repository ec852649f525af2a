package io.vncstream.viewer.screen;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Writes a picture as a PNG file: the screenshot action and the {@code snapshot} command. */
public final class PngFile {
    private PngFile() {
    }

    /**
     * Writes {@code image} to {@code file}, making its directory if missing. The file is opened
     * here, not by ImageIO: given a path it cannot open, ImageIO prints a stack trace of its own
     * and throws "Can't create an ImageOutputStream!", which names neither the file nor the cause.
     */
    public static void write(BufferedImage image, Path file) throws IOException {
        write(image, file, "png");
    }

    /** As {@link #write(BufferedImage, Path)} in the ImageIO format named (e.g. "jpeg"). */
    public static void write(BufferedImage image, Path file, String format) throws IOException {
        OutputStream out;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            out = new BufferedOutputStream(Files.newOutputStream(file));
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + cause(e), e);
        }
        try (out) {
            if (!ImageIO.write(image, format, out)) {
                throw new IOException("no " + format.toUpperCase(java.util.Locale.ROOT) + " writer available");
            }
        }
    }

    private static String cause(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException exists) {
            // From making the directory: a file stands in its place.
            return exists.getFile() + " is not a directory";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return String.valueOf(e.getMessage());
    }
}
