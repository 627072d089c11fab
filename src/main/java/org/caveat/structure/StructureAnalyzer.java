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
    /** Page furniture left between paragraphs by HTML or PDF conversion: running headers and page numbers. */
    private static final Pattern PAGE_ARTIFACT = Pattern.compile(
            "\\W*(?:table of contents|index|page\\s*\\d+(?:\\s*of\\s*\\d+)?|\\d{1,3}|[ivxlc]{1,6}|[a-z]-\\d{1,3})\\W*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTINUATION = Pattern.compile(
            "\\W*(in addition|additionally|further|furthermore|moreover|for example|for instance|as a result|however|also|"
                    + "these|this|such|accordingly|consequently|therefore|thus|similarly|likewise|finally|although|while|"
                    + "in particular|specifically|among other|see|for more|for a discussion|refer)\\b",
            Pattern.CASE_INSENSITIVE);

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
        // The first heading of a later item after each segment, found once: scanning forward from every
        // candidate heading cost time quadratic in the number of "Item 1A" lines.
        int[] nextItem = new int[n + 1];
        nextItem[n] = n;
        for (int j = n - 1; j >= 0; j--) {
            SegmentSpan q = spans.get(j);
            boolean item = q.end() - q.start() <= 150 && isHeadingLine(text, spans, j)
                    && NEXT_ITEM.matcher(text.substring(q.start(), q.end())).matches();
            nextItem[j] = item ? j : nextItem[j + 1];
        }
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
            int end = nextItem[i + 1] - 1;
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
        boolean runIn = !useEmphasis && countRunIn(text, spans, i, last) >= 3;
        int factorStart = -1;
        boolean previousWasHeading = false;
        boolean afterGroupHeading = false;
        while (i <= last) {
            int bf = i;
            int bl = unitLast(spans, i, last);
            int headingEnd = -1;
            if (bf == bl && PAGE_ARTIFACT.matcher(segmentText(text, spans, bf)).matches()) {
                roles[bf] = factorStart >= 0 ? Role.FACTOR_BODY : Role.INTRODUCTION;
                i = bl + 1;
                continue;
            }
            if (isGroupHeading(text, spans, bf, bl)) {
                if (factorStart >= 0) {
                    factors.add(new int[] {factorStart, bf - 1});
                    factorStart = -1;
                }
                for (int k = bf; k <= bl; k++) {
                    roles[k] = Role.GROUP_HEADING;
                }
                previousWasHeading = false;
                afterGroupHeading = true;
                i = bl + 1;
                continue;
            }
            if (useEmphasis) {
                headingEnd = emphasisedHeadingEnd(text, spans, emphasis, bf, bl);
            } else if (runIn) {
                headingEnd = runInHeading(text, spans.get(bf).start(), spans.get(bl).end()) > 0 ? bf : -1;
            } else if (!previousWasHeading && plainHeading(text, spans, bf, bl, last)) {
                headingEnd = bf;
            }
            if (headingEnd < 0 && afterGroupHeading && !useEmphasis) {
                // A group heading is always followed by the heading of the group's first risk factor.
                headingEnd = bf;
            }
            afterGroupHeading = false;
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

    /** Counts paragraphs that open with a run-in title ("We Transport Hazardous Materials – We transport ..."). */
    private static int countRunIn(String text, List<SegmentSpan> spans, int from, int last) {
        int n = 0;
        for (int i = from; i <= last; i = unitLast(spans, i, last) + 1) {
            if (runInHeading(text, spans.get(i).start(), spans.get(unitLast(spans, i, last)).end()) > 0) {
                n++;
            }
        }
        return n;
    }

    /**
     * Returns the length of a run-in title that opens {@code text[start, end)}: three to forty words,
     * most of them capitalised, ended by a dash, with no sentence end inside; or 0 when there is none.
     */
    static int runInHeading(String text, int start, int end) {
        int limit = Math.min(end, start + 400);
        int dash = -1;
        for (int k = start + 1; k < limit; k++) {
            char c = text.charAt(k);
            if ((c == '\u2013' || c == '\u2014') || c == '-' && k + 1 < limit && text.charAt(k + 1) == '-') {
                dash = k;
                break;
            }
            if (c == '.' && k + 1 < limit && Character.isWhitespace(text.charAt(k + 1))) {
                return 0;
            }
        }
        if (dash < 0) {
            return 0;
        }
        String[] words = text.substring(start, dash).trim().split("\\s+");
        if (words.length < 3 || words.length > 40) {
            return 0;
        }
        int longWords = 0;
        int capitalised = 0;
        for (String w : words) {
            if (w.length() > 3) {
                longWords++;
                if (Character.isUpperCase(w.charAt(0))) {
                    capitalised++;
                }
            }
        }
        return longWords > 0 && capitalised * 10 >= longWords * 7 ? dash - start : 0;
    }

    /** The last segment of the line group (a paragraph, heading, bullet or table row) that segment i starts. */
    private static int unitLast(List<SegmentSpan> spans, int i, int last) {
        int u = spans.get(i).unit();
        int k = i;
        while (k < last && spans.get(k + 1).unit() == u) {
            k++;
        }
        return k;
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

    /**
     * Without emphasis: a one-sentence paragraph of a few words or more, not opening with a word that
     * continues an argument ("In addition", "For example"), followed by a longer paragraph.
     */
    private static boolean plainHeading(String text, List<SegmentSpan> spans, int bf, int bl, int last) {
        if (bf != bl || bl >= last) {
            return false;
        }
        if (bf > 0) {
            String before = segmentText(text, spans, bf - 1);
            char c = before.charAt(before.length() - 1);
            if (c == ';' || c == ':' || before.endsWith(" and") || before.endsWith(" or")) {
                return false; // the last line of a list, not a heading
            }
        }
        String t = segmentText(text, spans, bf);
        int words = t.split("\\s+").length;
        if (words < 4 || words > 90 || CONTINUATION.matcher(t).lookingAt()) {
            return false;
        }
        char end = t.charAt(t.length() - 1);
        char start = t.charAt(0);
        if (end == ':' || end == ';' || end == ',' || t.endsWith(" and") || t.endsWith(" or")
                || !(Character.isUpperCase(start) || Character.isDigit(start) || start == '"' || start == '\u201c')) {
            return false;
        }
        int next = bl + 1;
        int nextLast = unitLast(spans, next, last);
        int nextLength = spans.get(nextLast).end() - spans.get(next).start();
        return nextLast > next || nextLength > t.length();
    }
}
