/**
 * Training and evaluation: the corpus reader and validator ({@code training-data/README.md}), the
 * trainer and cross-validation. Public for users who train their own models; the CLI's {@code train}
 * and {@code evaluate} commands use it. Parameters and results are never null.
 */
package org.caveat.train;
