package org.caveat.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.caveat.CategoryScore;
import org.caveat.RiskCategory;
import org.caveat.features.FeatureVector;
import org.caveat.features.ItemFeatures;
import org.caveat.model.CaveatModel;
import org.caveat.model.ModelIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled model's category tagger reads a long factor sentence by sentence as well as whole. */
class CategoryTaggerTest {
    private static final String HEADING = "Our substantial indebtedness could limit our flexibility and harm our results.";
    private static final String FACTOR = HEADING + "\n\nAs of December 31, 2024, we had $2.1 billion of debt outstanding under "
            + "our revolving credit facility and two series of senior notes. The agreements governing this debt contain "
            + "covenants that restrict our ability to pay dividends, incur liens, sell assets and make investments. If we fail "
            + "to comply with these covenants, our lenders could declare the debt immediately due. We may have to refinance "
            + "maturing notes at higher interest rates, and a downgrade of our credit ratings would raise our cost of "
            + "borrowing. A hurricane, earthquake or other natural disaster that damaged our two largest distribution "
            + "centers could halt shipments for weeks and reduce the cash we have to service our debt.";
    private static CaveatModel model;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = CategoryTaggerTest.class.getResourceAsStream("/org/caveat/model/default.cvm")) {
            model = ModelIO.read(in);
        }
    }

    @Test
    void aCategoryThatOneSentenceNamesRaisesTheFactorsScore() {
        ItemSpan item = new ItemSpan(0, FACTOR.length(), HEADING.length());
        ItemFeatures features = new ItemFeatures(model.categories().dimension());
        FeatureVector whole = features.extract(FACTOR, 0, FACTOR.length(), HEADING.length());
        FeatureVector[] pieces = CategoryTagger.pieceFeatures(features, FACTOR, 0, FACTOR.length(), HEADING.length());
        assertEquals(6, pieces.length, "the heading and five sentences");
        double[][] in = CategoryTagger.inputs(model.categories(), model.categoryPieces(), whole, pieces, true);
        int disaster = RiskCategory.CATASTROPHE_PANDEMIC.ordinal();
        assertTrue(in[disaster][1] > 0 && in[disaster][0] < -1, "the disaster sentence alone says CATASTROPHE_PANDEMIC, the"
                + " whole factor does not: " + java.util.Arrays.toString(in[disaster]));
        CategoryTagger tagger = new CategoryTagger(model);
        double pooled = tagger.scores(FACTOR, item)[disaster];
        double wholeOnly = tagger.scores(whole, new FeatureVector[] {whole}, true)[disaster];
        assertTrue(pooled > 2 * wholeOnly, "reading the sentences raises the score: " + pooled + " against " + wholeOnly);
        List<RiskCategory> tagged = tagger.tag(FACTOR, item).stream().map(CategoryScore::category).toList();
        assertEquals(RiskCategory.LIQUIDITY_FINANCING, tagged.get(0), tagged.toString());
    }

    @Test
    void scoresFromTextAndFromFeaturesAgree() {
        CategoryTagger tagger = new CategoryTagger(model);
        ItemFeatures features = new ItemFeatures(model.categories().dimension());
        ItemSpan item = new ItemSpan(0, FACTOR.length(), HEADING.length());
        double[] fromText = tagger.scores(FACTOR, item);
        double[] fromFeatures = tagger.scores(features.extract(FACTOR, 0, FACTOR.length(), HEADING.length()),
                CategoryTagger.pieceFeatures(features, FACTOR, 0, FACTOR.length(), HEADING.length()), true);
        assertEquals(java.util.Arrays.toString(fromText), java.util.Arrays.toString(fromFeatures));
        for (double p : fromText) {
            assertTrue(p >= 0 && p <= 1, "a probability: " + p);
        }
    }
}
