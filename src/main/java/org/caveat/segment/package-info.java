/**
 * Segmentation: text in, sentence-sized spans out, with CoreNLP's PTB tokenizer and sentence splitter
 * plus rules for hard-wrapped lines, headings, bullets and table rows. Knows nothing of labels.
 * Internal. Parameters and results are never null.
 */
package org.caveat.segment;
