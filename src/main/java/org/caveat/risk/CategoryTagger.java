package org.caveat.risk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.caveat.CategoryScore;
import org.caveat.RiskCategory;
import org.caveat.features.ItemFeatures;
import org.caveat.model.CaveatModel;
import org.caveat.model.LinearModel;

/**
 * Tags a risk item with categories: one logistic model per category over {@link ItemFeatures}, each
 * with its own threshold chosen by cross-validation at training time. An item always gets at least
 * its best-scoring category. Immutable and thread-safe.
 */
public final class CategoryTagger {
    private static final RiskCategory[] CATEGORIES = RiskCategory.values();
    private final LinearModel model;
    private final double[] thresholds;
    private final ItemFeatures features;

    /**
     * @param model the model whose category tagger to use
     */
    public CategoryTagger(CaveatModel model) {
        this.model = model.categories();
        this.thresholds = model.thresholds();
        this.features = new ItemFeatures(this.model.dimension());
    }

    /**
     * Scores every category for an item.
     *
     * @param text the analysed text
     * @param item the item
     * @return one probability per category, in category order
     */
    public double[] scores(String text, ItemSpan item) {
        return model.sigmoid(features.extract(text, item.start(), item.end(), item.headingEnd()));
    }

    /**
     * Tags an item.
     *
     * @param text the analysed text
     * @param item the item
     * @return the assigned categories, highest score first, never empty
     */
    public List<CategoryScore> tag(String text, ItemSpan item) {
        double[] p = scores(text, item);
        List<CategoryScore> out = new ArrayList<>();
        int best = 0;
        for (int k = 0; k < p.length; k++) {
            if (p[k] >= thresholds[k]) {
                out.add(new CategoryScore(CATEGORIES[k], p[k]));
            }
            if (p[k] - thresholds[k] > p[best] - thresholds[best]) {
                best = k;
            }
        }
        if (out.isEmpty()) {
            out.add(new CategoryScore(CATEGORIES[best], p[best]));
        }
        out.sort(Comparator.comparingDouble(CategoryScore::score).reversed());
        return out;
    }
}
