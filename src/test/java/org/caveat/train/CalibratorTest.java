package org.caveat.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The calibration fits recover known distortions, and the calibration error sees them. */
class CalibratorTest {

    @Test
    void combinerOfOneMarginIsPlattScalingAndCalibratesDistortedScores() {
        Random r = new Random(7);
        int n = 40_000;
        double[][] z = new double[n][];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            z[i] = new double[] {r.nextGaussian() * 2};
            y[i] = r.nextDouble() < Calibrator.sigmoid(0.5 * z[i][0] - 1);
        }
        double[] ab = Calibrator.combiner(z, y, 0);
        assertEquals(0.5, ab[0], 0.05, "scale");
        assertEquals(-1, ab[1], 0.08, "shift");
        double[] raw = new double[n];
        double[] calibrated = new double[n];
        for (int i = 0; i < n; i++) {
            raw[i] = Calibrator.sigmoid(z[i][0]);
            calibrated[i] = Calibrator.sigmoid(ab[0] * z[i][0] + ab[1]);
        }
        double before = Calibrator.ece(raw, y);
        double after = Calibrator.ece(calibrated, y);
        assertTrue(before > 0.1, "the raw scores are badly calibrated: " + before);
        assertTrue(after < 0.02, "the fitted scores are calibrated: " + after);
    }

    @Test
    void combinerRecoversTheWeightsOfTwoMarginsAndIgnoresANoisyThird() {
        Random r = new Random(5);
        int n = 40_000;
        double[][] x = new double[n][];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {r.nextGaussian() * 2, r.nextGaussian() * 2, r.nextGaussian()};
            y[i] = r.nextDouble() < Calibrator.sigmoid(0.5 * x[i][0] + 1.0 * x[i][1] - 1);
        }
        double[] w = Calibrator.combiner(x, y, 1e-3);
        assertEquals(0.5, w[0], 0.05, "item weight");
        assertEquals(1.0, w[1], 0.07, "best-piece weight");
        assertEquals(0.0, w[2], 0.05, "an input that says nothing gets no weight");
        assertEquals(-1, w[3], 0.08, "bias");
    }

    @Test
    void combinerOfAConstantLabelPassesTheFirstMarginThrough() {
        double[][] x = {{-1, 0, 0}, {2, 1, 0}};
        assertArrayEquals(new double[] {1, 0, 0, 0}, Calibrator.combiner(x, new boolean[2], 1e-3));
        assertArrayEquals(new double[] {1, 0, 0, 0}, Calibrator.combiner(x, new boolean[] {true, true}, 1e-3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Calibrator.combiner(new double[][] {{1, 2}, {1}}, new boolean[] {true, false}, 0));
        assertEquals("input rows differ in length: 1 and 2", e.getMessage());
    }

    @Test
    void temperatureRecoversAnOverconfidentSoftmax() {
        Random r = new Random(11);
        List<double[]> margins = new ArrayList<>();
        int n = 20_000;
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double[] m = {r.nextGaussian() * 3, r.nextGaussian() * 3, r.nextGaussian() * 3};
            margins.add(m);
            // the truth is softmax(m / 2.5): a model with these margins is overconfident
            double[] p = org.caveat.model.LinearModel.softmaxInPlace(new double[] {m[0] / 2.5, m[1] / 2.5, m[2] / 2.5});
            double u = r.nextDouble();
            labels[i] = u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2;
        }
        double t = Calibrator.temperature(margins, labels);
        assertEquals(2.5, t, 0.15);
        assertTrue(Calibrator.nll(margins, labels, t) < Calibrator.nll(margins, labels, 1));
    }

    @Test
    void eceIsZeroForPerfectAndLargeForOverconfidentPredictions() {
        double[] conf = new double[1000];
        boolean[] right = new boolean[1000];
        for (int i = 0; i < 1000; i++) {
            conf[i] = 0.9;
            right[i] = i % 10 != 0;
        }
        assertEquals(0, Calibrator.ece(conf, right), 1e-9);
        for (int i = 0; i < 1000; i++) {
            right[i] = i % 10 < 6;
        }
        assertEquals(0.3, Calibrator.ece(conf, right), 1e-9);
        assertEquals(0, Calibrator.ece(new double[0], new boolean[0]));
        assertThrows(IllegalArgumentException.class, () -> Calibrator.ece(new double[2], new boolean[1]));
    }
}
