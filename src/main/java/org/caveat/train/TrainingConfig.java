package org.caveat.train;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of a training run. The defaults are those of the bundled model.
 *
 * @param seed seed for fold assignment (training itself is deterministic)
 * @param segmentDimension hash buckets of the segment features, a power of two
 * @param itemDimension hash buckets of the risk-item features, a power of two
 * @param typeLambda L2 regularisation of the segment-type model
 * @param categoryLambda L2 regularisation of each category model
 * @param maxIterations iteration limit of the optimiser
 * @param folds folds for threshold selection and evaluation
 * @param transitionWeight weight of the type transitions in sequence decoding (0: per-segment decisions)
 */
public record TrainingConfig(long seed, int segmentDimension, int itemDimension, double typeLambda,
                             double categoryLambda, int maxIterations, int folds, double transitionWeight) {

    /** Checks the settings. */
    public TrainingConfig {
        if (Integer.bitCount(segmentDimension) != 1 || Integer.bitCount(itemDimension) != 1) {
            throw new IllegalArgumentException("feature dimensions must be powers of two");
        }
        if (typeLambda < 0 || categoryLambda < 0 || maxIterations < 1 || folds < 2 || transitionWeight < 0) {
            throw new IllegalArgumentException("lambdas and the transition weight must be >= 0, maxIterations >= 1 and folds >= 2");
        }
    }

    /** @return the settings of the bundled default model */
    public static TrainingConfig defaults() {
        return new TrainingConfig(20070315L, 1 << 18, 1 << 17, 2.0, 0.02, 400, 5, 0.5);
    }

    /**
     * @param newSeed another seed
     * @return a copy with that seed
     */
    public TrainingConfig withSeed(long newSeed) {
        return new TrainingConfig(newSeed, segmentDimension, itemDimension, typeLambda, categoryLambda, maxIterations, folds,
                transitionWeight);
    }

    /**
     * @param newFolds another number of folds
     * @return a copy with that number of folds
     */
    public TrainingConfig withFolds(int newFolds) {
        return new TrainingConfig(seed, segmentDimension, itemDimension, typeLambda, categoryLambda, maxIterations, newFolds,
                transitionWeight);
    }

    /**
     * @param lambdaTypes regularisation of the type model
     * @param lambdaCategories regularisation of the category models
     * @param weight transition weight
     * @return a copy with those settings
     */
    public TrainingConfig withModelSettings(double lambdaTypes, double lambdaCategories, double weight) {
        return new TrainingConfig(seed, segmentDimension, itemDimension, lambdaTypes, lambdaCategories, maxIterations, folds,
                weight);
    }

    /** @return the settings as manifest entries */
    public Map<String, String> asProvenance() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("trainer", "smile SparseLogisticRegression (multinomial types, binomial one-vs-rest categories)");
        m.put("trainer.seed", Long.toString(seed));
        m.put("trainer.typeLambda", String.format(Locale.ROOT, "%s", typeLambda));
        m.put("trainer.categoryLambda", String.format(Locale.ROOT, "%s", categoryLambda));
        m.put("trainer.maxIterations", Integer.toString(maxIterations));
        m.put("trainer.folds", Integer.toString(folds));
        m.put("trainer.transitionWeight", String.format(Locale.ROOT, "%s", transitionWeight));
        return m;
    }
}
