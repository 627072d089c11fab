package org.caveat.structure;

/** The part a segment plays in the layout of an Item 1A risk-factor section. */
public enum Role {
    /** Not in an Item 1A section. */
    NONE,
    /** The "Item 1A. Risk Factors" heading itself. */
    ITEM_HEADING,
    /** The section's text before its first risk factor: its generic introduction. */
    INTRODUCTION,
    /**
     * An item of the section's summary of risk factors (a "Summary of Risk Factors" list, with or
     * without bullets), each line one risk item.
     */
    SUMMARY,
    /** A heading that groups risk factors ("Risks Related to Our Business"). */
    GROUP_HEADING,
    /** The first segment of a risk factor: its heading. */
    FACTOR_HEADING,
    /** The body of a risk factor. */
    FACTOR_BODY
}
