package org.caveat.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /**
     * A summary of risk factors is one item per line, with or without bullets, each without its bullet
     * and closing punctuation; the full risk factors below it are items of their own, not merged with
     * the summary's lines.
     */
    @Test
    void eachLineOfASummaryOfRiskFactorsIsOneItem() throws IOException {
        String body = """

                Our credit facility matures in 2027, and we had $2.4 billion of debt at year end. Our debt \
                requires large interest payments and restricts how we use our cash. We may need to refinance \
                it on worse terms, and a downgrade of our credit ratings would raise our borrowing costs.
                """;
        for (String bullet : new String[] {"", "\u2022 "}) {
            String text = "Item 1A. Risk Factors\n\nInvesting in our stock involves risks.\n\nSummary of Risk Factors\n\n"
                    + "The following is a summary of the principal risks we face:\n\n"
                    + bullet + "our substantial debt could limit our flexibility;\n\n"
                    + bullet + "we depend on three hospital systems for most of our revenue;\n\n"
                    + bullet + "a failure of our information systems could expose patient data; and\n\n"
                    + bullet + "competition for nurses could raise our labor costs.\n\n"
                    + "Risks Related to Our Indebtedness\n\nOur substantial debt could limit our flexibility.\n" + body
                    + "\nWe depend on three hospital systems for most of our revenue.\n" + body;
            List<String> items = Caveat.loadDefault().analyze(text).riskItems().stream().map(RiskItem::text).toList();
            assertEquals(List.of("our substantial debt could limit our flexibility",
                    "we depend on three hospital systems for most of our revenue",
                    "a failure of our information systems could expose patient data",
                    "competition for nurses could raise our labor costs"), items.subList(0, 4), "bullet '" + bullet + "'");
            assertEquals(6, items.size(), items.toString());
            assertTrue(items.get(4).startsWith("Our substantial debt could limit our flexibility."), items.get(4));
        }
    }
    /**
     * Text extraction often carries the bullet of a list's first item up to the end of the line that
     * introduces the list, and joins the bullets into one paragraph: the list is still read, item by item.
     */
    @Test
    void aListWhoseBulletWasCarriedUpToItsIntroductionIsStillRead() throws IOException {
        String text = "ITEM 1A. RISK FACTORS\n\nYou should carefully consider the risks described below before "
                + "investing in our securities.\n\nThe main groups of risk discussed in this section include the "
                + "following: \u2022\n\nrisks related to our dependence on two pipeline operators; risks associated "
                + "with commodity prices; risks of our hedging program; and risks associated with environmental "
                + "laws.\n\nThese risks should be read together with the rest of this report.\n";
        List<String> items = Caveat.loadDefault().analyze(text).riskItems().stream().map(RiskItem::text).toList();
        assertEquals(List.of("risks related to our dependence on two pipeline operators",
                "risks associated with commodity prices", "risks of our hedging program",
                "risks associated with environmental laws"), items);
        assertEquals("include the following:", RiskItemFinder.withoutTrailingBullet("include the following: \u2022 "));
        assertEquals("a line that ends well.", RiskItemFinder.withoutTrailingBullet("a line that ends well. "));
    }
}
