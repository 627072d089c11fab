package org.caveat.risk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.caveat.Analysis;
import org.caveat.Caveat;
import org.caveat.RiskItem;
import org.caveat.train.CorpusDocument;
import org.caveat.train.CorpusReader;
import org.junit.jupiter.api.Test;

/** Risk factors of plain-text Item 1A sections whose headings run into their paragraphs. */
class RiskItemFinderTest {

    /**
     * A 10-K whose risk factors open with a run-in sentence ("The downturn in the homebuilding industry
     * may continue or deepen, ...") and no dash or line of their own: the layout rules alone find no factor
     * in it; the bundled model's factor-start decisions find its factors. (The document is one the model
     * was trained on, so this checks that the pipeline uses the model, not how well it generalises; the
     * cross-validated figures in the README do that.)
     */
    @Test
    void runInSentenceHeadingsAreSplitIntoTheirFactors() throws IOException {
        CorpusDocument d = CorpusReader.read(Path.of("training-data/risk/w26_08_calloway-ridge-homes-2008.cav"), "w26_08_calloway-ridge-homes-2008.cav");
        Analysis a = Caveat.loadDefault().analyze(d.text());
        List<RiskItem> items = a.riskItems();
        int matched = 0;
        for (CorpusDocument.GoldItem g : d.items()) {
            for (RiskItem p : items) {
                int inter = Math.min(g.end(), p.end()) - Math.max(g.start(), p.start());
                int union = Math.max(g.end(), p.end()) - Math.min(g.start(), p.start());
                if (inter > 0 && inter * 2 >= union) {
                    matched++;
                    break;
                }
            }
        }
        assertTrue(matched * 10 >= d.items().size() * 8, matched + " of " + d.items().size() + " factors found; items: " + items.size());
        assertTrue(items.size() <= d.items().size() + 2, "no factor is split into many: " + items.size());
    }
}
