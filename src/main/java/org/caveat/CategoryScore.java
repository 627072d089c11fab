package org.caveat;

import java.util.Objects;

/**
 * A risk category assigned to a risk item, with the tagger's score.
 *
 * @param category the category
 * @param score the calibrated probability that the category applies, in [0, 1]
 */
public record CategoryScore(RiskCategory category, double score) {

    /**
     * Checks the invariants.
     *
     * @throws IllegalArgumentException if the score is outside [0, 1]
     */
    public CategoryScore {
        Objects.requireNonNull(category, "category");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1], was " + score);
        }
    }
}
