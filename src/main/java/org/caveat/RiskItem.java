package org.caveat;

import java.util.List;
import java.util.Objects;

/**
 * One risk item: an element of an enumerated risk list in a disclaimer, or one risk factor of an
 * Item 1A section (its heading and body).
 *
 * @param index position in {@link Analysis#riskItems()}, from 0
 * @param start offset of the first character in the analysed text (UTF-16 code units)
 * @param end offset just past the last character (exclusive)
 * @param text exactly {@code analysedText.substring(start, end)}
 * @param segments indices of the segments the item overlaps, ascending
 * @param categories the assigned categories, highest score first; never empty
 * @param headingEnd for a risk factor of an Item 1A section, the offset where its heading ends (in the
 *     analysed text); {@code start} for an element of an enumerated list, which has no heading
 */
public record RiskItem(int index, int start, int end, String text, List<Integer> segments,
                       List<CategoryScore> categories, int headingEnd) {

    /**
     * Creates an item without a heading (an element of an enumerated list).
     *
     * @param index position in {@link Analysis#riskItems()}, from 0
     * @param start offset of the first character in the analysed text
     * @param end offset just past the last character
     * @param text exactly {@code analysedText.substring(start, end)}
     * @param segments indices of the segments the item overlaps, ascending
     * @param categories the assigned categories, highest score first; never empty
     * @throws IllegalArgumentException if the offsets are inconsistent or there is no category
     */
    public RiskItem(int index, int start, int end, String text, List<Integer> segments,
                    List<CategoryScore> categories) {
        this(index, start, end, text, segments, categories, start);
    }

    /**
     * Checks the invariants and takes immutable copies of the lists.
     *
     * @throws IllegalArgumentException if the offsets are inconsistent or there is no category
     */
    public RiskItem {
        Objects.requireNonNull(text, "text");
        segments = List.copyOf(segments);
        categories = List.copyOf(categories);
        if (index < 0 || start < 0 || end < start || end - start != text.length()) {
            throw new IllegalArgumentException("inconsistent risk item " + index + " [" + start + ", " + end + ")");
        }
        if (headingEnd < start || headingEnd > end) {
            throw new IllegalArgumentException("risk item " + index + ": heading end " + headingEnd + " outside ["
                    + start + ", " + end + "]");
        }
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("a risk item has at least one category");
        }
    }

    /**
     * Returns whether this item is a risk factor of an Item 1A section (with a heading and a body) rather
     * than an element of an enumerated list.
     *
     * @return {@code headingEnd() > start()}
     */
    public boolean isRiskFactor() {
        return headingEnd > start;
    }

    /**
     * Returns the heading of a risk factor.
     *
     * @return the heading's text, stripped; empty for an element of an enumerated list
     */
    public String heading() {
        return text.substring(0, headingEnd - start).strip();
    }
}
