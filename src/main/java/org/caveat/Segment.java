package org.caveat;

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
 */
public record Segment(int index, int start, int end, String text, SegmentType type, double score) {

    /**
     * Checks the invariants of a segment.
     *
     * @throws IllegalArgumentException if the offsets, text length or score are inconsistent
     */
    public Segment {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(type, "type");
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
}
