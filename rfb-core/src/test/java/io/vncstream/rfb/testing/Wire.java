package io.vncstream.rfb.testing;

import io.vncstream.rfb.io.ByteArray;
import io.vncstream.rfb.io.RfbInput;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Literal wire bytes for tests, and the rule that every parser is fed twice: from a byte array
 * and from a stream that delivers one byte per read, with the same result both ways.
 */
public final class Wire {
    private Wire() {
    }

    /** "ff 02 00 | 00 00 00 07" as bytes; spaces and '|' separate, and mean nothing. */
    public static byte[] hex(String text) {
        String digits = text.replaceAll("[\\s|]", "");
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits: " + text);
        }
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    /** Concatenates byte arrays. */
    public static byte[] concat(byte[]... parts) {
        ByteArray out = new ByteArray();
        for (byte[] p : parts) {
            out.append(p);
        }
        return out.toByteArray();
    }

    /**
     * Compresses through a connection-long zlib stream as a server ends each rectangle: with a
     * sync flush, so the client can inflate everything sent so far.
     */
    public static byte[] syncFlush(Deflater deflater, byte[] data) {
        deflater.setInput(data);
        ByteArray out = new ByteArray(data.length + 64);
        byte[] chunk = new byte[8192];
        int n;
        do {
            n = deflater.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH);
            out.append(chunk, 0, n);
        } while (n == chunk.length);
        return out.toByteArray();
    }

    /** Tight's compact length: 1-3 bytes of 7 bits each, low bits first, the high bit saying "more". */
    public static byte[] tightLength(int n) {
        if (n < 128) {
            return new byte[]{(byte) n};
        }
        if (n < 16384) {
            return new byte[]{(byte) (n | 0x80), (byte) (n >>> 7)};
        }
        return new byte[]{(byte) (n | 0x80), (byte) ((n >>> 7) | 0x80), (byte) (n >>> 14)};
    }

    /** Builds bytes with a {@link ByteArray}. */
    public static byte[] build(Consumer<ByteArray> writer) {
        ByteArray out = new ByteArray();
        writer.accept(out);
        return out.toByteArray();
    }

    @FunctionalInterface
    public interface Parser<T> {
        T read(RfbInput in) throws IOException;
    }

    /** An input over the bytes: the whole array, or a stream that gives one byte per read. */
    public static RfbInput input(byte[] bytes, boolean oneByteAtATime) {
        return oneByteAtATime ? RfbInput.of(new OneByteAtATimeInputStream(bytes)) : RfbInput.of(bytes);
    }

    /**
     * Parses the bytes from an array and from a one-byte-at-a-time stream; both must consume
     * every byte and give equal results (field by field, arrays included). Returns the result.
     */
    public static <T> T readBothWays(byte[] bytes, Parser<T> parser) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            RfbInput whole = RfbInput.of(bytes);
            T fromArray = parser.read(whole);
            assertThat(whole.position()).as("bytes consumed from the array").isEqualTo(bytes.length);
            RfbInput trickle = input(bytes, true);
            T fromStream = parser.read(trickle);
            assertThat(trickle.position()).as("bytes consumed from the one-byte stream").isEqualTo(bytes.length);
            if (!java.util.Objects.equals(fromStream, fromArray)) {
                // records holding arrays compare them by identity: compare field by field instead
                assertThat(fromStream).usingRecursiveComparison().isEqualTo(fromArray);
            }
            return fromArray;
        });
    }

    /**
     * Feeds the bytes both ways; both must throw the same exception type with the same message
     * (EOF wording aside), within 10 seconds. Returns the exception for further assertions.
     */
    public static Throwable rejectedBothWays(byte[] bytes, Parser<?> parser) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            Throwable fromArray = thrown(() -> parser.read(RfbInput.of(bytes)));
            Throwable fromStream = thrown(() -> parser.read(input(bytes, true)));
            assertThat(fromStream).isExactlyInstanceOf(fromArray.getClass());
            if (!(fromArray instanceof java.io.EOFException)) {
                // An array ends "unexpectedly", a stream is "closed by peer": only EOF wording differs.
                assertThat(fromStream).hasMessage(fromArray.getMessage());
            }
            return fromArray;
        });
    }

    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    /** The exception an action throws; fails the test when it throws none. */
    public static Throwable thrown(Action action) {
        try {
            action.run();
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("expected an exception, but none was thrown");
    }
}
