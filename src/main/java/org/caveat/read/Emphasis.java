package org.caveat.read;

import java.util.Arrays;

/**
 * Ranges of the extracted text that were bold, italic or underlined in the source HTML. Risk-factor
 * headings of 10-K filings are set this way, so structure analysis uses it as a cue. Immutable.
 */
public final class Emphasis {
    /** No emphasis at all, as for plain text. */
    public static final Emphasis NONE = new Emphasis(new int[0], new int[0]);

    private final int[] starts;
    private final int[] ends;

    Emphasis(int[] starts, int[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    /**
     * Counts the characters of {@code [start, end)} that are emphasised.
     *
     * @param start first offset
     * @param end offset past the last
     * @return the number of emphasised characters in the range
     */
    public int coveredLength(int start, int end) {
        if (starts.length == 0 || end <= start) {
            return 0;
        }
        int i = Arrays.binarySearch(ends, start + 1);
        if (i < 0) {
            i = -i - 1;
        }
        int covered = 0;
        for (; i < starts.length && starts[i] < end; i++) {
            covered += Math.max(0, Math.min(end, ends[i]) - Math.max(start, starts[i]));
        }
        return covered;
    }

    /**
     * Returns the end of the emphasised run that starts at {@code start}, or {@code start} itself when
     * the character there is not emphasised. Runs separated by a single character are one run.
     *
     * @param start the offset where the run must begin
     * @return the offset just past the run
     */
    public int runEnd(int start) {
        int i = Arrays.binarySearch(ends, start + 1);
        if (i < 0) {
            i = -i - 1;
        }
        if (i >= starts.length || starts[i] > start) {
            return start;
        }
        return ends[i];
    }

    /**
     * Returns whether any text is emphasised.
     *
     * @return true when the source carried emphasis
     */
    public boolean isEmpty() {
        return starts.length == 0;
    }

    /** Collects ranges in increasing order, merging touching ones. */
    static final class Builder {
        private int[] starts = new int[64];
        private int[] ends = new int[64];
        private int n;

        void add(int start, int end) {
            if (end <= start) {
                return;
            }
            if (n > 0 && start <= ends[n - 1] + 1) {
                ends[n - 1] = Math.max(ends[n - 1], end);
                return;
            }
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                ends = Arrays.copyOf(ends, n * 2);
            }
            starts[n] = start;
            ends[n] = end;
            n++;
        }

        Emphasis build() {
            return n == 0 ? NONE : new Emphasis(Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
        }
    }
}
