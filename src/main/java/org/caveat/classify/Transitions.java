package org.caveat.classify;

import java.util.Arrays;
import org.caveat.SegmentType;

/**
 * Log-probabilities of the type of a segment given the type of the one before it, learned from the
 * training corpus, separately for two segments of the same paragraph and for a paragraph boundary.
 * Boilerplate comes in blocks, and these transitions let the decoder keep a block together.
 * Immutable and thread-safe.
 */
public final class Transitions {
    private static final int K = SegmentType.values().length;
    private final double[][] sameBlock;
    private final double[][] newBlock;
    private final double weight;

    /**
     * @param sameBlock log P(type | previous type) within a paragraph, K by K
     * @param newBlock log P(type | previous type) across a paragraph boundary, K by K
     * @param weight how much the transitions count against the per-segment scores (0 turns them off)
     */
    public Transitions(double[][] sameBlock, double[][] newBlock, double weight) {
        this.sameBlock = copy(sameBlock);
        this.newBlock = copy(newBlock);
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("transition weight must be a finite number >= 0");
        }
        this.weight = weight;
    }

    /**
     * Estimates transitions from counts with add-one smoothing.
     *
     * @param sameCounts transition counts within paragraphs
     * @param newCounts transition counts across paragraph boundaries
     * @param weight the decoding weight
     * @return the transitions
     */
    public static Transitions fromCounts(long[][] sameCounts, long[][] newCounts, double weight) {
        return new Transitions(logNormalise(sameCounts), logNormalise(newCounts), weight);
    }

    private static double[][] logNormalise(long[][] counts) {
        double[][] p = new double[K][K];
        for (int a = 0; a < K; a++) {
            double total = K;
            for (int b = 0; b < K; b++) {
                total += counts[a][b];
            }
            for (int b = 0; b < K; b++) {
                p[a][b] = Math.log((counts[a][b] + 1) / total);
            }
        }
        return p;
    }

    private static double[][] copy(double[][] m) {
        if (m.length != K) {
            throw new IllegalArgumentException("transition matrix must be " + K + " by " + K);
        }
        double[][] c = new double[K][];
        for (int a = 0; a < K; a++) {
            if (m[a].length != K) {
                throw new IllegalArgumentException("transition matrix must be " + K + " by " + K);
            }
            c[a] = m[a].clone();
        }
        return c;
    }

    /** @return the decoding weight */
    public double weight() {
        return weight;
    }

    /**
     * @param same whether the two segments share a paragraph
     * @param from the previous type's ordinal
     * @param to this type's ordinal
     * @return the log-probability
     */
    public double log(boolean same, int from, int to) {
        return (same ? sameBlock : newBlock)[from][to];
    }

    /**
     * Finds the most probable sequence of types (Viterbi) from per-segment probabilities.
     *
     * @param probabilities per segment, the probability of each type
     * @param sameAsPrevious per segment, whether it shares a paragraph with the previous one
     * @return the best type ordinal per segment
     */
    public int[] decode(double[][] probabilities, boolean[] sameAsPrevious) {
        return decode(probabilities, sameAsPrevious, new boolean[probabilities.length]);
    }

    /**
     * Finds the most probable sequence of types (Viterbi) from per-segment probabilities, with some
     * segments tied to the one before them: a tied segment takes the type of its predecessor (it
     * continues the same sentence).
     *
     * @param probabilities per segment, the probability of each type
     * @param sameAsPrevious per segment, whether it shares a paragraph with the previous one
     * @param tiedToPrevious per segment, whether it must take the previous segment's type (ignored for the first)
     * @return the best type ordinal per segment
     */
    public int[] decode(double[][] probabilities, boolean[] sameAsPrevious, boolean[] tiedToPrevious) {
        int n = probabilities.length;
        int[] best = new int[n];
        if (n == 0) {
            return best;
        }
        double[] score = new double[K];
        double[] next = new double[K];
        int[][] back = new int[n][K];
        for (int k = 0; k < K; k++) {
            score[k] = Math.log(Math.max(probabilities[0][k], 1e-12));
        }
        for (int i = 1; i < n; i++) {
            for (int k = 0; k < K; k++) {
                double max = Double.NEGATIVE_INFINITY;
                int arg = k;
                for (int j = 0; j < K; j++) {
                    if (tiedToPrevious[i] && j != k) {
                        continue;
                    }
                    double s = score[j] + (tiedToPrevious[i] ? 0 : weight * log(sameAsPrevious[i], j, k));
                    if (s > max) {
                        max = s;
                        arg = j;
                    }
                }
                next[k] = max + Math.log(Math.max(probabilities[i][k], 1e-12));
                back[i][k] = arg;
            }
            double[] t = score;
            score = next;
            next = t;
        }
        int arg = 0;
        for (int k = 1; k < K; k++) {
            if (score[k] > score[arg]) {
                arg = k;
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            best[i] = arg;
            arg = back[i][arg];
        }
        return best;
    }

    /**
     * @param same which matrix
     * @return a copy of the log-probability matrix
     */
    public double[][] matrix(boolean same) {
        return copy(same ? sameBlock : newBlock);
    }

    @Override
    public String toString() {
        return "Transitions[weight=" + weight + ", same=" + Arrays.deepToString(sameBlock) + "]";
    }
}
