package org.caveat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The result of analysing one document: its segments with their types and its risk items with their
 * categories. Offsets are into {@link #text()}, the analysed text.
 *
 * <p>Instances are immutable and safe to share between threads.
 *
 * @param source the input's name (a file name, with {@code #TYPE} for a document of an EDGAR
 *     submission), or {@code null} when the text did not come from a file
 * @param model the model's name and version, as the model file states them
 * @param format the format the input was recognised as
 * @param text the analysed text
 * @param segments every segment, in document order
 * @param riskItems every risk item, in document order
 * @param boilerplateScores when the analysis was made by {@link Caveat#withIndex} with a boilerplate index,
 *     each segment's cross-filing boilerplate score in [0, 1], in segment order
 *     ({@link org.caveat.compare.BoilerplateIndex#score(String)}); otherwise empty
 */
public record Analysis(String source, String model, SourceFormat format, String text,
                       List<Segment> segments, List<RiskItem> riskItems, List<Double> boilerplateScores) {

    /**
     * Creates an analysis without boilerplate scores.
     *
     * @param source the input's name, or null
     * @param model the model's name and version
     * @param format the format the input was recognised as
     * @param text the analysed text
     * @param segments every segment, in document order
     * @param riskItems every risk item, in document order
     */
    public Analysis(String source, String model, SourceFormat format, String text,
                    List<Segment> segments, List<RiskItem> riskItems) {
        this(source, model, format, text, segments, riskItems, List.of());
    }

    /**
     * Takes immutable copies of the lists and checks that nothing required is missing.
     *
     * @throws IllegalArgumentException if there are boilerplate scores but not one per segment, or one is
     *     outside [0, 1]
     */
    public Analysis {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(text, "text");
        segments = List.copyOf(segments);
        riskItems = List.copyOf(riskItems);
        boilerplateScores = List.copyOf(boilerplateScores);
        if (!boilerplateScores.isEmpty() && boilerplateScores.size() != segments.size()) {
            throw new IllegalArgumentException("there are " + boilerplateScores.size() + " boilerplate scores for "
                    + segments.size() + " segments; give one per segment, or none");
        }
        for (double b : boilerplateScores) {
            if (!(b >= 0 && b <= 1)) {
                throw new IllegalArgumentException("a boilerplate score must be in [0, 1], was " + b);
            }
        }
    }

    /**
     * Returns whether the segments carry cross-filing boilerplate scores.
     *
     * @return true when the analysis was made with a boilerplate index
     */
    public boolean hasBoilerplateScores() {
        return !boilerplateScores.isEmpty();
    }

    /**
     * Returns one segment's cross-filing boilerplate score.
     *
     * @param segment the segment's index
     * @return its score in [0, 1], or empty when the analysis was made without a boilerplate index
     * @throws IndexOutOfBoundsException if there is no such segment
     */
    public OptionalDouble boilerplateScore(int segment) {
        Objects.checkIndex(segment, segments.size());
        return boilerplateScores.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(boilerplateScores.get(segment));
    }

    /**
     * Returns the source name, if the input came from a file.
     *
     * @return the source name, or empty
     */
    public Optional<String> sourceName() {
        return Optional.ofNullable(source);
    }

    /**
     * Returns the segments of the given type.
     *
     * @param type the type to select
     * @return the matching segments in document order
     */
    public List<Segment> segmentsOf(SegmentType type) {
        Objects.requireNonNull(type, "type");
        return segments.stream().filter(s -> s.type() == type).toList();
    }
}
