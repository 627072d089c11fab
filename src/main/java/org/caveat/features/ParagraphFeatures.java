package org.caveat.features;

import java.util.Locale;
import java.util.regex.Pattern;
import org.caveat.structure.Paragraph;

/**
 * Features of a paragraph of an Item 1A section for deciding whether a risk factor starts at it: the
 * words and shape of its first sentence (a factor's heading says what could go wrong: "Our debt could
 * limit ...", "We depend on a few customers"), how many sentences it holds, what comes before and
 * after it, and the section's style (headings on their own lines, or run into their paragraphs).
 * Stateless and thread-safe.
 */
public final class ParagraphFeatures {
    /** The version of these features; a model trained on another version is refused. */
    public static final int VERSION = 2;
    private static final int NS = Hashing.namespace("paragraph");
    private static final int MAX_WORDS = 24;
    private static final Pattern MODAL = Pattern.compile("\\b(may|could|might|would|can|cannot|will)\\b");
    private static final Pattern HARM = Pattern.compile(
            "\\b(advers\\w*|harm\\w*|negative\\w*|material\\w*|risk\\w*|los(s|ses|e)|declin\\w*|fail\\w*|reduc\\w*|impair\\w*|"
                    + "depend\\w*|subject to|uncertain\\w*|volatil\\w*|difficult\\w*|unable)\\b");
    private final int dimension;

    /**
     * @param dimension the number of hash buckets, a power of two
     */
    public ParagraphFeatures(int dimension) {
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
     * Extracts the features of a paragraph.
     *
     * @param p the paragraph
     * @return its feature vector, of unit length
     */
    public FeatureVector extract(Paragraph p) {
        FeatureVector.Builder b = new FeatureVector.Builder(dimension);
        String first = p.segmentText(p.first());
        String lower = first.toLowerCase(Locale.ROOT);
        String[] words = lower.split("[^\\p{L}\\p{N}']+");
        int start = words.length > 0 && words[0].isEmpty() ? 1 : 0;
        int wordCount = words.length - start;
        String sents = bucket(p.segments(), 1, 2, 3, 5);
        add(b, "bias");
        add(b, "sentences " + sents);
        add(b, "first sentence words " + bucket(wordCount, 3, 6, 11, 21, 36));
        char last = first.charAt(first.length() - 1);
        add(b, "first sentence ends " + (last == '.' ? "." : last == ':' ? ":" : last == ';' ? ";" : Character.isLetterOrDigit(last) ? "word" : "other"));
        boolean modal = MODAL.matcher(lower).find();
        boolean harm = HARM.matcher(lower).find();
        add(b, "modal " + modal);
        add(b, "harm " + harm);
        add(b, "modal and harm " + (modal && harm));
        add(b, "sentences " + sents + ", modal " + modal + ", harm " + harm);
        add(b, "title case " + bucket(capitalisedShare(first), 2, 5, 8));
        add(b, "dash title " + p.dashTitle());
        add(b, "layout heading " + p.plainHeading());
        add(b, "after group heading " + p.afterGroupHeading());
        add(b, "position " + bucket(p.index(), 1, 2, 3, 6));
        String style = bucket((int) Math.round(p.singleSentenceShare() * 10), 2, 4, 6);
        add(b, "style " + style + ", sentences " + sents);
        add(b, "continuation " + Paragraph.opensWithContinuation(first));
        char c0 = first.charAt(0);
        add(b, "opens with " + (Character.isUpperCase(c0) ? "capital" : Character.isLowerCase(c0) ? "lower case"
                : Character.isDigit(c0) ? "digit" : c0 == '(' ? "parenthesis" : "mark"));
        for (int k = start; k < words.length && k < start + MAX_WORDS; k++) {
            add(b, "word " + words[k]);
        }
        if (wordCount > 0) {
            add(b, "opening " + words[start]);
        }
        if (wordCount > 1) {
            add(b, "opening " + words[start] + " " + words[start + 1]);
        }
        if (p.previousFirst() < 0) {
            add(b, "no paragraph before");
        } else {
            int prevSegs = p.previousLast() - p.previousFirst() + 1;
            String prevLast = p.segmentText(p.previousLast());
            char pe = prevLast.charAt(prevLast.length() - 1);
            add(b, "before: sentences " + bucket(prevSegs, 1, 2, 3, 5));
            add(b, "before ends " + (pe == '.' ? "." : pe == ':' ? ":" : pe == ';' ? ";" : "other"));
            boolean prevShort = prevSegs == 1 && prevLast.split("\\s+").length <= 40;
            add(b, "before: one short sentence " + prevShort + ", sentences " + sents);
        }
        if (p.nextFirst() < 0) {
            add(b, "no paragraph after");
        } else {
            int nextSegs = p.nextLast() - p.nextFirst() + 1;
            int length = p.spans().get(p.last()).end() - p.spans().get(p.first()).start();
            int nextLength = p.spans().get(p.nextLast()).end() - p.spans().get(p.nextFirst()).start();
            add(b, "after: sentences " + bucket(nextSegs, 1, 2, 3, 5));
            add(b, "after is longer " + (nextLength > length));
            add(b, "after continues " + Paragraph.opensWithContinuation(p.segmentText(p.nextFirst())));
        }
        return b.build(true);
    }

    private void add(FeatureVector.Builder b, String name) {
        b.add(Hashing.combine(NS, Hashing.chars(NS, name, 0, name.length())), 1f);
    }

    /** The share, in tenths, of words of four letters or more that start with a capital. */
    private static int capitalisedShare(String s) {
        int longWords = 0;
        int capitalised = 0;
        for (String w : s.split("\\s+")) {
            if (w.length() > 3) {
                longWords++;
                capitalised += Character.isUpperCase(w.charAt(0)) ? 1 : 0;
            }
        }
        return longWords == 0 ? 0 : 10 * capitalised / longWords;
    }

    /** Names the bucket of a value: "below t0", "t0-t1", ..., "tn+". */
    private static String bucket(int v, int... bounds) {
        if (v < bounds[0]) {
            return "<" + bounds[0];
        }
        for (int k = 1; k < bounds.length; k++) {
            if (v < bounds[k]) {
                return bounds[k - 1] + "-" + (bounds[k] - 1);
            }
        }
        return bounds[bounds.length - 1] + "+";
    }
}
