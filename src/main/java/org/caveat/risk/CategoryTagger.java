package org.caveat.risk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.caveat.CategoryScore;
import org.caveat.Contribution;
import org.caveat.RiskCategory;
import org.caveat.features.Contributions;
import org.caveat.features.FeatureVector;
import org.caveat.features.ItemFeatures;
import org.caveat.model.CaveatModel;
import org.caveat.model.LinearModel;

/**
 * Tags a risk item with categories: one logistic model per category over {@link ItemFeatures}, each
 * with its own threshold chosen by cross-validation at training time. An item always gets at least
 * one category: when none reaches its threshold, the one with the highest calibrated probability.
 * Immutable and thread-safe.
 */
public final class CategoryTagger {
    private static final RiskCategory[] CATEGORIES = RiskCategory.values();
    private final LinearModel model;
    private final double[] thresholds;
    private final ItemFeatures features;
    private final org.caveat.model.Calibration calibration;

    /**
     * @param model the model whose category tagger to use
     */
    public CategoryTagger(CaveatModel model) {
        this.model = model.categories();
        this.thresholds = model.thresholds();
        this.calibration = model.calibration();
        this.features = new ItemFeatures(this.model.dimension());
    }

    /**
     * Scores every category for an item.
     *
     * @param text the analysed text
     * @param item the item
     * @return one calibrated probability per category, in category order
     */
    public double[] scores(String text, ItemSpan item) {
        double[] p = model.margins(features.extract(text, item.start(), item.end(), item.headingEnd()));
        for (int k = 0; k < p.length; k++) {
            p[k] = calibration.category(k, p[k]);
        }
        return p;
    }

    /**
     * Tags an item.
     *
     * @param text the analysed text
     * @param item the item
     * @return the assigned categories, highest score first, never empty
     */
    public List<CategoryScore> tag(String text, ItemSpan item) {
        return tag(text, item, 0);
    }

    /**
     * Tags an item and explains each category assigned: the features of the item that contributed most
     * to the category's score. The categories and scores are those of {@link #tag(String, ItemSpan)}.
     *
     * @param text the analysed text
     * @param item the item
     * @param limit how many contributions to keep per category; 0 for no explanation
     * @return the assigned categories, highest score first, never empty
     */
    public List<CategoryScore> tag(String text, ItemSpan item, int limit) {
        double[] p = scores(text, item);
        List<CategoryScore> out = tagged(p);
        if (limit <= 0) {
            return out;
        }
        FeatureVector.Builder named = features.extractNamed(text, item.start(), item.end(), item.headingEnd());
        double scale = ItemFeatures.scale(named);
        List<CategoryScore> explained = new ArrayList<>(out.size());
        double[] coefficients = new double[model.outputs()];
        for (CategoryScore c : out) {
            java.util.Arrays.fill(coefficients, 0);
            coefficients[c.category().ordinal()] = 1;
            List<Contribution> why = Contributions.top(named, scale, model.combined(coefficients), limit);
            explained.add(new CategoryScore(c.category(), c.score(), why));
        }
        return explained;
    }

    private List<CategoryScore> tagged(double[] p) {
        List<CategoryScore> out = new ArrayList<>();
        int best = 0;
        for (int k = 0; k < p.length; k++) {
            if (p[k] >= thresholds[k]) {
                out.add(new CategoryScore(CATEGORIES[k], p[k]));
            }
            if (p[k] > p[best]) {
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
