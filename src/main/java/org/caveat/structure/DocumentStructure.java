package org.caveat.structure;

import java.util.List;
import org.caveat.segment.SegmentSpan;

/**
 * The layout of one document: for each segment the section it lies in and, inside an Item 1A
 * section, its role; and the risk factors of Item 1A as ranges of segments. Immutable.
 */
public final class DocumentStructure {
    private final String text;
    private final List<SegmentSpan> spans;
    private final Section[] sections;
    private final Role[] roles;
    private final int[] blockFirst;
    private final int[] blockLast;
    private final List<int[]> riskFactors;
    private final boolean riskSection;

    DocumentStructure(String text, List<SegmentSpan> spans, Section[] sections, Role[] roles, int[] blockFirst,
                      int[] blockLast, List<int[]> riskFactors, boolean riskSection) {
        this.text = text;
        this.spans = List.copyOf(spans);
        this.sections = sections;
        this.roles = roles;
        this.blockFirst = blockFirst;
        this.blockLast = blockLast;
        this.riskFactors = List.copyOf(riskFactors);
        this.riskSection = riskSection;
    }

    /** @return the analysed text */
    public String text() {
        return text;
    }

    /** @return the segments, in document order */
    public List<SegmentSpan> spans() {
        return spans;
    }

    /** @return the number of segments */
    public int size() {
        return spans.size();
    }

    /**
     * @param i a segment index
     * @return the section the segment lies in
     */
    public Section section(int i) {
        return sections[i];
    }

    /**
     * @param i a segment index
     * @return the segment's role in an Item 1A section, or {@link Role#NONE}
     */
    public Role role(int i) {
        return roles[i];
    }

    /**
     * @param i a segment index
     * @return the index of the first segment of the segment's paragraph
     */
    public int blockFirst(int i) {
        return blockFirst[spans.get(i).block()];
    }

    /**
     * @param i a segment index
     * @return the index of the last segment of the segment's paragraph
     */
    public int blockLast(int i) {
        return blockLast[spans.get(i).block()];
    }

    /** @return whether the document has an Item 1A risk-factor section */
    public boolean hasRiskSection() {
        return riskSection;
    }

    /** @return each Item 1A risk factor as {first segment, last segment}, in document order */
    public List<int[]> riskFactors() {
        return riskFactors.stream().map(int[]::clone).toList();
    }

    /**
     * @param i a segment index
     * @return the segment's text
     */
    public String segmentText(int i) {
        SegmentSpan s = spans.get(i);
        return text.substring(s.start(), s.end());
    }
}
