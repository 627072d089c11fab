package org.caveat.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.caveat.read.Emphasis;
import org.caveat.segment.SegmentSpan;
import org.caveat.segment.Segmenter;
import org.caveat.structure.DocumentStructure;
import org.caveat.structure.StructureAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SegmentFeaturesTest {

    private static DocumentStructure structure(String text) {
        List<SegmentSpan> spans = new Segmenter().segment(text);
        return StructureAnalyzer.analyze(text, spans, Emphasis.NONE);
    }

    /**
     * Regression: every segment took the words of every other segment of its paragraph, so a paragraph of m
     * segments cost m² (a 50,000-row table without blank lines took 83 s). Context now comes from at most
     * {@link SegmentFeatures#BLOCK_CONTEXT_SEGMENTS} segments on either side.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aParagraphOfThousandsOfSegmentsTakesLinearTime() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 30000; i++) {
            b.append("Segment ").append(i).append("\t").append(i * 7).append("\t").append(i % 13).append('\n');
        }
        DocumentStructure doc = structure(b.toString());
        assertEquals(doc.size() - 1, doc.blockLast(0), "one paragraph");
        long t0 = System.nanoTime();
        FeatureVector[] v = new SegmentFeatures(1 << 18).extract(doc);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(30000, v.length);
        assertTrue(ms < 15000, "features of a 30,000-row paragraph took " + ms + " ms");
    }

    /** Within the window nothing changed: a segment of a short paragraph sees every other segment's words. */
    @Test
    void shortParagraphsKeepTheirWholeContext() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            b.append("Zq").append(i).append(" rose.\n");
        }
        DocumentStructure doc = structure(b.toString());
        assertEquals(40, doc.size());
        SegmentFeatures f = new SegmentFeatures(1 << 20);
        FeatureVector first = f.extract(doc)[0];
        // The last segment's word is in the first one's paragraph context: its hash is among the features.
        int word = Hashing.chars(Hashing.namespace("word"), "Zq39", 0, 4);
        int feature = Hashing.combine(Hashing.namespace("k"), word) & ((1 << 20) - 1);
        boolean found = false;
        for (int k = 0; k < first.size(); k++) {
            found |= first.index(k) == feature;
        }
        assertTrue(found, "the paragraph context reaches the 40th segment");
    }
}
