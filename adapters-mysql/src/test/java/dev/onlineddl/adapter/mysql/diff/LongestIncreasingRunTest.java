package dev.onlineddl.adapter.mysql.diff;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class LongestIncreasingRunTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''          | ''
            5           | 0
            0 1 2 3     | 0 1 2 3
            3 2 1 0     | 3
            1 2 3 0     | 0 1 2
            3 0 1 2     | 1 2 3
            0 4 1 2 3   | 0 2 3 4
            """)
    void knownSequences(String values, String expectedPositions) {
        assertThat(LongestIncreasingRun.indexesOf(parse(values))).isEqualTo(parse(expectedPositions));
    }

    /** Against brute force over all subsets: the result is increasing and no increasing subsequence is longer. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void isALongestIncreasingSubsequenceOfPermutations(long seed) {
        Random random = new Random(seed);
        List<Integer> values = new ArrayList<>();
        int size = 1 + random.nextInt(12);
        for (int value = 0; value < size; value++) {
            values.add(value);
        }
        Collections.shuffle(values, random);

        List<Integer> positions = LongestIncreasingRun.indexesOf(values);

        for (int index = 1; index < positions.size(); index++) {
            assertThat(positions.get(index)).isGreaterThan(positions.get(index - 1));
            assertThat(values.get(positions.get(index))).isGreaterThan(values.get(positions.get(index - 1)));
        }
        assertThat(positions).hasSize(bruteForceLength(values));
    }

    private static int bruteForceLength(List<Integer> values) {
        int best = 0;
        for (int subset = 0; subset < 1 << values.size(); subset++) {
            int previous = Integer.MIN_VALUE;
            boolean increasing = true;
            for (int index = 0; index < values.size() && increasing; index++) {
                if ((subset & (1 << index)) != 0) {
                    increasing = values.get(index) > previous;
                    previous = values.get(index);
                }
            }
            if (increasing) {
                best = Math.max(best, Integer.bitCount(subset));
            }
        }
        return best;
    }

    private static List<Integer> parse(String values) {
        if (values.isBlank()) {
            return List.of();
        }
        return Arrays.stream(values.trim().split("\\s+")).map(Integer::valueOf).collect(Collectors.toList());
    }
}
