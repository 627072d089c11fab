package org.caveat.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.caveat.Analysis;
import org.caveat.CategoryScore;
import org.caveat.RiskCategory;
import org.caveat.RiskItem;
import org.caveat.Segment;
import org.caveat.SegmentType;

/** Counts for the summaries of the text and HTML reports: segments and words per type, items per category. */
final class Summary {
    final Map<SegmentType, Integer> segments = new EnumMap<>(SegmentType.class);
    final Map<SegmentType, Integer> words = new EnumMap<>(SegmentType.class);
    final Map<RiskCategory, Integer> items = new EnumMap<>(RiskCategory.class);
    int totalWords;

    Summary(Analysis a) {
        for (SegmentType t : SegmentType.values()) {
            segments.put(t, 0);
            words.put(t, 0);
        }
        for (Segment s : a.segments()) {
            int w = words(s.text());
            segments.merge(s.type(), 1, Integer::sum);
            words.merge(s.type(), w, Integer::sum);
            totalWords += w;
        }
        for (RiskItem r : a.riskItems()) {
            for (CategoryScore c : r.categories()) {
                items.merge(c.category(), 1, Integer::sum);
            }
        }
    }

    /** @return the categories that occur, most items first, then in specification order */
    List<RiskCategory> categoriesByCount() {
        List<RiskCategory> out = new ArrayList<>(items.keySet());
        out.sort(Comparator.comparing((RiskCategory c) -> -items.get(c)).thenComparing(Enum::ordinal));
        return out;
    }

    /**
     * The risk items grouped by the first segment they lie in: the reports show an item (underlined, with
     * its chips) where it starts.
     *
     * @return for each segment index, the items starting in it, in document order
     */
    static List<List<RiskItem>> itemsByFirstSegment(Analysis a) {
        List<List<RiskItem>> startingIn = new ArrayList<>();
        for (int i = 0; i < a.segments().size(); i++) {
            startingIn.add(new ArrayList<>());
        }
        for (RiskItem r : a.riskItems()) {
            if (!r.segments().isEmpty()) {
                startingIn.get(r.segments().get(0)).add(r);
            }
        }
        return startingIn;
    }

    /** Words as a reader counts them: runs of characters between whitespace. */
    static int words(String s) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = Character.isWhitespace(s.charAt(i));
            if (!space && !in) {
                n++;
            }
            in = !space;
        }
        return n;
    }
}
