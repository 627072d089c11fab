package org.caveat.model;

import java.util.Arrays;

/**
 * Maps a model's raw margins to calibrated probabilities: a temperature for the segment-type softmax
 * and a Platt scaling ({@code sigmoid(scale * margin + shift)}) per risk category. Both are fitted at
 * training time on out-of-fold predictions, so that a score of 0.8 is right about 80% of the time on
 * documents the model did not see. Both maps are monotone: they change scores, never which type wins
 * or the order of a category's scores. Immutable and thread-safe.
 */
public final class Calibration {
    /** No calibration: temperature 1, scale 1 and shift 0 for every category. */
    public static final Calibration IDENTITY = identity(org.caveat.RiskCategory.values().length);

    private final double typeTemperature;
    private final double[] categoryScale;
    private final double[] categoryShift;

    /**
     * @param typeTemperature the segment-type temperature, finite and above 0; probabilities are
     *     {@code softmax(margins / typeTemperature)}
     * @param categoryScale one scale per category, finite and above 0
     * @param categoryShift one shift per category, finite
     * @throws IllegalArgumentException if a value is out of range or the arrays differ in length
     */
    public Calibration(double typeTemperature, double[] categoryScale, double[] categoryShift) {
        if (!(typeTemperature > 0) || Double.isInfinite(typeTemperature)) {
            throw new IllegalArgumentException("the type temperature must be finite and above 0, was " + typeTemperature);
        }
        if (categoryScale.length != categoryShift.length) {
            throw new IllegalArgumentException("need as many category scales as shifts (" + categoryScale.length
                    + " and " + categoryShift.length + ")");
        }
        for (int k = 0; k < categoryScale.length; k++) {
            if (!(categoryScale[k] > 0) || Double.isInfinite(categoryScale[k]) || !Double.isFinite(categoryShift[k])) {
                throw new IllegalArgumentException("category calibration " + k + " needs a finite scale above 0 and a finite"
                        + " shift, was " + categoryScale[k] + " and " + categoryShift[k]);
            }
        }
        this.typeTemperature = typeTemperature;
        this.categoryScale = categoryScale.clone();
        this.categoryShift = categoryShift.clone();
    }

    /**
     * @param categories the number of categories
     * @return the identity calibration for that many categories
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
     * @param category a category's index
     * @return its Platt scale
     */
    public double categoryScale(int category) {
        return categoryScale[category];
    }

    /**
     * @param category a category's index
     * @return its Platt shift
     */
    public double categoryShift(int category) {
        return categoryShift[category];
    }

    /** @return the number of categories */
    public int categories() {
        return categoryScale.length;
    }

    /**
     * @param category a category's index
     * @param margin the category model's raw margin
     * @return the calibrated probability that the category applies
     */
    public double category(int category, double margin) {
        return 1 / (1 + Math.exp(-(categoryScale[category] * margin + categoryShift[category])));
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
        for (int k = 0; k < categoryScale.length; k++) {
            if (categoryScale[k] != 1 || categoryShift[k] != 0) {
                return false;
            }
        }
        return typeTemperature == 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Calibration c && c.typeTemperature == typeTemperature
                && Arrays.equals(c.categoryScale, categoryScale) && Arrays.equals(c.categoryShift, categoryShift);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(typeTemperature) * 31 + Arrays.hashCode(categoryScale) * 17 + Arrays.hashCode(categoryShift);
    }

    @Override
    public String toString() {
        return "Calibration[typeTemperature=" + typeTemperature + ", categoryScale=" + Arrays.toString(categoryScale)
                + ", categoryShift=" + Arrays.toString(categoryShift) + "]";
    }
}
