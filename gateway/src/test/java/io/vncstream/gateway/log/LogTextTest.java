package io.vncstream.gateway.log;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogTextTest {
    @Test
    void controlCharactersQuotesAndBidiOverridesAreEscaped() {
        assertThat(LogText.quote("a\nb\r\t\u001b[31m\"\\\u0085\u202e\u0000"))
                .isEqualTo("\"a\\nb\\r\\t\\x1b[31m\\\"\\\\\\u0085\\u202e\\x00\"");
    }

    @Test
    void printableUnicodeStaysAndLongTextIsCut() {
        assertThat(LogText.quote("console-\u00e9 \ud83d\ude00")).isEqualTo("\"console-\u00e9 \ud83d\ude00\"");
        assertThat(LogText.quote("x".repeat(310))).isEqualTo("\"" + "x".repeat(300) + "\" (10 more characters)");
        assertThat(LogText.quote("\ud83d")).isEqualTo("\"\\ud83d\"");
    }

    @Test
    void cleanEscapesWithoutQuoting() {
        assertThat(LogText.clean("refused: \"Too many\"\n")).isEqualTo("refused: \"Too many\"\\n");
    }

    @Test
    void aBudgetLogsAFewAndSummarisesTheRest() {
        LogBudget budget = new LogBudget(2, 60_000);
        int[] summarised = {0};
        assertThat(budget.allow(n -> summarised[0] = n)).isTrue();
        assertThat(budget.allow(n -> summarised[0] = n)).isTrue();
        assertThat(budget.allow(n -> summarised[0] = n)).isFalse();
        assertThat(budget.allow(n -> summarised[0] = n)).isFalse();
        assertThat(budget.takeSuppressed()).isEqualTo(2);
        assertThat(budget.takeSuppressed()).isZero();
    }
}
