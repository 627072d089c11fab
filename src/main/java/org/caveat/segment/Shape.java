package org.caveat.segment;

/** What a segment looks like on the page, before anything is known of its meaning. */
public enum Shape {
    /** An ordinary sentence of running text. */
    SENTENCE,
    /** A short line of its own without closing punctuation: a title, a heading, a contact line. */
    HEADING,
    /** The first sentence of a bullet or numbered item. */
    BULLET,
    /** A table row: cells separated by tabs or wide gaps. */
    TABLE_ROW
}
