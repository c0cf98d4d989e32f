package dev.onlineddl.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0     | [..............................]   0.0%",
            "50    | [###############...............]  50.0%",
            "99.9  | [#############################.]  99.9%",
            "100   | [##############################] 100.0%",
            "150   | [##############################] 100.0%",
            "-3    | [..............................]   0.0%",
            "NaN   | [..............................]   0.0%"})
    void rendersTheBarAndThePercentage(double percent, String expected) {
        assertThat(ProgressBar.render("p", percent, "running")).isEqualTo("p " + expected + " running  ");
    }

    @Test
    void intoALogItPrintsALineOnlyWhenTheNextTenthIsPassed() {
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), false, "p");
        for (double percent : new double[] {0, 0, 3, 9.9, 10, 12, 35, 35, 99, 100, 100}) {
            bar.show(percent, "running");
        }
        bar.finish();
        assertThat(text.toString().lines().map(line -> line.substring(line.indexOf(']') + 1).strip()))
                .containsExactly("0.0% running", "10.0% running", "35.0% running", "99.0% running", "100.0% running");
    }

    @Test
    void onATerminalItRedrawsInPlaceAndEndsTheLineWhenFinished() {
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), true, "p");
        bar.show(10, "running");
        bar.show(11, "running");
        bar.finish();
        assertThat(text.toString()).startsWith("\rp [###").contains("\rp [###").endsWith(System.lineSeparator())
                .doesNotContain("\n\r");
        assertThat(text.toString().split("\r", -1)).hasSize(3);
    }

    @Test
    void finishingABarNeverDrawnPrintsNothing() {
        StringWriter text = new StringWriter();
        new ProgressBar(new PrintWriter(text), true, "p").finish();
        assertThat(text.toString()).isEmpty();
    }
}
