package org.caveat.features;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a risk item into the pieces that the category tagger scores one by one: an Item 1A factor's
 * heading, then each sentence of its body (a sentence ends at {@code .}, {@code !} or {@code ?} before a
 * capital, digit or opening quote, and at a blank line). The split reads the item's own text, the same way
 * in training and in analysis, so it needs no sentence model. Pieces shorter than {@value #MIN_CHARS}
 * non-blank characters join the piece before them; an item holds at most {@value #MAX_PIECES} pieces, the
 * last taking the rest of a longer item.
 *
 * <p>Stateless and thread-safe.
 */
public final class ItemSentences {
    /** Fewest non-blank characters of a piece of its own. */
    public static final int MIN_CHARS = 20;
    /** Most pieces of one item. */
    public static final int MAX_PIECES = 64;
    private static final Set<String> ABBREVIATIONS = Set.of("inc", "corp", "co", "ltd", "llc", "no", "nos", "mr", "mrs",
            "ms", "dr", "st", "jr", "sr", "vs", "etc", "e.g", "i.e", "l.p", "u.s", "u.k", "approx", "fig", "sec", "art",
            "n.a", "s.a", "p.l.c", "plc", "op", "cf");

    private ItemSentences() {
    }

    /**
     * Splits an item.
     *
     * @param text the text the item lies in
     * @param start the item's first offset
     * @param end the item's end offset
     * @param headingEnd for an Item 1A risk factor, the end offset of its heading; otherwise {@code start}
     * @return start and end offsets of each piece, pairwise, in text order; at least one piece
     * @throws IllegalArgumentException if the offsets do not lie in the text in order
     */
    public static int[] split(CharSequence text, int start, int end, int headingEnd) {
        if (start < 0 || end > text.length() || start > end) {
            throw new IllegalArgumentException("item offsets " + start + ".." + end + " do not lie in a text of length "
                    + text.length());
        }
        int[] cuts = new int[16];
        int n = 0;
        cuts[n++] = start;
        int body = headingEnd > start && headingEnd < end ? headingEnd : start;
        if (body > start) {
            cuts[n++] = body;
        }
        for (int i = body; i < end - 1; i++) {
            char c = text.charAt(i);
            int next = -1;
            if ((c == '.' || c == '!' || c == '?') && !abbreviation(text, body, i)) {
                int j = i + 1;
                while (j < end && isClosing(text.charAt(j))) {
                    j++;
                }
                if (j < end && Character.isWhitespace(text.charAt(j))) {
                    int k = skipSpace(text, j, end);
                    if (k < end && opensSentence(text.charAt(k))) {
                        next = k;
                    }
                }
            } else if (c == '\n') {
                int k = i + 1;
                while (k < end && text.charAt(k) != '\n' && Character.isWhitespace(text.charAt(k))) {
                    k++;
                }
                if (k < end && text.charAt(k) == '\n') {
                    next = skipSpace(text, k, end);
                }
            }
            if (next > cuts[n - 1] && next < end) {
                if (n == cuts.length) {
                    cuts = Arrays.copyOf(cuts, 2 * n);
                }
                cuts[n++] = next;
                i = next - 1;
            }
        }
        return pieces(text, cuts, n, end);
    }

    /** Joins short pieces to the one before and caps the count, trimming blanks at each piece's ends. */
    private static int[] pieces(CharSequence text, int[] cuts, int n, int end) {
        int[] out = new int[2 * Math.min(n, MAX_PIECES)];
        int m = 0;
        for (int k = 0; k < n; k++) {
            int a = cuts[k];
            int b = k + 1 < n && m / 2 < MAX_PIECES - 1 ? cuts[k + 1] : end;
            boolean last = b == end;
            if (m > 0 && solid(text, a, b) < MIN_CHARS) {
                out[m - 1] = trimEnd(text, out[m - 2], b);
            } else {
                int s = skipSpace(text, a, b);
                out[m++] = s < b ? s : a;
                out[m++] = trimEnd(text, a, b);
            }
            if (last) {
                break;
            }
        }
        if (m >= 4 && solid(text, out[0], out[1]) < MIN_CHARS) {
            // a short first piece joins the next one
            int[] merged = new int[m - 2];
            merged[0] = out[0];
            System.arraycopy(out, 3, merged, 1, m - 3);
            return merged;
        }
        return Arrays.copyOf(out, m);
    }

    private static boolean abbreviation(CharSequence text, int from, int dot) {
        int a = dot;
        while (a > from && (Character.isLetter(text.charAt(a - 1)) || text.charAt(a - 1) == '.')) {
            a--;
        }
        if (a == dot) {
            return false; // after a digit, a quote or a bracket
        }
        String word = text.subSequence(a, dot).toString().toLowerCase(Locale.ROOT);
        return word.length() == 1 && Character.isUpperCase(text.charAt(a)) || ABBREVIATIONS.contains(word);
    }

    private static boolean isClosing(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '\u201d' || c == '\u2019';
    }

    private static boolean opensSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '(' || c == '\u201c' || c == '\u2022';
    }

    private static int skipSpace(CharSequence text, int i, int end) {
        while (i < end && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int trimEnd(CharSequence text, int a, int b) {
        while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
            b--;
        }
        return b;
    }

    private static int solid(CharSequence text, int a, int b) {
        int n = 0;
        for (int i = a; i < b; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
