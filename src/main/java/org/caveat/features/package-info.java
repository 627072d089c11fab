/**
 * Features shared by training and prediction, so the two cannot drift apart: hashed n-grams, cue
 * lexicons, context and structure. Changing a feature changes its {@code VERSION}, which the model
 * file records. Internal. Parameters and results are never null.
 */
package org.caveat.features;
