package org.caveat.structure;

import java.util.List;
import org.caveat.segment.SegmentSpan;

/**
 * A paragraph (line group) of the body of an Item 1A section, with what a model needs to decide
 * whether a new risk factor starts at it: its neighbours and the layout cues that the rules use.
 *
 * @param text the analysed text
 * @param spans the document's segments
 * @param first the paragraph's first segment
 * @param last its last segment
 * @param previousFirst the first segment of the paragraph before it in the section, or -1
 * @param previousLast the last segment of that paragraph, or -1
 * @param nextFirst the first segment of the paragraph after it in the section, or -1
 * @param nextLast the last segment of that paragraph, or -1
 * @param index the paragraph's position in the section body, from 0
 * @param afterGroupHeading whether a group heading comes just before it
 * @param dashTitle whether it opens with a run-in title ended by a dash
 * @param plainHeading whether the layout rules would take it for a standalone heading
 * @param singleSentenceShare the share of the section body's paragraphs that hold one segment: high when
 *     headings stand on their own lines, low when they run into their paragraphs
 */
public record Paragraph(String text, List<SegmentSpan> spans, int first, int last, int previousFirst, int previousLast,
                        int nextFirst, int nextLast, int index, boolean afterGroupHeading, boolean dashTitle,
                        boolean plainHeading, double singleSentenceShare) {
    private static final java.util.regex.Pattern CONTINUATION = java.util.regex.Pattern.compile(
            "\\W*(in addition|additionally|further|furthermore|moreover|for example|for instance|as a result|however|also|"
                    + "these|this|such|accordingly|consequently|therefore|thus|similarly|likewise|finally|although|while|"
                    + "in particular|specifically|among other|see|for more|for a discussion|refer|if so|even if|in that)\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * Whether a sentence opens with words that carry an argument on ("In addition", "For example",
     * "However", "These ..."), as a body's sentence does and a risk factor's heading seldom does.
     *
     * @param sentence a sentence
     * @return whether it opens with such words
     */
    public static boolean opensWithContinuation(CharSequence sentence) {
        return CONTINUATION.matcher(sentence).lookingAt();
    }

    /** @return the number of segments in the paragraph */
    public int segments() {
        return last - first + 1;
    }

    /**
     * @param i a segment index
     * @return the segment's text
     */
    public String segmentText(int i) {
        return text.substring(spans.get(i).start(), spans.get(i).end());
    }
}
