package org.caveat.features;

import java.util.List;
import org.caveat.segment.SegmentSpan;
import org.caveat.structure.DocumentStructure;
import org.caveat.structure.Section;

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
    public static final int VERSION = 5;
    private static final int MAX_WORDS = 400;
    private static final float STRUCTURE = 3f;
    /** Character trigrams are taken from this many words of a segment at most. */
    private static final int CHAR_GRAM_WORDS = 60;
    /**
     * Paragraph-context words come from at most this many segments on either side. Real paragraphs
     * have far fewer (the largest seen in filings has 49 segments), so this changes nothing there; it
     * keeps a paragraph of thousands of segments (a long table or list without blank lines) from
     * costing time quadratic in its size.
     */
    static final int BLOCK_CONTEXT_SEGMENTS = 64;

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
        return extract(doc, true);
    }

    /**
     * Extracts the features of every segment of a document, optionally without its context.
     *
     * @param doc the document's structure
     * @param withContext false to leave out everything but the segment's own words, cues and shape;
     *     training adds such context-free copies so that the words alone carry a decision where the
     *     layout of a filing differs from the training documents'
     * @return one vector per segment, in segment order
     */
    public FeatureVector[] extract(DocumentStructure doc, boolean withContext) {
        String text = doc.text();
        List<SegmentSpan> spans = doc.spans();
        int n = spans.size();
        long[] cues = new long[n];
        int[][] wordHashes = new int[n][];
        int[][] charGramWords = new int[n][];
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
            charGramWords[i] = java.util.Arrays.copyOf(buf, 2 * Math.min(w, CHAR_GRAM_WORDS));
        }
        long[] blockCuesOf = new long[n];
        for (int i = 0; i < n; i++) {
            int bf = doc.blockFirst(i);
            blockCuesOf[bf] |= cues[i];
        }
        int[] repeats = repeats(text, spans);
        int[] sectionBlock = new int[n];
        for (int i = 0; i < n; i++) {
            sectionBlock[i] = i > 0 && doc.section(i) == doc.section(i - 1) ? sectionBlock[i - 1] : spans.get(i).block();
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
            int[] ranges = charGramWords[i];
            for (int k = 0; k < ranges.length / 2; k++) {
                int a = ranges[2 * k];
                int e = ranges[2 * k + 1];
                if (e - a >= 4 && e - a <= 20) {
                    for (int c = a; c + 3 <= e; c++) {
                        b.add(Hashing.chars(NS_C, text, c, c + 3), 0.2f);
                    }
                }
            }
            addCues(b, NS_CUE, cues[i]);
            b.add(named("shape:" + s.shape()), STRUCTURE);
            int len = h.length;
            b.add(named("len:" + (len <= 3 ? "1-3" : len <= 8 ? "4-8" : len <= 20 ? "9-20" : len <= 50 ? "21-50" : "51+")), 1f);
            if (!withContext) {
                out[i] = b.build(false);
                continue;
            }
            if (i > 0) {
                addCues(b, NS_PCUE, cues[i - 1]);
                addWords(b, NS_P, wordHashes[i - 1], 0.5f);
            }
            if (i + 1 < n) {
                addCues(b, NS_NCUE, cues[i + 1]);
                addWords(b, NS_N, wordHashes[i + 1], 0.5f);
            }
            int bf = doc.blockFirst(i);
            int bl = doc.blockLast(i);
            for (int j = Math.max(bf, i - BLOCK_CONTEXT_SEGMENTS); j <= Math.min(bl, i + BLOCK_CONTEXT_SEGMENTS); j++) {
                if (j != i) {
                    addWords(b, NS_K, wordHashes[j], 0.25f);
                }
            }
            addCues(b, NS_KCUE, blockCuesOf[bf]);
            int size = bl - bf + 1;
            String blockPos = size == 1 ? "only" : i == bf ? "first" : i == bl ? "last" : "middle";
            b.add(named("bpos:" + blockPos), 1f);
            b.add(named("bsize:" + (size == 1 ? "1" : size == 2 ? "2" : size <= 5 ? "3-5" : "6+")), 1f);
            // Structure features carry larger values: under L2 regularisation that lets a handful of them
            // outweigh the many word features where the layout is clear (an About section, an Item 1A body).
            Section section = doc.section(i);
            if (section != Section.NONE && section != Section.OTHER) {
                // Only a heading that names its section says something; a title or topic heading does not.
                // A section runs to the next heading, which may be far: the nearer paragraphs count most.
                int distance = s.block() - sectionBlock[i];
                String near = distance <= 0 ? "0" : distance == 1 ? "1" : distance == 2 ? "2" : "3+";
                b.add(named("sec:" + section), 1f);
                b.add(named("sec-dist:" + section + ":" + near), 1f);
                b.add(named("sec-shape:" + section + ":" + s.shape()), 1f);
            }
            b.add(named("role:" + doc.role(i)), STRUCTURE);
            b.add(named("risk-doc:" + doc.hasRiskSection()), STRUCTURE);
            b.add(named("repeat:" + Math.min(3, repeats[i])), STRUCTURE);
            b.add(named("dpos:" + (n <= 1 ? 0 : (10 * i) / n)), 1f);
            int fromEnd = n - 1 - i;
            // Coarse distances from the ends: boilerplate gathers at the end, but the very last segment may be
            // a safe harbor as well as a contact line, so no bucket singles it out.
            b.add(named("dend:" + (fromEnd <= 3 ? "0-3" : fromEnd <= 12 ? "4-12" : "13+")), 1f);
            b.add(named("dstart:" + (i == 0 ? "0" : i <= 4 ? "1-4" : "5+")), 1f);
            out[i] = b.build(false);
        }
        return out;
    }

    /**
     * How often each segment's text (of five words or more) occurs in the document: notices pasted
     * under every table repeat verbatim, while statements of fact rarely do.
     */
    private static int[] repeats(String text, List<SegmentSpan> spans) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        String[] keys = new String[spans.size()];
        for (int i = 0; i < spans.size(); i++) {
            SegmentSpan s = spans.get(i);
            if (s.end() - s.start() >= 30) {
                keys[i] = text.substring(s.start(), s.end()).replaceAll("\\s+", " ");
                counts.merge(keys[i], 1, Integer::sum);
            }
        }
        int[] r = new int[spans.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = keys[i] == null ? 0 : counts.get(keys[i]);
        }
        return r;
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
