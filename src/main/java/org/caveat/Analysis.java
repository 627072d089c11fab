package org.caveat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
 */
public record Analysis(String source, String model, SourceFormat format, String text,
                       List<Segment> segments, List<RiskItem> riskItems) {

    /** Takes immutable copies of the lists and checks that nothing required is missing. */
    public Analysis {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(text, "text");
        segments = List.copyOf(segments);
        riskItems = List.copyOf(riskItems);
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
