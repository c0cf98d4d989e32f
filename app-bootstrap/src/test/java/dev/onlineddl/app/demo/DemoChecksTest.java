package dev.onlineddl.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class DemoChecksTest {

    private final StringWriter text = new StringWriter();
    private final DemoChecks checks = new DemoChecks(new PrintWriter(text));

    @Test
    void passesWhenEveryCheckHolds() {
        assertThat(checks.expect("rows", 200_000L, 200_000L)).isTrue();
        assertThat(checks.expect("exists", true, true)).isTrue();
        assertThat(checks.allPassed()).isTrue();
        assertThat(checks.problems()).isEmpty();
        assertThat(text.toString()).contains("check: rows -> 200000  [ok]");
    }

    @Test
    void aMismatchFailsTheDemoAndSaysBothSides() {
        checks.expect("rows", 200_000L, 200_000L);
        assertThat(checks.expect("rows after the REVERT", 200_000L, 0L)).isFalse();
        assertThat(checks.allPassed()).isFalse();
        assertThat(checks.problems()).containsExactly("rows after the REVERT: expected 200000, found 0");
        assertThat(text.toString()).contains("[MISMATCH]").contains("expected: 200000").contains("found:    0");
    }

    @Test
    void aStepThatCouldNotRunFailsTheDemo() {
        checks.failed("step 4 (DROP)", "the daemon refused it");
        assertThat(checks.allPassed()).isFalse();
        assertThat(checks.problems()).containsExactly("step 4 (DROP): the daemon refused it");
    }

    @Test
    void longTextsAreShortenedInTheSummaryButShownWholeOnMismatch() {
        String expected = "CREATE TABLE `orders` (\n  `id` bigint(20) NOT NULL,\n" + "  `x` int(11) DEFAULT NULL,\n".repeat(10) + ")";
        checks.expect("SHOW CREATE", expected, "CREATE TABLE `orders` (\n)");
        assertThat(checks.problems().get(0)).contains("...").doesNotContain("\n");
        assertThat(text.toString()).contains("`x` int(11) DEFAULT NULL,\n");
    }
}
