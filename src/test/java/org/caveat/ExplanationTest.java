package org.caveat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Explanations: present only when asked for, sensible, and without changing any decision. */
class ExplanationTest {
    private static Caveat caveat;

    @BeforeAll
    static void load() throws IOException {
        caveat = Caveat.loadDefault();
    }

    private static Segment segmentStarting(Analysis a, String prefix) {
        return a.segments().stream().filter(s -> s.text().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no segment starts with " + prefix));
    }

    @Test
    void explainingChangesNoDecision() throws IOException {
        for (Path p : List.of(Path.of("examples/halberd-networks-2007-release.txt"))) {
            Analysis plain = caveat.analyze(p);
            Analysis explained = caveat.explaining().analyze(p);
            assertEquals(plain.segments().size(), explained.segments().size());
            for (int i = 0; i < plain.segments().size(); i++) {
                Segment a = plain.segments().get(i);
                Segment b = explained.segments().get(i);
                assertEquals(new Segment(a.index(), a.start(), a.end(), a.text(), a.type(), a.score()),
                        new Segment(b.index(), b.start(), b.end(), b.text(), b.type(), b.score()));
                assertFalse(a.explained());
                assertTrue(b.explained(), "segment " + i);
                assertNotEquals(b.type(), b.runnerUp());
                assertTrue(b.explanation().size() <= Caveat.EXPLANATION_SIZE);
            }
            assertEquals(plain.riskItems().size(), explained.riskItems().size());
            for (int k = 0; k < plain.riskItems().size(); k++) {
                List<CategoryScore> a = plain.riskItems().get(k).categories();
                List<CategoryScore> b = explained.riskItems().get(k).categories();
                assertEquals(a, b.stream().map(c -> new CategoryScore(c.category(), c.score())).toList());
                b.forEach(c -> assertFalse(c.explanation().isEmpty(), c.toString()));
                a.forEach(c -> assertTrue(c.explanation().isEmpty()));
            }
        }
    }

    @Test
    void theSeedsSafeHarborSentenceIsExplainedBySafeHarborLanguage() throws IOException {
        Analysis a = caveat.explaining().analyze(Shared.require("seeds/sonus-2007-03-15-press-release.txt"));
        Segment s = segmentStarting(a, "This release may contain forward-looking statements");
        assertEquals(SegmentType.SAFE_HARBOR, s.type());
        List<String> top = s.explanation().stream().map(Contribution::feature).toList();
        assertTrue(top.contains("cue fls (this segment)") && top.contains("word \"risks\""), top.toString());
        assertTrue(s.explanation().get(0).weight() > 0, "the strongest feature argues for SAFE_HARBOR: " + s.explanation());
        for (int k = 1; k < s.explanation().size(); k++) {
            assertTrue(Math.abs(s.explanation().get(k - 1).weight()) >= Math.abs(s.explanation().get(k).weight()));
        }
    }

    @Test
    void aCategoryIsExplainedByItsTerms() throws IOException {
        Analysis a = caveat.explaining().analyze(Shared.require("seeds/sonus-2007-03-15-press-release.txt"));
        RiskItem consolidation = a.riskItems().stream().filter(r -> r.text().equals("consolidation in the telecommunications industry"))
                .findFirst().orElseThrow();
        CategoryScore c = consolidation.categories().get(0);
        assertEquals(RiskCategory.INDUSTRY_CONSOLIDATION, c.category());
        assertEquals("term of INDUSTRY_CONSOLIDATION \"consolidation\"", c.explanation().get(0).feature());
        assertTrue(c.explanation().get(0).weight() > 1);
    }

    @Test
    void theExplainingViewIsCheapAndIdempotent() {
        Caveat e = caveat.explaining();
        assertTrue(e.explains());
        assertFalse(caveat.explains());
        assertSame(e, e.explaining());
        assertEquals(caveat.modelName(), e.modelName());
    }
}
