package org.caveat.features;

/**
 * Features of a risk item for the category tagger: word unigrams and bigrams of the item, with the
 * words of an Item 1A risk factor's heading counted again under their own names, scaled to unit length.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ItemFeatures {
    /** Changes whenever the features change. */
    public static final int VERSION = 1;
    private static final int NS_W = Hashing.namespace("iw");
    private static final int NS_B = Hashing.namespace("ib");
    private static final int NS_H = Hashing.namespace("ih");
    private static final int NS_WORD = Hashing.namespace("word");
    private static final int MAX_WORDS = 3000;

    private final int dimension;

    /**
     * @param dimension the number of hash buckets, a power of two
     */
    public ItemFeatures(int dimension) {
        if (Integer.bitCount(dimension) != 1) {
            throw new IllegalArgumentException("dimension must be a power of two, was " + dimension);
        }
        this.dimension = dimension;
    }

    /** @return the number of hash buckets */
    public int dimension() {
        return dimension;
    }

    /**
     * Extracts the features of a risk item.
     *
     * @param text the text the item lies in
     * @param start the item's first offset
     * @param end the item's end offset
     * @param headingEnd for an Item 1A risk factor, the end offset of its heading; otherwise {@code start}
     * @return the feature vector, of unit length
     */
    public FeatureVector extract(CharSequence text, int start, int end, int headingEnd) {
        FeatureVector.Builder b = new FeatureVector.Builder(dimension);
        int[] buf = new int[2 * MAX_WORDS];
        int n = Words.find(text, start, end, buf);
        int prev = 0;
        for (int k = 0; k < n; k++) {
            int h = Hashing.chars(NS_WORD, text, buf[2 * k], buf[2 * k + 1]);
            b.add(Hashing.combine(NS_W, h), 1f);
            if (k > 0) {
                b.add(Hashing.combine(NS_B, Hashing.combine(prev, h)), 1f);
            }
            if (buf[2 * k + 1] <= headingEnd) {
                b.add(Hashing.combine(NS_H, h), 1f);
            }
            prev = h;
        }
        if (b.count() == 0) {
            b.add(NS_W, 1f);
        }
        return b.build(true);
    }
}
