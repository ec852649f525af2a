package io.vncstream.terminal.swing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScrollFollowTest {
    @Test
    void aViewFollowingTheOutputStaysAtTheBottom() {
        ScrollFollow follow = new ScrollFollow();
        assertThat(follow.follow(0, 100, 0)).isZero();
        assertThat(follow.follow(0, 150, 0)).isZero();
    }

    @Test
    void aScrolledBackViewKeepsItsLinesWhileTheScrollbackGrows() {
        ScrollFollow follow = new ScrollFollow();
        follow.follow(0, 100, 0);
        assertThat(follow.follow(10, 130, 0)).isEqualTo(40);
    }

    @Test
    void linesTrimmedFromTheTopStillCountAsPushed() {
        ScrollFollow follow = new ScrollFollow();
        follow.follow(0, 10_000, 0);
        // 700 new lines, then 625 trimmed: the scrollback only grew by 75.
        assertThat(follow.follow(50, 10_075, 625)).isEqualTo(750);
    }

    @Test
    void theOffsetNeverPassesTheScrollbacksTop() {
        ScrollFollow follow = new ScrollFollow();
        follow.follow(0, 100, 0);
        assertThat(follow.follow(90, 100, 80)).isEqualTo(100);
        // A cleared scrollback (ESC [ 3 J) takes the view back to what is left.
        assertThat(follow.follow(100, 5, 80)).isEqualTo(5);
    }
}
