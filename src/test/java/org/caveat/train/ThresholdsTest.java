package org.caveat.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Category thresholds chosen for micro-F1, against thresholds that maximise each category's own F1. */
class ThresholdsTest {
    private static final double[] GRID = new double[37];

    static {
        for (int i = 0; i < GRID.length; i++) {
            GRID[i] = 0.05 + 0.025 * i;
        }
    }

    @Test
    void microF1GivesAnItemWithNoCategoryOverItsThresholdItsMostProbableOne() {
        double[][] p = {{0.9, 0.2, 0.1}, {0.3, 0.4, 0.1}};
        boolean[][] y = {{true, false, false}, {false, true, false}};
        // item 1: none over 0.5, so its top (category 1) is assigned, which is right: 2 TP, no error
        assertEquals(1.0, Trainer.microF1(p, y, new double[] {0.5, 0.5, 0.5}), 1e-12);
        // at 0.25 item 1 gets categories 0 and 1: 2 TP, 1 FP
        assertEquals(4.0 / 5, Trainer.microF1(p, y, new double[] {0.25, 0.25, 0.25}), 1e-12);
    }

    @Test
    void microThresholdsDoNotTradeManyFalsePositivesForFewTruePositivesOfAHardCategory() {
        // calibrated probabilities: an easy common category (0) and a hard one (1), rarely confident
        Random r = new Random(3);
        int n = 20_000;
        double[][] p = new double[n][2];
        boolean[][] y = new boolean[n][2];
        for (int i = 0; i < n; i++) {
            p[i][0] = r.nextDouble() < 0.5 ? 0.9 + 0.1 * r.nextDouble() : 0.1 * r.nextDouble();
            p[i][1] = 0.6 * r.nextDouble();
            y[i][0] = r.nextDouble() < p[i][0];
            y[i][1] = r.nextDouble() < p[i][1];
        }
        double[] own = Trainer.perCategoryThresholds(p, y, GRID);
        double[] micro = Trainer.microThresholds(p, y, GRID);
        assertTrue(micro[1] > own[1] + 0.05, "the hard category's threshold rises: " + micro[1] + " against " + own[1]);
        assertTrue(Trainer.microF1(p, y, micro) > Trainer.microF1(p, y, own),
                "micro-F1 " + Trainer.microF1(p, y, micro) + " against " + Trainer.microF1(p, y, own));
        assertArrayEquals(micro, Trainer.microThresholds(p, y, GRID), "deterministic");
    }
    @Test
    void crossValidationKeepsOwnThresholdsWhereACategoryIsMiscalibratedAndSharesOneWhereNone() {
        Random r = new Random(9);
        int n = 12_000;
        double[][] p = new double[n][3];
        boolean[][] calibratedY = new boolean[n][3];
        boolean[][] skewedY = new boolean[n][3];
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[i] = i % 5;
            for (int c = 0; c < 3; c++) {
                p[i][c] = r.nextDouble();
                double u = r.nextDouble();
                calibratedY[i][c] = u < p[i][c];
                // category 2 claims far more than it delivers: its true rate is a fifth of its score
                skewedY[i][c] = u < (c == 2 ? p[i][c] / 5 : p[i][c]);
            }
        }
        assertEquals(1.0, Trainer.thresholdShrinkage(p, skewedY, fold, 5), 1e-12);
        double[] own = Trainer.microThresholds(p, skewedY, GRID);
        assertTrue(own[2] > own[0] + 0.2, "the overstated category gets a higher threshold: " + Arrays.toString(own));
        assertArrayEquals(own, Trainer.shrink(own, Trainer.commonThreshold(p, skewedY, GRID), 1), 1e-12);
        assertTrue(Trainer.thresholdShrinkage(p, calibratedY, fold, 5) < 1.0,
                "calibrated categories share one threshold");
    }
}
