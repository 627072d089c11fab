package org.caveat;

/** The format an input was recognised as, from its content. */
public enum SourceFormat {
    /** Plain text; the analysed text is the input itself. */
    PLAIN_TEXT,
    /** An HTML document; the analysed text is extracted from it, a paragraph per block and a line per table row. */
    HTML,
    /** An EDGAR submission file (SGML with {@code <DOCUMENT>} blocks); one of its documents is analysed. */
    EDGAR_SUBMISSION
}
