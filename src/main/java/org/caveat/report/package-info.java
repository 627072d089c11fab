/**
 * Writers of an {@link org.caveat.Analysis}: JSON per {@code shared/spec/output.md}, plain text and
 * HTML. Public for users who write results themselves. Parameters are never null.
 */
package org.caveat.report;
