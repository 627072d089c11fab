/**
 * Comparing filings: the risk-factor changes between two filings ({@link org.caveat.compare.RiskDiff}, made by
 * {@link org.caveat.Caveat#diff(org.caveat.Analysis, org.caveat.Analysis)}), and the text repeated across many
 * filings ({@link org.caveat.compare.BoilerplateIndex}, used by {@link org.caveat.Caveat#withIndex}).
 *
 * <pre>{@code
 * Caveat caveat = Caveat.loadDefault();
 * RiskDiff d = caveat.diff(Path.of("10-k-2022.htm"), Path.of("10-k-2023.htm"));
 * d.changes().stream().filter(c -> c.status() != ChangeStatus.UNCHANGED).forEach(System.out::println);
 *
 * BoilerplateIndex index = BoilerplateIndex.builder().addFiles(List.of(Path.of("filings"))).build();
 * Analysis a = caveat.withIndex(index).analyze(Path.of("release.txt"));
 * a.boilerplateScore(0).ifPresent(System.out::println);
 * }</pre>
 *
 * <p>Null policy: parameters are non-null unless documented otherwise; the risk items of a
 * {@link org.caveat.compare.FactorChange} are null where the status says the factor is absent.
 */
package org.caveat.compare;
