package org.caveat;

/**
 * The type of a segment ({@code labels.md} section 1). The names are the stable identifiers used in
 * JSON output, model files and the training data; each type belongs to exactly one {@link Kind}.
 */
public enum SegmentType {
    /** Cautionary language about forward-looking statements, factor lists, no-duty-to-update clauses. */
    SAFE_HARBOR(Kind.BOILERPLATE),
    /** The standard "About the company" description. */
    COMPANY_PROFILE(Kind.BOILERPLATE),
    /** Trademark and copyright lines, contact blocks, repeated non-GAAP and other notices. */
    LEGAL_NOTICE(Kind.BOILERPLATE),
    /** A company-specific claim about the future: guidance, plans, expectations. */
    FORWARD_LOOKING(Kind.SUBSTANTIVE),
    /** A claim about the past or present: results, events, announcements. */
    FACTUAL(Kind.SUBSTANTIVE);

    private final Kind kind;

    SegmentType(Kind kind) {
        this.kind = kind;
    }

    /**
     * Returns the kind this type belongs to.
     *
     * @return {@link Kind#BOILERPLATE} or {@link Kind#SUBSTANTIVE}
     */
    public Kind kind() {
        return kind;
    }
}
