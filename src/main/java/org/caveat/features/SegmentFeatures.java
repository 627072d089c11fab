package org.caveat.features;

import java.util.List;
import org.caveat.segment.SegmentSpan;
import org.caveat.structure.DocumentStructure;

/**
 * Features of each segment for the segment-type classifier, shared by training and prediction:
 * word unigrams and bigrams, character trigrams, the opening words, cue lexicons of the segment, of
 * its paragraph and of its neighbours, the words of its paragraph and neighbours, its shape, its
 * position in the paragraph and the document, and the structure (section and Item 1A role).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SegmentFeatures {
    /** Changes whenever the features change, so that a model trained on other features is refused. */
    public static final int VERSION = 1;
    private static final int MAX_WORDS = 400;

    private static final int NS_W = Hashing.namespace("w");
    private static final int NS_B = Hashing.namespace("b");
    private static final int NS_C = Hashing.namespace("c");
    private static final int NS_F = Hashing.namespace("f");
    private static final int NS_K = Hashing.namespace("k");
    private static final int NS_P = Hashing.namespace("p");
    private static final int NS_N = Hashing.namespace("n");
    private static final int NS_CUE = Hashing.namespace("cue");
    private static final int NS_KCUE = Hashing.namespace("kcue");
    private static final int NS_PCUE = Hashing.namespace("pcue");
    private static final int NS_NCUE = Hashing.namespace("ncue");
    private static final int NS_WORD = Hashing.namespace("word");
    private static final int BIAS = Hashing.namespace("bias");

    private final int dimension;

    /**
     * @param dimension the number of hash buckets, a power of two
     */
    public SegmentFeatures(int dimension) {
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
     * Extracts the features of every segment of a document.
     *
     * @param doc the document's structure
     * @return one vector per segment, in segment order
     */
    public FeatureVector[] extract(DocumentStructure doc) {
        String text = doc.text();
        List<SegmentSpan> spans = doc.spans();
        int n = spans.size();
        long[] cues = new long[n];
        int[][] wordHashes = new int[n][];
        int[] buf = new int[2 * MAX_WORDS];
        for (int i = 0; i < n; i++) {
            SegmentSpan s = spans.get(i);
            cues[i] = Cues.fire(text.subSequence(s.start(), s.end()));
            int w = Words.find(text, s.start(), s.end(), buf);
            int[] h = new int[w];
            for (int k = 0; k < w; k++) {
                h[k] = Hashing.chars(NS_WORD, text, buf[2 * k], buf[2 * k + 1]);
            }
            wordHashes[i] = h;
        }
        FeatureVector[] out = new FeatureVector[n];
        FeatureVector.Builder b = new FeatureVector.Builder(dimension);
        for (int i = 0; i < n; i++) {
            SegmentSpan s = spans.get(i);
            b.add(BIAS, 1f);
            int[] h = wordHashes[i];
            for (int k = 0; k < h.length; k++) {
                b.add(Hashing.combine(NS_W, h[k]), 1f);
                if (k > 0) {
                    b.add(Hashing.combine(NS_B, Hashing.combine(h[k - 1], h[k])), 1f);
                }
                if (k < 3) {
                    b.add(Hashing.combine(NS_F + k, h[k]), 1f);
                }
            }
            if (h.length >= 2) {
                b.add(Hashing.combine(NS_F + 7, Hashing.combine(h[0], h[1])), 1f);
            }
            int words = Words.find(text, s.start(), s.end(), buf);
            for (int k = 0; k < Math.min(words, 60); k++) {
                int a = buf[2 * k];
                int e = buf[2 * k + 1];
                if (e - a >= 4 && e - a <= 20) {
                    for (int c = a; c + 3 <= e; c++) {
                        b.add(Hashing.chars(NS_C, text, c, c + 3), 0.2f);
                    }
                }
            }
            addCues(b, NS_CUE, cues[i]);
            if (i > 0) {
                addCues(b, NS_PCUE, cues[i - 1]);
                addWords(b, NS_P, wordHashes[i - 1], 0.5f);
            } else {
                b.add(named("first-segment"), 1f);
            }
            if (i + 1 < n) {
                addCues(b, NS_NCUE, cues[i + 1]);
                addWords(b, NS_N, wordHashes[i + 1], 0.5f);
            } else {
                b.add(named("last-segment"), 1f);
            }
            int bf = doc.blockFirst(i);
            int bl = doc.blockLast(i);
            long blockCues = 0;
            for (int j = bf; j <= bl; j++) {
                blockCues |= cues[j];
                if (j != i) {
                    addWords(b, NS_K, wordHashes[j], 0.25f);
                }
            }
            addCues(b, NS_KCUE, blockCues);
            int size = bl - bf + 1;
            String blockPos = size == 1 ? "only" : i == bf ? "first" : i == bl ? "last" : "middle";
            b.add(named("bpos:" + blockPos), 1f);
            b.add(named("bsize:" + (size == 1 ? "1" : size == 2 ? "2" : size <= 5 ? "3-5" : "6+")), 1f);
            b.add(named("shape:" + s.shape()), 1f);
            b.add(named("sec:" + doc.section(i)), 1f);
            b.add(named("sec-shape:" + doc.section(i) + ":" + s.shape()), 1f);
            b.add(named("role:" + doc.role(i)), 1f);
            b.add(named("risk-doc:" + doc.hasRiskSection()), 1f);
            b.add(named("dpos:" + (n <= 1 ? 0 : (10 * i) / n)), 1f);
            int fromEnd = n - 1 - i;
            b.add(named("dend:" + (fromEnd == 0 ? "0" : fromEnd <= 2 ? "1-2" : fromEnd <= 5 ? "3-5" : fromEnd <= 10 ? "6-10"
                    : fromEnd <= 25 ? "11-25" : "26+")), 1f);
            b.add(named("dstart:" + (i == 0 ? "0" : i <= 2 ? "1-2" : i <= 5 ? "3-5" : "6+")), 1f);
            int len = h.length;
            b.add(named("len:" + (len <= 3 ? "1-3" : len <= 8 ? "4-8" : len <= 20 ? "9-20" : len <= 50 ? "21-50" : "51+")), 1f);
            out[i] = b.build(false);
        }
        return out;
    }

    private static void addCues(FeatureVector.Builder b, int ns, long bits) {
        while (bits != 0) {
            int k = Long.numberOfTrailingZeros(bits);
            b.add(Hashing.combine(ns, Cues.ALL.get(k).hash()), 1f);
            bits &= bits - 1;
        }
    }

    private static void addWords(FeatureVector.Builder b, int ns, int[] hashes, float value) {
        for (int h : hashes) {
            b.add(Hashing.combine(ns, h), value);
        }
    }

    private static int named(String feature) {
        return Hashing.namespace(feature);
    }
}
