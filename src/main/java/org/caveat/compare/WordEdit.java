package org.caveat.compare;

import java.util.Objects;

/**
 * One run of a word-level diff: consecutive words that are kept, inserted or deleted.
 *
 * @param op what happened to the words
 * @param text the words, separated by single spaces (words keep their punctuation)
 */
public record WordEdit(Op op, String text) {

    /** What happened to a run of words. */
    public enum Op {
        /** In both versions. */
        KEEP,
        /** Only in the newer version. */
        INSERT,
        /** Only in the older version. */
        DELETE
    }

    /**
     * Checks that nothing is missing.
     *
     * @throws IllegalArgumentException if the text is empty
     */
    public WordEdit {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a word edit has at least one word");
        }
    }
}
