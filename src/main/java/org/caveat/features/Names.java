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
            b.append(Hashing.fold(s.charAt(i)));
        }
        return b.toString();
    }
}
