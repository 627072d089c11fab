package org.caveat.structure;

import java.util.Locale;

/** The kind of section a segment lies in, named by the nearest heading above it. */
public enum Section {
    /** No heading above the segment yet. */
    NONE,
    /** Under an "About X" heading. */
    ABOUT,
    /** Under a "Forward-Looking Statements", "Safe Harbor" or "Cautionary" heading. */
    SAFE_HARBOR,
    /** Under a contact heading. */
    CONTACT,
    /** Under a non-GAAP heading. */
    NON_GAAP,
    /** Under a trademark or legal-notice heading. */
    NOTICE,
    /** Under a "Risk Factors" heading. */
    RISK_FACTORS,
    /** Under a heading of some other kind. */
    OTHER;

    /** Names the section that a heading opens. */
    static Section ofHeading(String heading) {
        String h = org.caveat.read.Typography.folded(heading).toString().toLowerCase(Locale.ROOT);
        if (h.startsWith("about ") || h.equals("about")) {
            return ABOUT;
        }
        if (h.contains("forward-looking") || h.contains("forward looking") || h.contains("safe harbor")
                || h.contains("safe harbour") || h.contains("cautionary")) {
            return SAFE_HARBOR;
        }
        if (h.contains("risk factors")) {
            return RISK_FACTORS;
        }
        if (h.contains("contact")) {
            return CONTACT;
        }
        if (h.contains("non-gaap") || h.contains("non gaap")) {
            return NON_GAAP;
        }
        if (h.contains("trademark") || h.contains("legal notice") || h.contains("disclaimer")
                || h.contains("additional information") || h.contains("where to find")) {
            return NOTICE;
        }
        return OTHER;
    }
}
