package org.caveat;

/**
 * Whether a segment is boilerplate or substance: the coarse label of {@code labels.md} section 1.
 * The names are the stable identifiers used in JSON output and model files.
 */
public enum Kind {
    /** Text pasted into every filing: safe harbors, company profiles, legal notices. */
    BOILERPLATE,
    /** Text that says something specific to this filing: facts and forward-looking claims. */
    SUBSTANTIVE
}
