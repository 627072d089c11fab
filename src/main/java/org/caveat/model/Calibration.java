package org.caveat.model;

import java.util.Arrays;

/**
 * Maps a model's raw margins to calibrated probabilities: a temperature for the segment-type softmax, and
 * per risk category a combiner of {@link #INPUTS} inputs: the whole item's margin, the highest and second
 * highest margins of its pieces (an Item 1A factor's heading and sentences, scored one by one), and 1 for an
 * Item 1A factor or 0 for an item of an enumerated list, whose categories run fewer (1.5 against 2.2 per
 * item in the training corpus). A category's probability is
 * {@code sigmoid(w0 * item + w1 * best + w2 * second + w3 * factor + bias)}, a small logistic regression
 * fitted at training time on out-of-fold margins, so that a score of 0.8 is right about 80% of the time on
 * documents the model did not see. With {@code w1 = w2 = w3 = 0} it is Platt scaling of the item margin, which is
 * what models of format version 2 hold. The type temperature is monotone: it changes scores, never which type
 * wins. Immutable and thread-safe.
 */
public final class Calibration {
    /** The combiner's inputs per category: the item margin, the best and second-best piece margins, the factor flag. */
    public static final int INPUTS = 4;
    /** No calibration: temperature 1, and every category's probability the sigmoid of its item margin. */
    public static final Calibration IDENTITY = identity(org.caveat.RiskCategory.values().length);

    private final double typeTemperature;
    /** Per category: {@link #INPUTS} weights, then the bias. */
    private final double[][] categoryWeights;

    /**
     * A calibration that Platt-scales each category's item margin, as in models of format version 2.
     *
     * @param typeTemperature the segment-type temperature, finite and above 0; probabilities are
     *     {@code softmax(margins / typeTemperature)}
     * @param categoryScale one scale per category, finite and above 0
     * @param categoryShift one shift per category, finite
     * @throws IllegalArgumentException if a value is out of range or the arrays differ in length
     */
    public Calibration(double typeTemperature, double[] categoryScale, double[] categoryShift) {
        this(typeTemperature, platt(categoryScale, categoryShift));
    }

    /**
     * @param typeTemperature the segment-type temperature, finite and above 0
     * @param categoryWeights per category, {@link #INPUTS} finite weights and a finite bias
     * @throws IllegalArgumentException if a value is out of range or a row has the wrong length
     */
    public Calibration(double typeTemperature, double[][] categoryWeights) {
        if (!(typeTemperature > 0) || Double.isInfinite(typeTemperature)) {
            throw new IllegalArgumentException("the type temperature must be finite and above 0, was " + typeTemperature);
        }
        this.categoryWeights = new double[categoryWeights.length][];
        for (int k = 0; k < categoryWeights.length; k++) {
            double[] w = categoryWeights[k];
            if (w == null || w.length != INPUTS + 1) {
                throw new IllegalArgumentException("category calibration " + k + " needs " + (INPUTS + 1)
                        + " numbers (weights of the item, best and second piece margins and the factor flag, and a bias)");
            }
            for (double v : w) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("category calibration " + k + " holds a value that is not finite: "
                            + Arrays.toString(w));
                }
            }
            this.categoryWeights[k] = w.clone();
        }
        this.typeTemperature = typeTemperature;
    }

    private static double[][] platt(double[] scale, double[] shift) {
        if (scale.length != shift.length) {
            throw new IllegalArgumentException("need as many category scales as shifts (" + scale.length + " and "
                    + shift.length + ")");
        }
        double[][] w = new double[scale.length][];
        for (int k = 0; k < scale.length; k++) {
            if (!(scale[k] > 0) || Double.isInfinite(scale[k]) || !Double.isFinite(shift[k])) {
                throw new IllegalArgumentException("category calibration " + k + " needs a finite scale above 0 and a finite"
                        + " shift, was " + scale[k] + " and " + shift[k]);
            }
            w[k] = new double[INPUTS + 1];
            w[k][0] = scale[k];
            w[k][INPUTS] = shift[k];
        }
        return w;
    }

    /**
     * @param categories the number of categories
     * @return a calibration that changes nothing: temperature 1, scale 1 and shift 0 of each item margin
     */
    public static Calibration identity(int categories) {
        double[] ones = new double[categories];
        Arrays.fill(ones, 1);
        return new Calibration(1, ones, new double[categories]);
    }

    /** @return the segment-type temperature */
    public double typeTemperature() {
        return typeTemperature;
    }

    /**
     * @param category a category's ordinal
     * @return a copy of its combiner: {@link #INPUTS} weights, then the bias
     */
    public double[] categoryWeights(int category) {
        return categoryWeights[category].clone();
    }

    /** @return true if every category's combiner reads the item margin only (a Platt scaling of it) */
    public boolean itemOnly() {
        for (double[] w : categoryWeights) {
            for (int j = 1; j < INPUTS; j++) {
                if (w[j] != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** @return the number of categories */
    public int categories() {
        return categoryWeights.length;
    }

    /**
     * A category's calibrated probability.
     *
     * @param category the category's ordinal
     * @param inputs the item's margin, the highest and second highest margins of its pieces (the highest again
     *     for an item of one piece), and 1 for an Item 1A factor or 0 for a list item
     * @return the probability, in [0, 1]
     * @throws IllegalArgumentException if there are not {@link #INPUTS} inputs
     */
    public double category(int category, double[] inputs) {
        if (inputs.length != INPUTS) {
            throw new IllegalArgumentException("the category combiner takes " + INPUTS + " inputs, was given " + inputs.length);
        }
        double[] w = categoryWeights[category];
        double z = w[INPUTS];
        for (int j = 0; j < INPUTS; j++) {
            z += w[j] * inputs[j];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * The softmax of margins divided by a temperature: calibrated segment-type probabilities when the
     * temperature is {@link #typeTemperature()}.
     *
     * @param margins one margin per type; left unchanged
     * @param temperature the temperature, above 0
     * @return a new array of probabilities, summing to 1
     */
    public static double[] softmax(double[] margins, double temperature) {
        double[] p = new double[margins.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = margins[k] / temperature;
        }
        return LinearModel.softmaxInPlace(p);
    }

    /** @return whether this is the identity */
    public boolean isIdentity() {
        for (double[] w : categoryWeights) {
            for (int j = 0; j <= INPUTS; j++) {
                if (w[j] != (j == 0 ? 1 : 0)) {
                    return false;
                }
            }
        }
        return typeTemperature == 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Calibration c && c.typeTemperature == typeTemperature
                && Arrays.deepEquals(c.categoryWeights, categoryWeights);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(typeTemperature) * 31 + Arrays.deepHashCode(categoryWeights);
    }

    @Override
    public String toString() {
        return "Calibration[typeTemperature=" + typeTemperature + ", categoryWeights=" + Arrays.deepToString(categoryWeights)
                + "]";
    }
}
