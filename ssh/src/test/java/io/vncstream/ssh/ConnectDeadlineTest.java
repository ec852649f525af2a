package io.vncstream.ssh;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The connect deadline runs while the connection works, not while a prompt waits for the user. */
class ConnectDeadlineTest {
    @Test
    void timeInAPromptDoesNotCount() throws InterruptedException {
        ConnectDeadline d = new ConnectDeadline(Duration.ofMillis(200));
        d.pause();
        Thread.sleep(300);
        assertThat(d.expired()).as("300 ms in a prompt").isFalse();
        d.resume();
        Thread.sleep(250);
        assertThat(d.expired()).as("250 ms of work").isTrue();
    }

    @Test
    void nestedPausesResumeOnlyAtTheOutermost() throws InterruptedException {
        ConnectDeadline d = new ConnectDeadline(Duration.ofMillis(150));
        d.pause();
        d.pause();
        d.resume();
        Thread.sleep(200);
        assertThat(d.expired()).isFalse();
        d.resume();
        Thread.sleep(200);
        assertThat(d.expired()).isTrue();
    }
}
