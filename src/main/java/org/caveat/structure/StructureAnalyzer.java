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
 * "Forward-Looking Statements", contacts), and in a 10-K or 10-Q the Item 1A section with its summary
 * of risk factors, group headings and risk factors. The Item 1A section is the "Item 1A" heading whose
 * section runs longest before the next item heading, so a table of contents entry (followed at once by
 * Item 1B) or a cross-reference inside a sentence (not a heading) is not taken for it. Inside it, headings
 * open no section of their own. Stateless and thread-safe.
 */
public final class StructureAnalyzer {
    private static final Pattern ITEM_1A = Pattern.compile("^\\W{0,4}item\\s*1a\\b.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern RISK_FACTORS_ONLY = Pattern.compile("^\\W{0,4}risk\\s+factors\\W{0,3}$", Pattern.CASE_INSENSITIVE);
    /**
     * The title of a risk-factor section in 10-Ks from before Item 1A existed (2005): "Factors That May
     * Affect Future Results", "Certain Factors That Could Affect Our Business", "Risks That May Affect ...".
     */
    private static final Pattern OLD_STYLE_TITLE = Pattern.compile(
            "^\\W{0,4}(certain\\s+)?(important\\s+)?(factors|risks)\\s+(that\\s+)?(may|could|might)\\s+affect\\b[^.]{0,60}\\.?$",
            Pattern.CASE_INSENSITIVE);
    /** An old-style title opens a risk-factor section only above this many paragraphs of two sentences or more. */
    private static final int OLD_STYLE_MIN_PARAGRAPHS = 8;
    private static final Pattern NEXT_ITEM = Pattern.compile(
            "^\\W{0,4}(item\\s*(1b|1c|[2-9]|1[0-6])\\b|part\\s+(ii|iii|iv|2|3)\\b).*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** Page furniture left between paragraphs by HTML or PDF conversion: running headers and page numbers. */
    private static final Pattern PAGE_ARTIFACT = Pattern.compile(
            "\\W*(?:table of contents|index|page\\s*\\d+(?:\\s*of\\s*\\d+)?|\\d{1,3}|[ivxlc]{1,6}|[a-z]-\\d{1,3})\\W*",
            Pattern.CASE_INSENSITIVE);
    /** A summary of risk factors' title, or the words of a lead-in that introduce one. */
    private static final Pattern SUMMARY_TITLE = Pattern.compile(
            "\\bsummary\\b|\\bsummari[sz]e[sd]?\\b", Pattern.CASE_INSENSITIVE);
    /** A lead-in to a list: it says what follows. */
    private static final Pattern SUMMARY_LEAD_IN = Pattern.compile(
            "\\bfollowing\\b|\\bbelow\\b|:\\s*$|\\bsummari[sz]e", Pattern.CASE_INSENSITIVE);
    /** The line that closes a summary by sending the reader on to the full discussion. */
    private static final Pattern SUMMARY_END = Pattern.compile(
            "\\W*(for a (more )?(complete|detailed|full|fuller|further) (discussion|description)|"
                    + "(the|these) (risks|risk factors|factors) (summari[sz]ed|described|listed) above|"
                    + "(this|the above|the foregoing) (summary|list) (is|does))",
            Pattern.CASE_INSENSITIVE);
    /**
     * Summary lines are short: a paragraph of three sentences or more, or of two above this many
     * characters, or of one above twice as many, is a body.
     */
    private static final int SUMMARY_LINE_MAX = 400;
    /** A short line that says the risks are discussed below at greater length closes a summary too. */
    private static final Pattern SUMMARY_ON = Pattern.compile(
            "\\b(discussed|described|addressed|explained|set forth)\\s+(more fully|in (more|greater|further|additional) detail|"
                    + "at (greater |more )?length)\\b", Pattern.CASE_INSENSITIVE);
    /** The summary's title or lead-in is among this many paragraphs at the start of the section. */
    private static final int SUMMARY_OPENER_WITHIN = 8;
    /** A summary has at least this many lines. */
    private static final int SUMMARY_MIN_LINES = 3;

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
        return analyze(text, spans, emphasis, null);
    }

    /**
     * Analyses the layout of a segmented document, deciding where risk factors start in a plain-text
     * Item 1A section with a trained model rather than with the layout rules alone. Where the text
     * has emphasis (HTML bold or italic headings), emphasis decides, as without a model.
     *
     * @param text the analysed text
     * @param spans its segments
     * @param emphasis the emphasised ranges of the text (empty for plain text)
     * @param factorStarts the probability that a risk factor starts at a paragraph, or null for the rules
     * @return the document's structure
     */
    public static DocumentStructure analyze(String text, List<SegmentSpan> spans, Emphasis emphasis,
                                            java.util.function.ToDoubleFunction<Paragraph> factorStarts) {
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
            layOutRiskSection(text, spans, emphasis, factorStarts, section[0], section[1], roles, factors, null);
            // The headings inside Item 1A are its own (group headings, risk factors): they open no section.
            Arrays.fill(sections, section[0], section[1] + 1, Section.RISK_FACTORS);
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
        // The paragraphs of two segments or more that start at or after each segment, counted once, so that
        // checking an old-style title costs no scan (a text of many such titles would cost quadratic time).
        int[] longFrom = new int[n + 1];
        for (int j = n - 1; j >= 0; j--) {
            boolean starts = j == 0 || spans.get(j - 1).unit() != spans.get(j).unit();
            boolean long2 = j + 1 < n && spans.get(j + 1).unit() == spans.get(j).unit();
            longFrom[j] = longFrom[j + 1] + (starts && long2 ? 1 : 0);
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
                    || RISK_FACTORS_ONLY.matcher(t).matches() && (i == 0 || !ITEM_1A.matcher(segmentText(text, spans, i - 1)).matches())
                    || OLD_STYLE_TITLE.matcher(t).matches() && longFrom[i + 1] - longFrom[nextItem[i + 1]] >= OLD_STYLE_MIN_PARAGRAPHS;
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

    /**
     * The paragraphs of the body of the document's Item 1A section that a factor-start model decides on,
     * in order: every paragraph after the section heading except group headings and page furniture.
     * Training takes its examples from here, so that it sees exactly what {@link #analyze} scores.
     *
     * @param text the analysed text
     * @param spans its segments
     * @return the paragraphs, empty when the document has no Item 1A section
     */
    public static List<Paragraph> riskParagraphs(String text, List<SegmentSpan> spans) {
        int[] section = findItem1A(text, spans);
        List<Paragraph> out = new ArrayList<>();
        if (section != null) {
            layOutRiskSection(text, spans, Emphasis.NONE, null, section[0], section[1], new Role[spans.size()],
                    new ArrayList<>(), out);
        }
        return out;
    }

    private static void layOutRiskSection(String text, List<SegmentSpan> spans, Emphasis emphasis,
                                          java.util.function.ToDoubleFunction<Paragraph> model, int first, int last,
                                          Role[] roles, List<int[]> factors, List<Paragraph> collect) {
        int i = first;
        roles[i++] = Role.ITEM_HEADING;
        while (i <= last && RISK_FACTORS_ONLY.matcher(segmentText(text, spans, i)).matches()) {
            roles[i++] = Role.ITEM_HEADING;
        }
        boolean useEmphasis = !emphasis.isEmpty() && emphasis.coveredLength(spans.get(first).start(), spans.get(last).end()) > 0;
        boolean runIn = !useEmphasis && countRunIn(text, spans, i, last) >= 3;
        boolean learned = !useEmphasis && (model != null || collect != null);
        // The body's paragraphs: {first, last, kind} with kind 0 a paragraph, 1 a group heading, 2 page furniture,
        // 3 laid out already (the summary of risk factors and what comes before it).
        List<int[]> blocks = new ArrayList<>();
        int singles = 0;
        int paragraphs = 0;
        for (int k = i; k <= last; ) {
            int bl = unitLast(spans, k, last);
            int kind = k == bl && isFurniture(segmentText(text, spans, k)) ? 2
                    : isGroupHeading(text, spans, k, bl) ? 1 : 0;
            blocks.add(new int[] {k, bl, kind});
            if (kind == 0) {
                paragraphs++;
                singles += k == bl ? 1 : 0;
            }
            k = bl + 1;
        }
        double singleShare = paragraphs == 0 ? 0 : (double) singles / paragraphs;
        int[] summary = findSummary(text, spans, blocks);
        if (summary != null) {
            // What comes before the summary (the introduction, its title and lead-in) and its closing line,
            // if it has one, introduce the section; its lines are the summary's.
            for (int b = 0; b < summary[1] + summary[2]; b++) {
                int[] block = blocks.get(b);
                Role role = block[2] == 1 ? Role.GROUP_HEADING
                        : block[2] == 2 || b < summary[0] || b >= summary[1] ? Role.INTRODUCTION : Role.SUMMARY;
                Arrays.fill(roles, block[0], block[1] + 1, role);
                block[2] = 3;
            }
        }
        int factorStart = -1;
        boolean previousWasHeading = false;
        boolean afterGroupHeading = false;
        int previousParagraph = -1;
        int index = 0;
        for (int b = 0; b < blocks.size(); b++) {
            int bf = blocks.get(b)[0];
            int bl = blocks.get(b)[1];
            int kind = blocks.get(b)[2];
            int headingEnd = -1;
            if (kind == 3) {
                continue; // in the summary of risk factors: roles given
            }
            if (kind == 2) {
                roles[bf] = factorStart >= 0 ? Role.FACTOR_BODY : Role.INTRODUCTION;
                continue;
            }
            if (kind == 1) {
                if (factorStart >= 0) {
                    factors.add(new int[] {factorStart, bf - 1});
                    factorStart = -1;
                }
                for (int k = bf; k <= bl; k++) {
                    roles[k] = Role.GROUP_HEADING;
                }
                previousWasHeading = false;
                afterGroupHeading = true;
                continue;
            }
            if (learned) {
                int next = b + 1;
                while (next < blocks.size() && blocks.get(next)[2] != 0) {
                    next++;
                }
                int[] nb = next < blocks.size() ? blocks.get(next) : null;
                int[] pb = previousParagraph >= 0 ? blocks.get(previousParagraph) : null;
                Paragraph p = new Paragraph(text, spans, bf, bl, pb == null ? -1 : pb[0], pb == null ? -1 : pb[1],
                        nb == null ? -1 : nb[0], nb == null ? -1 : nb[1], index, afterGroupHeading,
                        runInHeading(text, spans.get(bf).start(), spans.get(bl).end()) > 0,
                        plainHeading(text, spans, bf, bl, last), singleShare);
                if (collect != null) {
                    collect.add(p);
                }
                if (model != null && model.applyAsDouble(p) >= 0.5) {
                    headingEnd = bf;
                }
            } else if (useEmphasis) {
                headingEnd = emphasisedHeadingEnd(text, spans, emphasis, bf, bl);
            } else if (runIn) {
                headingEnd = runInHeading(text, spans.get(bf).start(), spans.get(bl).end()) > 0 ? bf : -1;
            } else if (!previousWasHeading && plainHeading(text, spans, bf, bl, last)) {
                headingEnd = bf;
            }
            if (!learned && headingEnd < 0 && afterGroupHeading && !useEmphasis) {
                // A group heading is always followed by the heading of the group's first risk factor.
                headingEnd = bf;
            }
            afterGroupHeading = false;
            previousParagraph = b;
            index++;
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
        }
        if (factorStart >= 0) {
            factors.add(new int[] {factorStart, last});
        }
    }

    /**
     * Finds the summary of risk factors that opens many Item 1A sections (required of long sections since
     * 2020): a "Summary of Risk Factors" heading or a lead-in that says it summarises the risks, then one
     * line per risk, short, with or without bullets, before the first paragraph long enough to be a body.
     * The summary ends at a line that sends the reader on to the full discussion, else at the group
     * heading that opens the full risk factors, else before the heading of the first one.
     *
     * @return {first block, end block (exclusive), 1 if the end block is a closing line and else 0} of the
     *     summary's lines, or null when there is none
     */
    private static int[] findSummary(String text, List<SegmentSpan> spans, List<int[]> blocks) {
        int first = -1;
        for (int b = 0, seen = 0; b < blocks.size() && seen < SUMMARY_OPENER_WITHIN && first < 0; b++) {
            int[] block = blocks.get(b);
            if (block[2] == 2) {
                continue;
            }
            seen++;
            String t = blockText(text, spans, block);
            if (SUMMARY_TITLE.matcher(t).find() && t.length() < 120) {
                first = b + 1;
                boolean leadIn = first < blocks.size() && blocks.get(first)[2] == 0
                        && SUMMARY_LEAD_IN.matcher(blockText(text, spans, blocks.get(first))).find();
                if (leadIn) {
                    first++;
                }
            } else if (block[2] == 0 && SUMMARY_LEAD_IN.matcher(t).find() && SUMMARY_TITLE.matcher(t).find()) {
                first = b + 1;
            }
        }
        if (first < 0) {
            return null;
        }
        int firstLong = blocks.size();
        for (int b = first; b < blocks.size(); b++) {
            int[] block = blocks.get(b);
            int length = spans.get(block[1]).end() - spans.get(block[0]).start();
            int sentences = block[1] - block[0] + 1;
            boolean body = sentences > 2 || sentences == 2 && length > SUMMARY_LINE_MAX || length > 2 * SUMMARY_LINE_MAX;
            if (block[2] == 0 && body) {
                firstLong = b;
                break;
            }
        }
        int end = -1;
        for (int b = first; b < firstLong && end < 0; b++) {
            String t = blocks.get(b)[2] == 0 ? blockText(text, spans, blocks.get(b)) : "";
            if (SUMMARY_END.matcher(t).lookingAt() || t.length() < 200 && SUMMARY_ON.matcher(t).find()) {
                end = b;
            }
        }
        boolean closed = end >= 0;
        if (end < 0) {
            for (int b = firstLong - 1; b > first && end < 0; b--) {
                if (blocks.get(b)[2] == 1) {
                    end = b;
                    while (end - 1 > first && blocks.get(end - 1)[2] == 1) {
                        end--;
                    }
                }
            }
        }
        if (end < 0) {
            end = firstLong;
            int u = firstLong - 1;
            while (u > first && blocks.get(u)[2] == 2) {
                u--;
            }
            int[] block = blocks.get(u);
            if (firstLong < blocks.size() && u > first && block[2] == 0 && block[0] == block[1]
                    && spans.get(block[0]).shape() != Shape.BULLET) {
                end = u; // the heading of the first risk factor, above its body
            }
        }
        int lines = 0;
        for (int b = first; b < end; b++) {
            lines += blocks.get(b)[2] == 0 ? 1 : 0;
        }
        return lines >= SUMMARY_MIN_LINES ? new int[] {first, end, closed ? 1 : 0} : null;
    }

    private static String blockText(String text, List<SegmentSpan> spans, int[] block) {
        return text.substring(spans.get(block[0]).start(), spans.get(block[1]).end());
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

    /**
     * Page furniture: a running header or page number, or a line without a letter or digit (the bullets
     * of a list whose items conversion put on lines of their own).
     */
    private static boolean isFurniture(String t) {
        return PAGE_ARTIFACT.matcher(t).matches() || t.codePoints().noneMatch(Character::isLetterOrDigit);
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
        if (words < 4 || words > 90 || Paragraph.opensWithContinuation(t)) {
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
