package org.caveat.compare;

import java.util.List;
import java.util.Objects;
import org.caveat.Analysis;

/**
 * The risk-factor changes between two filings: every factor of either, as added, removed, changed or
 * unchanged. Made by {@link org.caveat.Caveat#diff(Analysis, Analysis)}; immutable and thread-safe.
 *
 * <p>Which items are compared: the risk factors of an Item 1A section when the filing has any (items with a
 * heading, {@link org.caveat.RiskItem#isRiskFactor()}); otherwise all its risk items (the enumerated lists of
 * a press release's safe harbor). Factors are matched by the TF-IDF cosine similarity of their whole text
 * (heading and body; word unigrams and bigrams, lower-cased), best pairs first, down to
 * {@link #MATCH_THRESHOLD}. A matched pair whose words are the same (spacing aside) is unchanged; otherwise it
 * is changed and carries a word-level diff (Myers).
 *
 * <p>Order: the newer filing's factors in their order, each removed factor placed after the factor that
 * followed its older neighbour, that is, where it used to be.
 *
 * @param older the older filing's source name, or null
 * @param newer the newer filing's source name, or null
 * @param changes one entry per factor of either filing
 */
public record RiskDiff(String older, String newer, List<FactorChange> changes) {
    /** The smallest cosine similarity at which two factors are the same factor, changed. */
    public static final double MATCH_THRESHOLD = 0.5;

    /** Takes an immutable copy of the changes. */
    public RiskDiff {
        changes = List.copyOf(changes);
    }

    /**
     * Compares the risk factors of two analyses; {@link org.caveat.Caveat#diff(Analysis, Analysis)} does the same.
     *
     * @param older the older filing's analysis
     * @param newer the newer filing's analysis
     * @return the changes
     */
    public static RiskDiff of(Analysis older, Analysis newer) {
        Objects.requireNonNull(older, "older");
        Objects.requireNonNull(newer, "newer");
        return Differ.diff(older, newer);
    }

    /**
     * Returns the factors with a given status.
     *
     * @param status the status to select
     * @return those changes, in order
     */
    public List<FactorChange> withStatus(ChangeStatus status) {
        Objects.requireNonNull(status, "status");
        return changes.stream().filter(c -> c.status() == status).toList();
    }

    /**
     * Returns how many factors have a given status.
     *
     * @param status the status to count
     * @return the count
     */
    public int count(ChangeStatus status) {
        return withStatus(status).size();
    }
}
