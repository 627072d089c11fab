package org.caveat;

import java.util.List;
import java.util.Objects;

/**
 * One sentence-sized segment of the analysed text with its type.
 *
 * @param index position in {@link Analysis#segments()}, from 0
 * @param start offset of the first character in the analysed text (UTF-16 code units)
 * @param end offset just past the last character (exclusive)
 * @param text exactly {@code analysedText.substring(start, end)}
 * @param type the predicted type
 * @param score the model's confidence in {@code type}, in [0, 1]
 * @param explanation why the segment has its type: the features that contributed most to {@code type}
 *     over the runner-up type ({@link #runnerUp()}), largest absolute contribution first; empty unless the
 *     analysis was made by {@link Caveat#explaining()}
 * @param runnerUp the type with the next highest probability, that the explanation compares {@code type}
 *     with; equal to {@code type} when there is no explanation
 */
public record Segment(int index, int start, int end, String text, SegmentType type, double score,
                      List<Contribution> explanation, SegmentType runnerUp) {

    /**
     * Creates a segment without an explanation.
     *
     * @param index position in {@link Analysis#segments()}, from 0
     * @param start offset of the first character in the analysed text
     * @param end offset just past the last character
     * @param text exactly {@code analysedText.substring(start, end)}
     * @param type the predicted type
     * @param score the model's confidence in {@code type}, in [0, 1]
     * @throws IllegalArgumentException if the offsets, text length or score are inconsistent
     */
    public Segment(int index, int start, int end, String text, SegmentType type, double score) {
        this(index, start, end, text, type, score, List.of(), type);
    }

    /**
     * Checks the invariants of a segment and takes an immutable copy of the explanation.
     *
     * @throws IllegalArgumentException if the offsets, text length or score are inconsistent
     */
    public Segment {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(runnerUp, "runnerUp");
        explanation = List.copyOf(explanation);
        if (index < 0 || start < 0 || end < start || end - start != text.length()) {
            throw new IllegalArgumentException("inconsistent segment " + index + " [" + start + ", " + end + ")");
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1], was " + score);
        }
    }

    /**
     * Returns the kind of this segment's type.
     *
     * @return {@code type().kind()}
     */
    public Kind kind() {
        return type.kind();
    }

    /**
     * Returns whether this segment carries an explanation.
     *
     * @return {@code !explanation().isEmpty()}
     */
    public boolean explained() {
        return !explanation.isEmpty();
    }
}
