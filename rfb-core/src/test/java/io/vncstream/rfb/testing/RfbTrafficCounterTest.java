package io.vncstream.rfb.testing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;

import static io.vncstream.rfb.testing.Wire.concat;
import static io.vncstream.rfb.testing.Wire.hex;
import static org.assertj.core.api.Assertions.assertThat;

/** The proxy's counter, fed literal bytes one at a time in each direction. */
class RfbTrafficCounterTest {
    private static final byte[] VERSION = hex("52 46 42 20 30 30 33 2e 30 30 38 0a"); // "RFB 003.008\n"
    /** 4x2, 32 bpp depth 24 little-endian true colour, red at bit 16, named "x". */
    private static final byte[] SERVER_INIT = hex("0004 0002 | 20 18 00 01 00ff 00ff 00ff 10 08 00 000000 | 00000001 78");
    private static final byte[] SERVER_HANDSHAKE = concat(VERSION, hex("01 01 | 00000000"), SERVER_INIT);
    private static final byte[] CLIENT_HANDSHAKE = concat(VERSION, hex("01 | 01"));

    private static RfbTrafficCounter feed(byte[] fromClient, byte[] fromServer) throws InterruptedException {
        RfbTrafficCounter counter = new RfbTrafficCounter();
        counter.start("test");
        for (byte b : fromClient) {
            counter.fromClient.offer(new byte[]{b}, 1);
        }
        boolean handshake = fromServer.length >= SERVER_HANDSHAKE.length
                && java.util.Arrays.equals(fromServer, 0, SERVER_HANDSHAKE.length, SERVER_HANDSHAKE, 0, SERVER_HANDSHAKE.length);
        for (int i = 0; i < fromServer.length; i++) {
            if (handshake && i == SERVER_HANDSHAKE.length) {
                // As DelayProxy does before it delivers the server's messages: the client's (a
                // pixel format switch) are parsed first, else the server side frames with the old format.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!counter.fromClient.starvedAt(fromClient.length) && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
            }
            counter.fromServer.offer(new byte[]{fromServer[i]}, 1);
        }
        counter.fromClient.end();
        counter.fromServer.end();
        assertThat(counter.awaitParsed(Duration.ofSeconds(10))).as("both sides parsed to their end").isTrue();
        return counter;
    }

    @Test
    void countsUpdatesRectanglesPixelsFencesAndContinuousUpdates() throws Exception {
        byte[] client = concat(CLIENT_HANDSHAKE,
                hex("02 00 0003 | 00000000 | fffffec7 | fffffec8"), // SetEncodings Raw, ContinuousUpdates, Fence
                hex("03 00 0000 0000 0004 0002"),                   // FramebufferUpdateRequest, whole screen
                hex("96 01 0000 0000 0004 0002"),                   // EnableContinuousUpdates
                hex("f8 000000 | 00000000 | 00"));                  // the answer to the server's fence
        byte[] server = concat(SERVER_HANDSHAKE,
                hex("00 00 0002"),                                    // FramebufferUpdate, 2 rectangles:
                hex("0000 0000 0002 0001 | 00000000 | 11223300 44556600"), // Raw 2x1 at (0,0)
                hex("0002 0000 0002 0002 | 00000001 | 0000 0000"),   // CopyRect 2x2 at (2,0) from (0,0)
                hex("f8 000000 | 80000000 | 00"),                    // Fence request
                hex("96"),                                           // EndOfContinuousUpdates
                hex("00 00 ffff | 0000 0000 0000 0000 | ffffff20")); // FramebufferUpdate ended by LastRect
        RfbTrafficCounter.Snapshot s = feed(client, server).snapshot();
        assertThat(s.problem()).isNull();
        assertThat(s.updates()).isEqualTo(2);
        assertThat(s.rects()).isEqualTo(3);
        assertThat(s.pixels()).isEqualTo(2);
        assertThat(s.copyRectPixels()).isEqualTo(4);
        assertThat(s.rectsByEncoding()).isEqualTo(Map.of("Raw", 1L, "CopyRect", 1L, "LastRect", 1L));
        assertThat(s.serverFences()).isEqualTo(1);
        assertThat(s.clientFences()).isEqualTo(1);
        assertThat(s.endOfContinuousUpdates()).isEqualTo(1);
        assertThat(s.updateRequests()).isEqualTo(1);
        assertThat(s.continuousEnabled()).isTrue();
        assertThat(s.clientEncodings()).isEqualTo(List.of(0, -313, -312));
    }

    @Test
    void aPixelFormatSwitchAtTheFenceAnswerChangesHowRectanglesAreFramed() throws Exception {
        byte[] client = concat(CLIENT_HANDSHAKE,
                hex("f8 000000 | 80000004 | 01 01"),                           // Fence request, SyncNext, data 01
                hex("00 000000 | 08 08 00 01 0007 0007 0003 00 03 06 000000")); // SetPixelFormat to 8 bpp
        byte[] server = concat(SERVER_HANDSHAKE,
                hex("00 00 0001 | 0000 0000 0002 0001 | 00000000 | 11223300 44556600"), // Raw, 32 bpp still
                hex("f8 000000 | 00000004 | 01 01"),                                      // the fence's answer
                hex("00 00 0001 | 0000 0000 0002 0001 | 00000000 | 12 34"));             // Raw, now 8 bpp
        RfbTrafficCounter.Snapshot s = feed(client, server).snapshot();
        assertThat(s.problem()).isNull();
        assertThat(s.updates()).isEqualTo(2);
        assertThat(s.pixels()).isEqualTo(4);
    }

    @Test
    void aSecurityTypeOtherThanNoneEndsCountingWithAReason() throws Exception {
        byte[] server = concat(VERSION, hex("01 02 | 0102030405060708090a0b0c0d0e0f10"));
        RfbTrafficCounter.Snapshot s = feed(concat(VERSION, hex("02")), server).snapshot();
        assertThat(s.problem()).isEqualTo("server side: the client chose security type 2: only None (1) can be counted");
        assertThat(s.updates()).isZero();
    }

    @Test
    void anUnknownServerMessageEndsCountingWithAReasonAndKeepsWhatWasCounted() throws Exception {
        byte[] server = concat(SERVER_HANDSHAKE, hex("00 00 0001 | 0000 0000 0001 0001 | 00000000 | 11223300"), hex("77 00"));
        RfbTrafficCounter.Snapshot s = feed(CLIENT_HANDSHAKE, server).snapshot();
        assertThat(s.updates()).isEqualTo(1);
        assertThat(s.problem()).startsWith("server side: ").contains("message type 119");
    }
}
