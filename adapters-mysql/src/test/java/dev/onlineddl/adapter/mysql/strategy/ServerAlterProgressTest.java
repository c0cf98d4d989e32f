package dev.onlineddl.adapter.mysql.strategy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ServerAlterProgressTest {

    @ParameterizedTest(name = "stage {0} of {1} at {2}% is {3}% of the ALTER")
    @CsvSource({
            // not reporting yet (waiting for its metadata lock): nothing done
            "0, 0, 0, 0",
            "1, 0, 50, 0",
            // copying, the first of the four stages MariaDB's copying ALTER has
            "1, 4, 0, 0",
            "1, 4, 20.921, 5.23025",
            "1, 4, 100, 25",
            // a later stage counts the earlier ones as done
            "2, 4, 0, 25",
            "4, 4, 100, 100",
            "2, 3, 50, 50",
            // out-of-range values the server should not send are clamped, never above 100
            "5, 4, 100, 100",
            "1, 4, 150, 25",
            "1, 4, -3, 0"
    })
    void mariaDbStagesEachCountForAnEqualShare(int stage, int maxStage, double stageProgress, double expected) {
        assertThat(ServerAlterProgress.ofMariaDbStage(stage, maxStage, stageProgress)).isCloseTo(expected, within(1e-9));
    }

    @ParameterizedTest(name = "{0} of {1} work units is {2}%")
    @CsvSource({
            "0, 0, 0",
            "10, 0, 0",
            "0, 100, 0",
            "25, 100, 25",
            "1, 3, 33.333333333333336",
            "100, 100, 100",
            // InnoDB may exceed its estimate
            "130, 100, 100"
    })
    void mySqlStageWorkIsAShareOfItsEstimate(long completed, long estimated, double expected) {
        assertThat(ServerAlterProgress.ofMySqlWork(completed, estimated)).isCloseTo(expected, within(1e-9));
    }
}
