package org.caveat.compare;

/** What became of a risk factor between an older and a newer filing. The names are the ids used in JSON. */
public enum ChangeStatus {
    /** Only in the newer filing. */
    ADDED,
    /** Only in the older filing. */
    REMOVED,
    /** In both, with different wording. */
    CHANGED,
    /** In both, with the same words in the same order (only spacing and line breaks may differ). */
    UNCHANGED
}
