package org.caveat.read;

/**
 * A view of text with typographic variants folded to their ASCII forms, for pattern matching: the
 * Unicode hyphens and minus signs (U+2010 to U+2012, U+2212, U+FE63, U+FF0D) read as '-', curly
 * apostrophes and single quotes as {@code '}, curly double quotes as {@code "}. Real filings write
 * "forward‑looking" with a non-breaking hyphen as often as with '-'; a pattern written with '-' should
 * match both. The view has the length of the text, so offsets found in it are offsets in the text.
 *
 * <p>The view reads the text it wraps on every access; it is as thread-safe as that text.
 */
public final class Typography implements CharSequence {
    private final CharSequence text;
    private final int from;
    private final int to;

    private Typography(CharSequence text, int from, int to) {
        this.text = text;
        this.from = from;
        this.to = to;
    }

    /**
     * Wraps text in a folding view.
     *
     * @param text the text, not null
     * @return a view of the same length whose characters are folded by {@link #fold(char)}, or the text
     *     itself when it holds no character to fold
     */
    public static CharSequence folded(CharSequence text) {
        if (text instanceof Typography) {
            return text;
        }
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= '\u2010' && fold(c) != c) {
                return new Typography(text, 0, n);
            }
        }
        return text; // nothing to fold: the text itself, read at full speed
    }

    /**
     * Folds one character.
     *
     * @param c a character
     * @return its ASCII form when it is a hyphen, minus sign or curly quote variant; otherwise {@code c}
     */
    public static char fold(char c) {
        switch (c) {
            case '\u2010', '\u2011', '\u2012', '\u2212', '\uFE63', '\uFF0D':
                return '-';
            case '\u2018', '\u2019', '\u201B':
                return '\'';
            case '\u201C', '\u201D', '\u201F':
                return '"';
            default:
                return c;
        }
    }

    @Override
    public int length() {
        return to - from;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= to - from) {
            throw new IndexOutOfBoundsException("index " + index + " outside [0, " + (to - from) + ")");
        }
        return fold(text.charAt(from + index));
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        if (start < 0 || end > to - from || start > end) {
            throw new IndexOutOfBoundsException("range [" + start + ", " + end + ") outside [0, " + (to - from) + "]");
        }
        return new Typography(text, from + start, from + end);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            b.append(fold(text.charAt(i)));
        }
        return b.toString();
    }
}
