package org.caveat.classify;

import org.caveat.SegmentType;

/**
 * The type and confidence of each segment of a document, in segment order.
 *
 * @param types the predicted type of each segment
 * @param scores the probability of the predicted type, in [0, 1]
 */
public record ClassifiedSegments(SegmentType[] types, double[] scores) {
}
