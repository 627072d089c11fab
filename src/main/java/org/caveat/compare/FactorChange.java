package org.caveat.compare;

import java.util.List;
import java.util.Objects;
import org.caveat.CategoryScore;
import org.caveat.RiskItem;

/**
 * One risk factor of a {@link RiskDiff}: its status, its versions in the two filings, and for a changed factor
 * the word-level edits from the older to the newer version.
 *
 * @param status what became of the factor
 * @param older the factor in the older filing; null when {@link ChangeStatus#ADDED}
 * @param newer the factor in the newer filing; null when {@link ChangeStatus#REMOVED}
 * @param similarity the TF-IDF cosine similarity of the two versions, in [0, 1]; 0 for an added or removed factor
 * @param categories the categories of the newer version (of the older one for a removed factor)
 * @param edits for a {@link ChangeStatus#CHANGED} factor, the word-level diff of the older into the newer text;
 *     empty otherwise
 */
public record FactorChange(ChangeStatus status, RiskItem older, RiskItem newer, double similarity,
                           List<CategoryScore> categories, List<WordEdit> edits) {

    /**
     * Checks that the versions present match the status and takes immutable copies of the lists.
     *
     * @throws IllegalArgumentException if a version is missing or present against the status
     */
    public FactorChange {
        Objects.requireNonNull(status, "status");
        categories = List.copyOf(categories);
        edits = List.copyOf(edits);
        if ((older == null) != (status == ChangeStatus.ADDED) || (newer == null) != (status == ChangeStatus.REMOVED)) {
            throw new IllegalArgumentException("a " + status + " factor has "
                    + (older == null ? "no" : "an") + " older and " + (newer == null ? "no" : "a") + " newer version");
        }
        if (!(similarity >= 0 && similarity <= 1)) {
            throw new IllegalArgumentException("similarity must be in [0, 1], was " + similarity);
        }
    }

    /**
     * Returns the factor's heading: that of the newer version, or of the older one for a removed factor.
     *
     * @return the heading; for an item of an enumerated list (no heading), its first 80 characters
     */
    public String heading() {
        RiskItem r = newer != null ? newer : older;
        String h = r.heading();
        if (h.isEmpty()) {
            String t = r.text().strip().replaceAll("\\s+", " ");
            h = t.length() <= 80 ? t : t.substring(0, 80);
        }
        return h;
    }
}
