package org.caveat.train;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caveat.RiskCategory;
import org.caveat.SegmentType;

/**
 * One labelled training document.
 *
 * @param name the file's path relative to the corpus folder, with '/' separators
 * @param metadata the header values ({@code kind}, {@code industry}, {@code year}, {@code style}, {@code author})
 * @param text the document text with the tags removed
 * @param segments the gold segments, in order
 * @param items the gold risk items, in order
 */
public record CorpusDocument(String name, Map<String, String> metadata, String text, List<GoldSegment> segments,
                             List<GoldItem> items) {

    /** Takes immutable copies. */
    public CorpusDocument {
        metadata = Map.copyOf(metadata);
        segments = List.copyOf(segments);
        items = List.copyOf(items);
    }

    /**
     * A gold segment.
     *
     * @param start first offset
     * @param end end offset (exclusive)
     * @param type its type
     */
    public record GoldSegment(int start, int end, SegmentType type) {
    }

    /**
     * A gold risk item.
     *
     * @param start first offset
     * @param end end offset (exclusive)
     * @param categories its categories
     */
    public record GoldItem(int start, int end, Set<RiskCategory> categories) {

        /** Takes an immutable copy that iterates in category order. */
        public GoldItem {
            if (categories.isEmpty()) {
                throw new IllegalArgumentException("a risk item has at least one category");
            }
            categories = java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(categories));
        }
    }

    /** @return the document kind from the header: {@code press-release} or {@code risk-factors} */
    public String kind() {
        return metadata.getOrDefault("kind", "");
    }
}
