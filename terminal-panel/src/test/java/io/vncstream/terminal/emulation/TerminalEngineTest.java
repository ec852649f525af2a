package io.vncstream.terminal.emulation;

import io.vncstream.rfb.testing.Eventually;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalEngineTest {

    @Test
    void utf8SplitAtEveryBytePositionAcrossChunksShowsTheSameScreen() throws Exception {
        String text = "\u00e9t\u00e9 \u4e2d\u6587 \uD83D\uDE00 ok";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int split = 1; split < bytes.length; split++) {
            try (TerminalEngine engine = new TerminalEngine("split", 40, 3, 10, new TerminalEngine.Hooks() { })) {
                engine.accept(bytes, 0, split);
                assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();
                engine.accept(bytes, split, bytes.length - split);
                assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();
                assertThat(engine.screenLines().get(0)).as("split at byte %d", split)
                        .doesNotContain("\uFFFD")
                        .startsWith("\u00e9t\u00e9 \u4e2d\u6587 ")
                        .endsWith(" ok");
            }
        }
    }

    @Test
    void aOneMebibyteBurstIsShownAndLoggedWithoutLoss() throws Exception {
        int lines = 16 * 1024;
        ByteArrayOutputStream burst = new ByteArrayOutputStream();
        for (int i = 0; i < lines; i++) {
            // 64 bytes per line ("line 00000000 " 14, 48 x, CR LF): 1 MiB in all.
            burst.writeBytes(String.format("line %08d %s\r\n", i, "x".repeat(48)).getBytes(StandardCharsets.US_ASCII));
        }
        byte[] all = burst.toByteArray();
        assertThat(all.length).isEqualTo(1024 * 1024);
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        try (TerminalEngine engine = new TerminalEngine("burst", 80, 24, lines + 100, new TerminalEngine.Hooks() {
            @Override
            public void received(byte[] bytes) {
                seen.writeBytes(bytes);
            }
        })) {
            // Like a network reader: odd-sized chunks, as fast as it can, from another thread.
            Thread reader = new Thread(() -> {
                for (int off = 0; off < all.length; off += 1499) {
                    engine.accept(all, off, Math.min(1499, all.length - off));
                }
            });
            long start = System.nanoTime();
            reader.start();
            reader.join();
            long acceptNanos = System.nanoTime() - start;
            assertThat(engine.awaitIdle(Duration.ofSeconds(60))).isTrue();
            // accept() only queues: handing over 1 MiB must not wait for the emulator.
            assertThat(acceptNanos).isLessThan(TimeUnit.SECONDS.toNanos(5));
            List<String> history = engine.historyLines();
            List<String> screen = engine.screenLines();
            assertThat(history.size() + screen.size()).isGreaterThanOrEqualTo(lines);
            assertThat(history.get(0)).isEqualTo("line 00000000 " + "x".repeat(48));
            for (int i = 0; i < lines - 1 && i < history.size(); i++) {
                assertThat(history.get(i)).startsWith(String.format("line %08d ", i));
            }
        }
        assertThat(seen.toByteArray()).isEqualTo(all);
    }

    @Test
    void aDeviceAttributesQueryIsAnsweredThroughTheHooks() throws Exception {
        CountDownLatch answered = new CountDownLatch(1);
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try (TerminalEngine engine = new TerminalEngine("da", 80, 24, 10, new TerminalEngine.Hooks() {
            @Override
            public void answered(byte[] bytes) {
                answer.writeBytes(bytes);
                answered.countDown();
            }
        })) {
            byte[] query = "\u001b[c".getBytes(StandardCharsets.US_ASCII);
            engine.accept(query, 0, query.length);
            assertThat(answered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(answer.toString(StandardCharsets.US_ASCII)).startsWith("\u001b[?");
        }
    }

    /**
     * A console opened late is sent the device's old output first; busybox's prompt in it asks for
     * the cursor position (ESC[6n) every time. Answering those would type "ESC[4;5R" into the shell.
     * The replay is shown; only live queries are answered, and a query split across a replay and a
     * live chunk counts as live (its end is new output).
     */
    @Test
    void queriesInReplayedOutputAreShownButNotAnswered() throws Exception {
        StringBuffer answers = new StringBuffer();
        try (TerminalEngine engine = new TerminalEngine("replay", 80, 24, 10, new TerminalEngine.Hooks() {
            @Override
            public void answered(byte[] bytes) {
                answers.append(new String(bytes, StandardCharsets.US_ASCII));
            }
        })) {
            byte[] replay = "~ # \u001b[6n\r\n~ # \u001b[c\u001b[5n\u001b[>c\r\n~ # \u001b[6n".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < replay.length; i++) {
                engine.acceptReplay(replay, i, 1); // one byte at a time: no chunk holds a whole query
            }
            assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(engine.screenLines().get(2)).isEqualTo("~ #");
            assertThat(answers).as("answers to replayed queries").isEmpty();

            byte[] live = "\u001b[6".getBytes(StandardCharsets.US_ASCII);
            engine.acceptReplay(live, 0, live.length);
            byte[] end = "n".getBytes(StandardCharsets.US_ASCII);
            engine.accept(end, 0, end.length);
            assertThat(engine.awaitIdle(Duration.ofSeconds(10))).isTrue();
            Eventually.await(Duration.ofSeconds(10), "the live cursor report",
                    () -> answers.toString().equals("\u001b[3;5R"));
        }
    }

    /**
     * A device faster than the terminal: the bytes waiting for the emulator stay within the bound
     * (the producer waits, as a network reader would, so TCP slows the server down), and still every
     * byte is logged, in order, and the last line is on the screen.
     */
    @Test
    void aProducerFasterThanTheEmulatorWaitsAndNothingIsLost() throws Exception {
        int bound = 64 * 1024;
        int chunk = 4096;
        ByteArrayOutputStream flood = new ByteArrayOutputStream();
        for (int i = 0; i < 40_000; i++) {
            flood.writeBytes(String.format("line %08d %s\r\n", i, "y".repeat(40)).getBytes(StandardCharsets.US_ASCII));
        }
        byte[] all = flood.toByteArray();
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        try (TerminalEngine engine = new TerminalEngine("flood", 80, 24, 100, new TerminalEngine.Hooks() {
            @Override
            public void received(byte[] bytes) {
                logged.writeBytes(bytes);
                try {
                    Thread.sleep(0, 200_000); // a slow screen or disk
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, bound)) {
            long maxQueued = 0;
            for (int off = 0; off < all.length; off += chunk) {
                engine.accept(all, off, Math.min(chunk, all.length - off));
                maxQueued = Math.max(maxQueued, engine.queuedBytes());
            }
            assertThat(engine.awaitIdle(Duration.ofSeconds(60))).isTrue();
            assertThat(maxQueued).as("bytes waiting for the emulator").isLessThanOrEqualTo(bound);
            assertThat(engine.screenLines().get(22)).isEqualTo("line 00039999 " + "y".repeat(40));
        }
        assertThat(logged.toByteArray()).isEqualTo(all);
    }

    @Test
    void theScrollbackIsTrimmedInBatchesToItsConfiguredSize() throws Exception {
        try (TerminalEngine engine = new TerminalEngine("trim", 40, 5, 1000, new TerminalEngine.Hooks() { })) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 20_000; i++) {
                text.append("line ").append(i).append("\r\n");
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
            for (int off = 0; off < bytes.length; off += 4096) {
                engine.accept(bytes, off, Math.min(4096, bytes.length - off));
            }
            assertThat(engine.awaitIdle(Duration.ofSeconds(30))).isTrue();
            List<String> history = engine.historyLines();
            assertThat(history.size()).isBetween(1000, 1000 + 64);
            // The newest lines are the ones kept, in order.
            assertThat(history.get(history.size() - 1)).isEqualTo("line 19995");
            assertThat(engine.screenLines().get(3)).isEqualTo("line 19999");
        }
    }

    @Test
    void resizeTellsTheEmulatorTheNewSize() throws Exception {
        try (TerminalEngine engine = new TerminalEngine("resize", 80, 24, 10, new TerminalEngine.Hooks() { })) {
            engine.resize(100, 30);
            assertThat(engine.terminal().getTerminalWidth()).isEqualTo(100);
            assertThat(engine.terminal().getTerminalHeight()).isEqualTo(30);
            assertThat(engine.screenLines()).hasSize(30);
        }
    }
}
