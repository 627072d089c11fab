package org.caveat.structure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.caveat.read.Emphasis;
import org.caveat.segment.SegmentSpan;
import org.caveat.segment.Shape;

/**
 * Finds the layout of a document from its segments: sections opened by headings ("About X",
 * "Forward-Looking Statements", contacts), and in a 10-K or 10-Q the Item 1A section with its group
 * headings and risk factors. The Item 1A section is the "Item 1A" heading whose section runs longest
 * before the next item heading, so a table of contents entry (followed at once by Item 1B) or a
 * cross-reference inside a sentence (not a heading) is not taken for it. Stateless and thread-safe.
 */
public final class StructureAnalyzer {
    private static final Pattern ITEM_1A = Pattern.compile("^\\W{0,4}item\\s*1a\\b.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern RISK_FACTORS_ONLY = Pattern.compile("^\\W{0,4}risk\\s+factors\\W{0,3}$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEXT_ITEM = Pattern.compile(
            "^\\W{0,4}(item\\s*(1b|1c|[2-9]|1[0-6])\\b|part\\s+(ii|iii|iv|2|3)\\b).*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern RISKISH = Pattern.compile(
            "\\b(could|may|might|can|would|adversely|adverse|harm|harmed|negatively|risks?|fail|failure|unable|inability|"
                    + "depend|depends|dependent|subject to|volatil\\w*|uncertain\\w*|loss|losses|decline|impair\\w*|"
                    + "affect|affected|not be able|no assurance|cannot|significant|substantial)\\b", Pattern.CASE_INSENSITIVE);

    private StructureAnalyzer() {
    }

    /**
     * Analyses the layout of a segmented document.
     *
     * @param text the analysed text
     * @param spans its segments
     * @param emphasis the emphasised ranges of the text (empty for plain text)
     * @return the document's structure
     */
    public static DocumentStructure analyze(String text, List<SegmentSpan> spans, Emphasis emphasis) {
        int n = spans.size();
        int blocks = n == 0 ? 0 : spans.get(n - 1).block() + 1;
        int[] blockFirst = new int[blocks];
        int[] blockLast = new int[blocks];
        Arrays.fill(blockFirst, -1);
        for (int i = 0; i < n; i++) {
            int b = spans.get(i).block();
            if (blockFirst[b] < 0) {
                blockFirst[b] = i;
            }
            blockLast[b] = i;
        }
        Section[] sections = new Section[n];
        Section current = Section.NONE;
        for (int i = 0; i < n; i++) {
            SegmentSpan s = spans.get(i);
            boolean alone = blockFirst[s.block()] == i && blockLast[s.block()] == i;
            if (s.shape() == Shape.HEADING && (alone || s.unit() != (i > 0 ? spans.get(i - 1).unit() : -1))) {
                Section h = Section.ofHeading(text.substring(s.start(), s.end()));
                if (h != Section.OTHER || alone) {
                    current = h;
                }
            }
            sections[i] = current;
        }
        Role[] roles = new Role[n];
        Arrays.fill(roles, Role.NONE);
        List<int[]> factors = new ArrayList<>();
        int[] section = findItem1A(text, spans);
        if (section != null) {
            layOutRiskSection(text, spans, emphasis, blockFirst, blockLast, section[0], section[1], roles, factors);
        }
        return new DocumentStructure(text, spans, sections, roles, blockFirst, blockLast, factors, section != null);
    }

    /** Returns {first segment, last segment} of the Item 1A section, or null when there is none. */
    static int[] findItem1A(String text, List<SegmentSpan> spans) {
        int n = spans.size();
        int best = -1;
        int bestEnd = -1;
        int bestLength = 0;
        for (int i = 0; i < n; i++) {
            SegmentSpan s = spans.get(i);
            if (s.end() - s.start() > 150 || !isHeadingLine(text, spans, i)) {
                continue;
            }
            String t = text.substring(s.start(), s.end());
            boolean candidate = ITEM_1A.matcher(t).matches()
                    || RISK_FACTORS_ONLY.matcher(t).matches() && (i == 0 || !ITEM_1A.matcher(segmentText(text, spans, i - 1)).matches());
            if (!candidate) {
                continue;
            }
            int end = n - 1;
            for (int j = i + 1; j < n; j++) {
                SegmentSpan q = spans.get(j);
                if (q.end() - q.start() <= 150 && isHeadingLine(text, spans, j)
                        && NEXT_ITEM.matcher(text.substring(q.start(), q.end())).matches()) {
                    end = j - 1;
                    break;
                }
            }
            int length = spans.get(end).end() - s.start();
            if (end > i && length > bestLength) {
                best = i;
                bestEnd = end;
                bestLength = length;
            }
        }
        return best < 0 || bestEnd - best < 2 ? null : new int[] {best, bestEnd};
    }

    private static String segmentText(String text, List<SegmentSpan> spans, int i) {
        return text.substring(spans.get(i).start(), spans.get(i).end());
    }

    /** A heading line starts its line group: it is not a sentence in the middle of a paragraph. */
    private static boolean isHeadingLine(String text, List<SegmentSpan> spans, int i) {
        return i == 0 || spans.get(i - 1).unit() != spans.get(i).unit() || spans.get(i - 1).shape() == Shape.HEADING
                || ITEM_1A.matcher(segmentText(text, spans, i - 1)).matches() && spans.get(i - 1).end() - spans.get(i - 1).start() < 12;
    }

    private static void layOutRiskSection(String text, List<SegmentSpan> spans, Emphasis emphasis, int[] blockFirst,
                                          int[] blockLast, int first, int last, Role[] roles, List<int[]> factors) {
        int i = first;
        roles[i++] = Role.ITEM_HEADING;
        while (i <= last && RISK_FACTORS_ONLY.matcher(segmentText(text, spans, i)).matches()) {
            roles[i++] = Role.ITEM_HEADING;
        }
        boolean useEmphasis = !emphasis.isEmpty() && emphasis.coveredLength(spans.get(first).start(), spans.get(last).end()) > 0;
        int factorStart = -1;
        boolean previousWasHeading = false;
        while (i <= last) {
            int b = spans.get(i).block();
            int bf = Math.max(i, blockFirst[b]);
            int bl = Math.min(last, blockLast[b]);
            int headingEnd = -1;
            if (isGroupHeading(text, spans, bf, bl)) {
                if (factorStart >= 0) {
                    factors.add(new int[] {factorStart, bf - 1});
                    factorStart = -1;
                }
                for (int k = bf; k <= bl; k++) {
                    roles[k] = Role.GROUP_HEADING;
                }
                previousWasHeading = false;
                i = bl + 1;
                continue;
            }
            if (useEmphasis) {
                headingEnd = emphasisedHeadingEnd(text, spans, emphasis, bf, bl);
            } else if (!previousWasHeading && plainHeading(text, spans, bf, bl, last, blockFirst, blockLast)) {
                headingEnd = bf;
            }
            if (headingEnd >= 0) {
                if (factorStart >= 0) {
                    factors.add(new int[] {factorStart, bf - 1});
                }
                factorStart = bf;
                for (int k = bf; k <= bl; k++) {
                    roles[k] = k <= headingEnd ? Role.FACTOR_HEADING : Role.FACTOR_BODY;
                }
                previousWasHeading = headingEnd == bl;
            } else {
                for (int k = bf; k <= bl; k++) {
                    roles[k] = factorStart >= 0 ? Role.FACTOR_BODY : Role.INTRODUCTION;
                }
                previousWasHeading = false;
            }
            i = bl + 1;
        }
        if (factorStart >= 0) {
            factors.add(new int[] {factorStart, last});
        }
    }

    private static boolean isGroupHeading(String text, List<SegmentSpan> spans, int bf, int bl) {
        if (bf != bl) {
            return false;
        }
        String t = segmentText(text, spans, bf).strip();
        char end = t.charAt(t.length() - 1);
        if (end == '.' || end == ';' || end == ',') {
            return false;
        }
        int words = t.split("\\s+").length;
        if (words > 12) {
            return false;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        boolean upper = t.equals(t.toUpperCase(Locale.ROOT)) && !t.equals(lower);
        return upper || lower.contains("risk") || lower.startsWith("general") || words <= 5;
    }

    /** With HTML emphasis: the block starts with an emphasised run of at least a few words. */
    private static int emphasisedHeadingEnd(String text, List<SegmentSpan> spans, Emphasis emphasis, int bf, int bl) {
        int start = spans.get(bf).start();
        while (start < spans.get(bf).end() && !Character.isLetterOrDigit(text.charAt(start))) {
            start++;
        }
        int runEnd = emphasis.runEnd(start);
        if (runEnd - start < 25 || text.substring(start, runEnd).split("\\s+").length < 4) {
            return -1;
        }
        int k = bf;
        while (k < bl && spans.get(k + 1).start() < runEnd - 1) {
            k++;
        }
        return k;
    }

    /** Without emphasis: a one-sentence paragraph that names a risk and is followed by a longer body. */
    private static boolean plainHeading(String text, List<SegmentSpan> spans, int bf, int bl, int last,
                                        int[] blockFirst, int[] blockLast) {
        if (bf != bl || bl >= last) {
            return false;
        }
        String t = segmentText(text, spans, bf);
        int words = t.split("\\s+").length;
        if (words < 5 || words > 90 || !RISKISH.matcher(t).find()) {
            return false;
        }
        char end = t.charAt(t.length() - 1);
        if (end == ':' || end == ';' || end == ',') {
            return false;
        }
        int next = bl + 1;
        int nb = spans.get(next).block();
        int nextLast = Math.min(last, blockLast[nb]);
        int nextLength = spans.get(nextLast).end() - spans.get(next).start();
        return nextLast > next || nextLength > t.length();
    }
}
