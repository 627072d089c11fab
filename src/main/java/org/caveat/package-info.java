/**
 * Caveat: separates boilerplate from substance in financial disclosures and tags the risks they name.
 *
 * <p>The public API is this package: {@link org.caveat.Caveat} (the entry point), the result records
 * {@link org.caveat.Analysis}, {@link org.caveat.Segment}, {@link org.caveat.RiskItem} and
 * {@link org.caveat.CategoryScore}, and the label enums {@link org.caveat.SegmentType},
 * {@link org.caveat.Kind} and {@link org.caveat.RiskCategory}, whose names are the stable ids of the
 * label specification. Comparing filings adds the public package {@code compare}: risk-factor diffs
 * ({@link org.caveat.compare.RiskDiff}, from {@link org.caveat.Caveat#diff(Analysis, Analysis)}) and the
 * cross-filing boilerplate index ({@link org.caveat.compare.BoilerplateIndex}, used by
 * {@link org.caveat.Caveat#withIndex}).
 *
 * <pre>{@code
 * Caveat caveat = Caveat.loadDefault();
 * Analysis a = caveat.analyze(Path.of("8k.txt"));
 * for (RiskItem item : a.riskItems()) {
 *     System.out.println(item.categories().get(0).category() + "  " + item.text());
 * }
 * }</pre>
 *
 * <p>The pipeline runs in one direction through the internal packages: {@code read} (bytes to text),
 * {@code segment} (sentences), {@code structure} (sections, Item 1A), {@code features} and
 * {@code classify} (segment types), {@code risk} (risk items and categories); {@code compare} works across analyses; {@code model} holds the
 * model file format, {@code report} the writers, {@code train} training and evaluation, and {@code cli}
 * the command line.
 *
 * <p>Null policy: parameters are non-null unless documented otherwise; absent values are returned as
 * {@link java.util.Optional}.
 */
package org.caveat;
