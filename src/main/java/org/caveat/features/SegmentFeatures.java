package org.caveat.features;

import java.util.List;
import org.caveat.read.Typography;
import org.caveat.segment.SegmentSpan;
import org.caveat.segment.Shape;
import org.caveat.structure.DocumentStructure;
import org.caveat.structure.Role;
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
    public static final int VERSION = 6;
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
    // Hashes of the named features, worked out once rather than built from strings for every segment.
    private static final int[] SHAPE = names("shape:", Shape.values());
    private static final String[] LEN_NAMES = {"1-3", "4-8", "9-20", "21-50", "51+"};
    private static final int[] LEN = names("len:", (Object[]) LEN_NAMES);
    private static final String[] BPOS_NAMES = {"only", "first", "last", "middle"};
    private static final int[] BPOS = names("bpos:", (Object[]) BPOS_NAMES);
    private static final String[] BSIZE_NAMES = {"1", "2", "3-5", "6+"};
    private static final int[] BSIZE = names("bsize:", (Object[]) BSIZE_NAMES);
    private static final String[] SEC_DIST_NAMES = {"0", "1", "2", "3+"};
    private static final String[] DEND_NAMES = {"0-3", "4-12", "13+"};
    private static final String[] DSTART_NAMES = {"0", "1-4", "5+"};
    private static final int[] SEC = names("sec:", Section.values());
    private static final int[][] SEC_DIST = new int[Section.values().length][];
    private static final int[][] SEC_SHAPE = new int[Section.values().length][];
    private static final int[] ROLE = names("role:", Role.values());
    private static final int RISK_DOC_TRUE = named("risk-doc:true");
    private static final int RISK_DOC_FALSE = named("risk-doc:false");
    private static final int[] REPEAT = names("repeat:", "0", "1", "2", "3");
    private static final int[] DPOS = names("dpos:", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    private static final int[] DEND = names("dend:", "0-3", "4-12", "13+");
    private static final int[] DSTART = names("dstart:", "0", "1-4", "5+");

    static {
        for (Section section : Section.values()) {
            SEC_DIST[section.ordinal()] = names("sec-dist:" + section + ":", (Object[]) SEC_DIST_NAMES);
            SEC_SHAPE[section.ordinal()] = names("sec-shape:" + section + ":", Shape.values());
        }
    }

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
        FeatureVector[] out = new FeatureVector[doc.spans().size()];
        extract(doc, withContext, (i, b) -> out[i] = b.build(false));
        return out;
    }

    /** Receives the features of each segment in turn. */
    @FunctionalInterface
    public interface Sink {
        /**
         * Takes one segment's features. The builder holds them unmerged (an index may occur more than
         * once, and then its values add up); it is cleared after the call, so use it or copy it now.
         *
         * @param segment the segment's index
         * @param features the segment's features
         */
        void accept(int segment, FeatureVector.Builder features);
    }

    /**
     * Extracts the features of every segment of a document into a sink, without building vectors:
     * the fast path of prediction.
     *
     * @param doc the document's structure
     * @param withContext as for {@link #extract(DocumentStructure, boolean)}
     * @param sink receives each segment's features, in segment order
     */
    public void extract(DocumentStructure doc, boolean withContext, Sink sink) {
        extract(doc, withContext, sink, false);
    }

    /**
     * Extracts the features of every segment of a document into a sink, optionally naming each one:
     * the explaining path. The features, their order and values are those of the prediction path; only
     * the names are added, and their strings are built only when naming.
     *
     * @param doc the document's structure
     * @param withContext as for {@link #extract(DocumentStructure, boolean)}
     * @param sink receives each segment's features, in segment order
     * @param naming whether the builder passed to the sink names each feature (see
     *     {@link FeatureVector.Builder#name(int)}); the constant bias feature is left unnamed
     */
    public void extract(DocumentStructure doc, boolean withContext, Sink sink, boolean naming) {
        String text = doc.text();
        List<SegmentSpan> spans = doc.spans();
        int n = spans.size();
        long[] cues = new long[n];
        int[][] wordHashes = new int[n][];
        int[][] charGramWords = new int[n][];
        int[] buf = new int[2 * MAX_WORDS];
        String[][] words = naming ? new String[n][] : null;
        PatternSet.Searcher cueSearch = Cues.searcher();
        for (int i = 0; i < n; i++) {
            SegmentSpan s = spans.get(i);
            cues[i] = cueSearch.find(Typography.folded(text.subSequence(s.start(), s.end())));
            int w = Words.find(text, s.start(), s.end(), buf);
            int[] h = new int[w];
            for (int k = 0; k < w; k++) {
                h[k] = Hashing.chars(NS_WORD, text, buf[2 * k], buf[2 * k + 1]);
            }
            wordHashes[i] = h;
            if (naming) {
                words[i] = new String[w];
                for (int k = 0; k < w; k++) {
                    words[i][k] = Names.folded(text, buf[2 * k], buf[2 * k + 1]);
                }
            }
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
        FeatureVector.Builder b = new FeatureVector.Builder(dimension, naming);
        for (int i = 0; i < n; i++) {
            SegmentSpan s = spans.get(i);
            b.add(BIAS, 1f);
            int[] h = wordHashes[i];
            for (int k = 0; k < h.length; k++) {
                b.add(Hashing.combine(NS_W, h[k]), 1f);
                if (naming) {
                    b.name("word \"" + words[i][k] + "\"");
                }
                if (k > 0) {
                    b.add(Hashing.combine(NS_B, Hashing.combine(h[k - 1], h[k])), 1f);
                    if (naming) {
                        b.name("bigram \"" + words[i][k - 1] + " " + words[i][k] + "\"");
                    }
                }
                if (k < 3) {
                    b.add(Hashing.combine(NS_F + k, h[k]), 1f);
                    if (naming) {
                        b.name(Names.ORDINAL[k] + " word \"" + words[i][k] + "\"");
                    }
                }
            }
            if (h.length >= 2) {
                b.add(Hashing.combine(NS_F + 7, Hashing.combine(h[0], h[1])), 1f);
                if (naming) {
                    b.name("opening \"" + words[i][0] + " " + words[i][1] + "\"");
                }
            }
            int[] ranges = charGramWords[i];
            for (int k = 0; k < ranges.length / 2; k++) {
                int a = ranges[2 * k];
                int e = ranges[2 * k + 1];
                if (e - a >= 4 && e - a <= 20) {
                    for (int c = a; c + 3 <= e; c++) {
                        b.add(Hashing.chars(NS_C, text, c, c + 3), 0.2f);
                        if (naming) {
                            b.name("chars \"" + Names.folded(text, c, c + 3) + "\"");
                        }
                    }
                }
            }
            addCues(b, NS_CUE, cues[i], "this segment");
            b.add(SHAPE[s.shape().ordinal()], STRUCTURE);
            if (naming) {
                b.name("shape " + s.shape());
            }
            int len = h.length;
            int lenBucket = len <= 3 ? 0 : len <= 8 ? 1 : len <= 20 ? 2 : len <= 50 ? 3 : 4;
            b.add(LEN[lenBucket], 1f);
            if (naming) {
                b.name("length " + LEN_NAMES[lenBucket] + " words");
            }
            if (!withContext) {
                sink.accept(i, b);
                b.clear();
                continue;
            }
            if (i > 0) {
                addCues(b, NS_PCUE, cues[i - 1], "previous segment");
                addWords(b, NS_P, wordHashes[i - 1], 0.5f, naming ? words[i - 1] : null, "previous segment");
            }
            if (i + 1 < n) {
                addCues(b, NS_NCUE, cues[i + 1], "next segment");
                addWords(b, NS_N, wordHashes[i + 1], 0.5f, naming ? words[i + 1] : null, "next segment");
            }
            int bf = doc.blockFirst(i);
            int bl = doc.blockLast(i);
            for (int j = Math.max(bf, i - BLOCK_CONTEXT_SEGMENTS); j <= Math.min(bl, i + BLOCK_CONTEXT_SEGMENTS); j++) {
                if (j != i) {
                    addWords(b, NS_K, wordHashes[j], 0.25f, naming ? words[j] : null, "paragraph");
                }
            }
            addCues(b, NS_KCUE, blockCuesOf[bf], "paragraph");
            int size = bl - bf + 1;
            int blockPos = size == 1 ? 0 : i == bf ? 1 : i == bl ? 2 : 3;
            b.add(BPOS[blockPos], 1f);
            if (naming) {
                b.name("paragraph position " + BPOS_NAMES[blockPos]);
            }
            int sizeBucket = size == 1 ? 0 : size == 2 ? 1 : size <= 5 ? 2 : 3;
            b.add(BSIZE[sizeBucket], 1f);
            if (naming) {
                b.name("paragraph of " + BSIZE_NAMES[sizeBucket] + " segments");
            }
            // Structure features carry larger values: under L2 regularisation that lets a handful of them
            // outweigh the many word features where the layout is clear (an About section, an Item 1A body).
            Section section = doc.section(i);
            if (section != Section.NONE && section != Section.OTHER) {
                // Only a heading that names its section says something; a title or topic heading does not.
                // A section runs to the next heading, which may be far: the nearer paragraphs count most.
                int distance = s.block() - sectionBlock[i];
                int near = distance <= 0 ? 0 : distance == 1 ? 1 : distance == 2 ? 2 : 3;
                b.add(SEC[section.ordinal()], 1f);
                if (naming) {
                    b.name("section " + section);
                }
                b.add(SEC_DIST[section.ordinal()][near], 1f);
                if (naming) {
                    b.name("section " + section + ", " + SEC_DIST_NAMES[near] + " paragraphs after its heading");
                }
                b.add(SEC_SHAPE[section.ordinal()][s.shape().ordinal()], 1f);
                if (naming) {
                    b.name("section " + section + ", shape " + s.shape());
                }
            }
            b.add(ROLE[doc.role(i).ordinal()], STRUCTURE);
            if (naming) {
                b.name("role " + doc.role(i));
            }
            b.add(doc.hasRiskSection() ? RISK_DOC_TRUE : RISK_DOC_FALSE, STRUCTURE);
            if (naming) {
                b.name(doc.hasRiskSection() ? "document has Item 1A" : "document without Item 1A");
            }
            int repeat = Math.min(3, repeats[i]);
            b.add(REPEAT[repeat], STRUCTURE);
            if (naming) {
                b.name(repeat == 0 ? "short segment (not checked for repeats)"
                        : repeat == 1 ? "text occurs once" : repeat == 2 ? "text occurs twice" : "text occurs 3+ times");
            }
            int decile = n <= 1 ? 0 : (10 * i) / n;
            b.add(DPOS[decile], 1f);
            if (naming) {
                b.name("document position " + decile * 10 + "-" + (decile * 10 + 10) + "%");
            }
            int fromEnd = n - 1 - i;
            // Coarse distances from the ends: boilerplate gathers at the end, but the very last segment may be
            // a safe harbor as well as a contact line, so no bucket singles it out.
            int endBucket = fromEnd <= 3 ? 0 : fromEnd <= 12 ? 1 : 2;
            b.add(DEND[endBucket], 1f);
            if (naming) {
                b.name(DEND_NAMES[endBucket] + " segments before the end");
            }
            int startBucket = i == 0 ? 0 : i <= 4 ? 1 : 2;
            b.add(DSTART[startBucket], 1f);
            if (naming) {
                b.name(DSTART_NAMES[startBucket] + " segments after the start");
            }
            sink.accept(i, b);
            b.clear();
        }
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
                keys[i] = collapseSpaces(text, s.start(), s.end());
                counts.merge(keys[i], 1, Integer::sum);
            }
        }
        int[] r = new int[spans.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = keys[i] == null ? 0 : counts.get(keys[i]);
        }
        return r;
    }

    /** {@code text.substring(from, to).replaceAll("\\s+", " ")}, without a regex. */
    private static String collapseSpaces(String text, int from, int to) {
        StringBuilder b = new StringBuilder(to - from);
        boolean space = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r') {
                space = true;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        if (space) {
            b.append(' ');
        }
        return b.toString();
    }

    private static void addCues(FeatureVector.Builder b, int ns, long bits, String where) {
        while (bits != 0) {
            int k = Long.numberOfTrailingZeros(bits);
            b.add(Hashing.combine(ns, Cues.ALL.get(k).hash()), 1f);
            if (b.naming()) {
                b.name("cue " + Cues.ALL.get(k).name() + " (" + where + ")");
            }
            bits &= bits - 1;
        }
    }

    /** Adds words of another segment; {@code words} (their names) is null unless naming. */
    private static void addWords(FeatureVector.Builder b, int ns, int[] hashes, float value, String[] words, String where) {
        for (int k = 0; k < hashes.length; k++) {
            b.add(Hashing.combine(ns, hashes[k]), value);
            if (words != null) {
                b.name("word \"" + words[k] + "\" (" + where + ")");
            }
        }
    }

    private static int[] names(String prefix, Object... values) {
        int[] h = new int[values.length];
        for (int k = 0; k < values.length; k++) {
            h[k] = named(prefix + values[k]);
        }
        return h;
    }

    private static int named(String feature) {
        return Hashing.namespace(feature);
    }
}
