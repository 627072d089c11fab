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
        for (int i = 0; i < spans.size(); i++) {
            if (factor < factors.size() && factors.get(factor)[0] == i) {
                int[] f = factors.get(factor++);
                int headingEnd = spans.get(f[0]).end();
                for (int k = f[0]; k <= f[1] && doc.role(k) == Role.FACTOR_HEADING; k++) {
                    headingEnd = spans.get(k).end();
                }
                items.add(new ItemSpan(spans.get(f[0]).start(), spans.get(f[1]).end(), headingEnd));
                continue;
            }
            if (doc.role(i) != Role.NONE) {
                continue;
            }
            SegmentSpan s = spans.get(i);
            boolean disclaimer = classified.types()[i] == SegmentType.SAFE_HARBOR;
            String t = text.substring(s.start(), s.end());
            if (disclaimer || RISK_WORDS.matcher(t).find()) {
                for (int[] it : ListItems.find(text, s.start(), s.end())) {
                    items.add(new ItemSpan(it[0], it[1], it[0]));
                }
            }
            if (t.endsWith(":") && (disclaimer || RISK_WORDS.matcher(t).find())) {
                int k = i + 1;
                while (k < spans.size() && spans.get(k).shape() == Shape.BULLET) {
                    int[] it = ListItems.bullet(text, spans.get(k).start(), spans.get(k).end());
                    if (it != null) {
                        items.add(new ItemSpan(it[0], it[1], it[0]));
                    }
                    k++;
                }
                i = k - 1;
            }
        }
        items.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return items;
    }
}
