package org.caveat.features;

/** Helpers for the human-readable feature names of explanations; used only when explaining. */
final class Names {
    static final String[] ORDINAL = {"first", "second", "third"};

    private Names() {
    }

    /**
     * Returns {@code s[from, to)} as {@link Hashing#chars} sees it: lower-cased, with digits folded to
     * '0', so that two texts with one name are one feature.
     */
    static String folded(CharSequence s, int from, int to) {
        StringBuilder b = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            } else if (c >= '0' && c <= '9') {
                c = '0';
            } else if (c > 127) {
                c = Character.toLowerCase(c);
            }
            b.append(c);
        }
        return b.toString();
    }
}
