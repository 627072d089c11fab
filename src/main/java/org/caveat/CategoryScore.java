package org.caveat;

import java.util.List;
import java.util.Objects;

/**
 * A risk category assigned to a risk item, with the tagger's score.
 *
 * @param category the category
 * @param score the calibrated probability that the category applies, in [0, 1]
 * @param explanation why: the features of the risk item that contributed most to the category's score,
 *     largest absolute contribution first; empty unless the analysis was made by {@link Caveat#explaining()}
 */
public record CategoryScore(RiskCategory category, double score, List<Contribution> explanation) {

    /**
     * Creates a category score without an explanation.
     *
     * @param category the category
     * @param score the calibrated probability that the category applies, in [0, 1]
     * @throws IllegalArgumentException if the score is outside [0, 1]
     */
    public CategoryScore(RiskCategory category, double score) {
        this(category, score, List.of());
    }

    /**
     * Checks the invariants and takes an immutable copy of the explanation.
     *
     * @throws IllegalArgumentException if the score is outside [0, 1]
     */
    public CategoryScore {
        Objects.requireNonNull(category, "category");
        explanation = List.copyOf(explanation);
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1], was " + score);
        }
    }
}
