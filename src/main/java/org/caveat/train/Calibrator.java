package org.caveat.train;

import java.util.List;

/**
 * Fits calibration maps on out-of-fold predictions and measures calibration: the margin combiner for
 * the one-vs-rest category scores (Platt scaling when given one margin), temperature scaling for the
 * segment-type softmax, and the expected calibration error. Deterministic; stateless and thread-safe.
 */
public final class Calibrator {
    /** Bins of the expected calibration error: ten of equal width over [0, 1]. */
    public static final int ECE_BINS = 10;

    private Calibrator() {
    }

    /**
     * Fits a small logistic regression {@code p = sigmoid(w . x + bias)} by damped Newton steps on the log
     * loss with Platt's smoothed targets ({@code (positives + 1) / (positives + 2)} and
     * {@code 1 / (negatives + 2)}, so that a category with few items is not pushed to scores of exactly
     * 0 or 1) and an L2 penalty on the weights (not the bias): the per-category combiner of the item and
     * piece margins.
     *
     * @param x the inputs of each out-of-fold prediction, all of one length
     * @param positive whether each prediction's category applies
     * @param l2 the penalty on the weights, at least 0
     * @return the weights, then the bias; for no positives or no negatives, weight 1 on the first input and 0 elsewhere
     * @throws IllegalArgumentException if the inputs are empty or of unequal lengths
     */
    public static double[] combiner(double[][] x, boolean[] positive, double l2) {
        if (x.length == 0 || x.length != positive.length) {
            throw new IllegalArgumentException("need one label per input row, and at least one row");
        }
        int d = x[0].length;
        int n = x.length;
        int pos = 0;
        for (int i = 0; i < n; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException("input rows differ in length: " + x[i].length + " and " + d);
            }
            pos += positive[i] ? 1 : 0;
        }
        double[] w = new double[d + 1];
        w[0] = 1;
        if (pos == 0 || pos == n) {
            return w;
        }
        double hi = (pos + 1.0) / (pos + 2.0);
        double lo = 1.0 / (n - pos + 2.0);
        double loss = combinerLoss(x, positive, hi, lo, w, l2);
        for (int iter = 0; iter < 100; iter++) {
            double[] g = new double[d + 1];
            double[][] h = new double[d + 1][d + 1];
            for (int i = 0; i < n; i++) {
                double p = sigmoid(dot(w, x[i]));
                double r = p - (positive[i] ? hi : lo);
                double v = p * (1 - p);
                for (int j = 0; j <= d; j++) {
                    double xj = j < d ? x[i][j] : 1;
                    g[j] += r * xj;
                    for (int k = 0; k <= d; k++) {
                        h[j][k] += v * xj * (k < d ? x[i][k] : 1);
                    }
                }
            }
            for (int j = 0; j <= d; j++) {
                if (j < d) {
                    g[j] += l2 * w[j];
                    h[j][j] += l2;
                }
                h[j][j] += 1e-9;
            }
            double[] step = solve(h, g);
            if (step == null) {
                break;
            }
            double t = 1;
            double[] next = new double[d + 1];
            double nl;
            do {
                for (int j = 0; j <= d; j++) {
                    next[j] = w[j] - t * step[j];
                }
                nl = combinerLoss(x, positive, hi, lo, next, l2);
                t /= 2;
            } while (!(nl <= loss) && t > 1e-6);
            if (!(nl <= loss)) {
                break;
            }
            boolean done = loss - nl < 1e-12 * n;
            w = next.clone();
            loss = nl;
            if (done) {
                break;
            }
        }
        return w;
    }

    private static double dot(double[] w, double[] x) {
        double z = w[x.length];
        for (int j = 0; j < x.length; j++) {
            z += w[j] * x[j];
        }
        return z;
    }

    private static double combinerLoss(double[][] x, boolean[] positive, double hi, double lo, double[] w, double l2) {
        double loss = 0;
        for (int i = 0; i < x.length; i++) {
            double z = dot(w, x[i]);
            double t = positive[i] ? hi : lo;
            loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - t * z;
        }
        for (int j = 0; j < w.length - 1; j++) {
            loss += 0.5 * l2 * w[j] * w[j];
        }
        return loss;
    }

    /** Solves {@code a x = b} by Gaussian elimination with partial pivoting; null if {@code a} is singular. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int i = 0; i < n; i++) {
            int p = i;
            for (int r = i + 1; r < n; r++) {
                if (Math.abs(m[r][i]) > Math.abs(m[p][i])) {
                    p = r;
                }
            }
            if (Math.abs(m[p][i]) < 1e-300) {
                return null;
            }
            double[] tmp = m[i];
            m[i] = m[p];
            m[p] = tmp;
            for (int r = 0; r < n; r++) {
                if (r != i) {
                    double f = m[r][i] / m[i][i];
                    for (int k = i; k <= n; k++) {
                        m[r][k] -= f * m[i][k];
                    }
                }
            }
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = m[i][n] / m[i][i];
        }
        return out;
    }

    /**
     * Fits the temperature {@code T} of {@code softmax(margins / T)} that minimises the negative log
     * likelihood of the gold labels, by golden-section search over {@code log T} in [log 0.05, log 20].
     *
     * @param margins out-of-fold margins, one array per example
     * @param labels the gold label of each example
     * @return the temperature; 1 when there are no examples
     */
    public static double temperature(List<double[]> margins, int[] labels) {
        if (margins.isEmpty()) {
            return 1;
        }
        double lo = Math.log(0.05);
        double hi = Math.log(20);
        double phi = (Math.sqrt(5) - 1) / 2;
        double x1 = hi - phi * (hi - lo);
        double x2 = lo + phi * (hi - lo);
        double f1 = nll(margins, labels, Math.exp(x1));
        double f2 = nll(margins, labels, Math.exp(x2));
        for (int iter = 0; iter < 60; iter++) {
            if (f1 <= f2) {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - phi * (hi - lo);
                f1 = nll(margins, labels, Math.exp(x1));
            } else {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + phi * (hi - lo);
                f2 = nll(margins, labels, Math.exp(x2));
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    /**
     * @param margins margins, one array per example
     * @param labels the gold label of each example
     * @param temperature the temperature
     * @return the mean negative log likelihood of the labels under {@code softmax(margins / temperature)}
     */
    public static double nll(List<double[]> margins, int[] labels, double temperature) {
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            double[] m = margins.get(i);
            double max = Double.NEGATIVE_INFINITY;
            for (double v : m) {
                max = Math.max(max, v / temperature);
            }
            double z = 0;
            for (double v : m) {
                z += Math.exp(v / temperature - max);
            }
            sum += max + Math.log(z) - m[labels[i]] / temperature;
        }
        return sum / labels.length;
    }

    /**
     * The expected calibration error: predictions are put in {@link #ECE_BINS} bins of equal width by
     * confidence, and the gaps between each bin's mean confidence and its share of correct predictions
     * are averaged, weighted by the bins' sizes.
     *
     * @param confidence each prediction's probability of being right, in [0, 1]
     * @param correct whether each prediction was right
     * @return the error, in [0, 1]; 0 when there are no predictions
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static double ece(double[] confidence, boolean[] correct) {
        if (confidence.length != correct.length) {
            throw new IllegalArgumentException("need one outcome per confidence (" + confidence.length + " and "
                    + correct.length + ")");
        }
        if (confidence.length == 0) {
            return 0;
        }
        double[] conf = new double[ECE_BINS];
        double[] right = new double[ECE_BINS];
        int[] count = new int[ECE_BINS];
        for (int i = 0; i < confidence.length; i++) {
            int b = Math.min(ECE_BINS - 1, (int) (Math.max(0, confidence[i]) * ECE_BINS));
            conf[b] += confidence[i];
            right[b] += correct[i] ? 1 : 0;
            count[b]++;
        }
        double e = 0;
        for (int b = 0; b < ECE_BINS; b++) {
            if (count[b] > 0) {
                e += Math.abs(conf[b] - right[b]) / confidence.length;
            }
        }
        return e;
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
