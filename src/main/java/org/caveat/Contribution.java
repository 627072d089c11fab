package org.caveat;

import java.util.Objects;

/**
 * How much one feature of the input contributed to a decision: part of an explanation, which
 * {@link Caveat#explaining()} adds to {@link Segment#explanation()} and {@link CategoryScore#explanation()}.
 *
 * <p>Features are hashed, so their names are rebuilt while explaining: {@code word "forward"},
 * {@code bigram "safe harbor"}, {@code cue pslra (this segment)}, {@code cue noupdate (paragraph)},
 * {@code section SAFE_HARBOR}, {@code role FACTOR_BODY}, {@code shape HEADING}, {@code chars "ard"},
 * {@code term of LITIGATION "lawsuit"}. Words are shown as the model sees them: lower case, with
 * digits as {@code 0}. Occurrences of one feature are added up into one contribution.
 *
 * @param feature a human-readable name of the feature
 * @param weight the feature's value times its weight in the model: for a segment type, the log-odds
 *     it adds to the chosen type over the runner-up type; for a category, the log-odds it adds to that
 *     category. Positive values argue for the decision, negative ones against it.
 */
public record Contribution(String feature, double weight) {

    /**
     * Checks the invariants.
     *
     * @throws IllegalArgumentException if the weight is not a finite number
     */
    public Contribution {
        Objects.requireNonNull(feature, "feature");
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException("weight must be a finite number, was " + weight);
        }
    }
}
