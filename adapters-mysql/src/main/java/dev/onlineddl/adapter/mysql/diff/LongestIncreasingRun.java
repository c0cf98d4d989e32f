package dev.onlineddl.adapter.mysql.diff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Longest strictly increasing subsequence, used to move as few columns as possible. */
final class LongestIncreasingRun {

    private LongestIncreasingRun() {
    }

    /**
     * Positions (into {@code values}) of one longest strictly increasing subsequence, ascending.
     * Patience sorting: O(n log n).
     */
    static List<Integer> indexesOf(List<Integer> values) {
        int size = values.size();
        int[] tailPositions = new int[size];
        int[] previous = new int[size];
        int length = 0;
        for (int position = 0; position < size; position++) {
            int value = values.get(position);
            int low = 0;
            int high = length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (values.get(tailPositions[middle]) < value) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            previous[position] = low > 0 ? tailPositions[low - 1] : -1;
            tailPositions[low] = position;
            if (low == length) {
                length++;
            }
        }
        List<Integer> result = new ArrayList<>(length);
        for (int position = length > 0 ? tailPositions[length - 1] : -1; position >= 0; position = previous[position]) {
            result.add(position);
        }
        Collections.reverse(result);
        return result;
    }
}
