package org.caveat.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.caveat.SegmentType;
import org.caveat.classify.ClassifiedSegments;
import org.caveat.segment.SegmentSpan;
import org.caveat.segment.Shape;
import org.caveat.structure.DocumentStructure;
import org.caveat.structure.Role;

/**
 * Finds the risk items of a document: each item of an enumerated risk list in a disclaimer (inline
 * lists and bulleted lists), and each risk factor of an Item 1A section from its heading to the end
 * of its body. Stateless and thread-safe.
 */
public final class RiskItemFinder {
    /** Bullet glyphs that can end a line when extraction carries a list's first marker up to its introduction. */
    private static final String BULLETS = "\u2022\u00b7\u25aa\u25cf\u25a0\u25e6\u2023\u2043\u25ba\u27a2\uf0b7\uf0a7";
    private static final Pattern RISK_WORDS = Pattern.compile("risk|factor|uncertaint", Pattern.CASE_INSENSITIVE);

    private RiskItemFinder() {
    }

    /**
     * Finds the risk items.
     *
     * @param doc the document's structure
     * @param classified the segment types
     * @return the items' spans, in document order
     */
    public static List<ItemSpan> find(DocumentStructure doc, ClassifiedSegments classified) {
        String text = doc.text();
        List<SegmentSpan> spans = doc.spans();
        List<ItemSpan> items = new ArrayList<>();
        int factor = 0;
        List<int[]> factors = doc.riskFactors();
        boolean listOpen = false;
        for (int i = 0; i < spans.size(); i++) {
            if (factor < factors.size() && factors.get(factor)[0] == i) {
                int[] f = factors.get(factor++);
                int headingEnd = spans.get(f[0]).end();
                for (int k = f[0]; k <= f[1] && doc.role(k) == Role.FACTOR_HEADING; k++) {
                    headingEnd = spans.get(k).end();
                }
                int start = spans.get(f[0]).start();
                while (start < headingEnd && !startsItem(text.charAt(start))) {
                    start++;
                }
                items.add(new ItemSpan(start, spans.get(f[1]).end(), headingEnd));
                listOpen = false;
                continue;
            }
            if (doc.role(i) == Role.SUMMARY) {
                // A line of the summary of risk factors is one item, without its bullet and closing punctuation.
                int last = i;
                while (last + 1 < spans.size() && doc.role(last + 1) == Role.SUMMARY
                        && spans.get(last + 1).unit() == spans.get(i).unit()) {
                    last++;
                }
                int start = spans.get(i).start();
                int end = spans.get(last).end();
                while (start < end && !startsItem(text.charAt(start))) {
                    start++;
                }
                end = trimmedEnd(text, start, end);
                if (end > start) {
                    items.add(new ItemSpan(start, end, start));
                }
                i = last;
                listOpen = false;
                continue;
            }
            if (doc.role(i) != Role.NONE && doc.role(i) != Role.INTRODUCTION) {
                listOpen = false;
                continue;
            }
            SegmentSpan s = spans.get(i);
            String t = text.substring(s.start(), s.end());
            boolean ownLine = i == 0 || spans.get(i - 1).unit() != s.unit();
            if (listOpen && ownLine && continuesList(t, s)) {
                for (int[] it : ListItems.continuation(text, s.start(), s.end())) {
                    items.add(new ItemSpan(it[0], it[1], it[0]));
                }
                listOpen = endsOpen(t);
                continue;
            }
            listOpen = false;
            boolean disclaimer = classified.types()[i] == SegmentType.SAFE_HARBOR;
            if (disclaimer || RISK_WORDS.matcher(t).find()) {
                List<int[]> found = ListItems.find(text, s.start(), s.end());
                for (int[] it : found) {
                    items.add(new ItemSpan(it[0], it[1], it[0]));
                }
                String intro = withoutTrailingBullet(t);
                listOpen = intro.endsWith(":") && ListItems.introducesRisks(intro)
                        || !found.isEmpty() && endsOpen(intro);
            }
        }
        items.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return items;
    }

    /**
     * A line without the bullet that text extraction often leaves at its end, the marker of the list's first
     * item carried up to the line that introduces the list ("... include the following: \u2022").
     */
    static String withoutTrailingBullet(String t) {
        String x = t.stripTrailing();
        int e = x.length();
        while (e > 0 && BULLETS.indexOf(x.charAt(e - 1)) >= 0) {
            e--;
        }
        return e == x.length() ? x : x.substring(0, e).stripTrailing();
    }

    /** A list goes on in the next line when this one ends with a separator rather than a full stop. */
    private static boolean endsOpen(String t) {
        String x = t.stripTrailing();
        return x.endsWith(";") || x.endsWith(":") || x.endsWith(",") || x.endsWith(" and") || x.endsWith(" or")
                || x.endsWith("; and") || x.endsWith("; or");
    }

    /** A line that continues an open list: a bullet, or a line starting in lower case, of list-item length. */
    private static boolean continuesList(String t, SegmentSpan s) {
        if (t.length() > 1500) {
            return false;
        }
        if (s.shape() == Shape.BULLET) {
            return true;
        }
        char c = t.charAt(0);
        return Character.isLowerCase(c) || !Character.isLetterOrDigit(c) && c != '"' && c != '\u201c';
    }

    /** The end of an item without its closing punctuation and joining word ("; and", ".", ","). */
    private static int trimmedEnd(String text, int start, int end) {
        while (true) {
            int e = end;
            while (e > start && (Character.isWhitespace(text.charAt(e - 1)) || ";,.:".indexOf(text.charAt(e - 1)) >= 0)) {
                e--;
            }
            String tail = text.substring(Math.max(start, e - 4), e);
            if (tail.endsWith(" and")) {
                e -= 4;
            } else if (tail.endsWith(" or")) {
                e -= 3;
            }
            if (e == end) {
                return end;
            }
            end = e;
        }
    }

    private static boolean startsItem(char c) {
        return Character.isLetterOrDigit(c) || c == '"' || c == '\u201c' || c == '(' || c == '$';
    }
}
