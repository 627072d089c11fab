package org.caveat.segment;

/**
 * One segment found by the {@link Segmenter}.
 *
 * @param start offset of the first character (a non-whitespace one)
 * @param end offset past the last character (a non-whitespace one)
 * @param block index of the paragraph (a run of non-blank lines) that holds it
 * @param unit index of the line group that holds it: a paragraph's wrapped lines joined, or one
 *     heading, bullet or table row
 * @param shape what the segment looks like
 */
public record SegmentSpan(int start, int end, int block, int unit, Shape shape) {
}
