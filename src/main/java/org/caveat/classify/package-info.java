/**
 * Segment-type classification: a multinomial logistic model per segment and Viterbi decoding over
 * learned type transitions. Internal. Parameters and results are never null.
 */
package org.caveat.classify;
