package org.caveat.risk;

/**
 * Where a risk item lies, before it is tagged.
 *
 * @param start first offset
 * @param end end offset (exclusive)
 * @param headingEnd for an Item 1A risk factor, where its heading ends; otherwise {@code start}
 */
public record ItemSpan(int start, int end, int headingEnd) {
}
