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
import org.caveat.features.ItemSentences;
import org.caveat.model.Calibration;
import org.caveat.model.CaveatModel;
import org.caveat.model.LinearModel;

/**
 * Tags a risk item with categories. Two one-vs-rest logistic models score each category over
 * {@link ItemFeatures}: one reads the whole item, the other each of its pieces ({@link ItemSentences}: an
 * Item 1A factor's heading and each sentence of its body), so that a category that one sentence of a long
 * factor names is not drowned by the rest. A per-category combiner ({@link Calibration}) turns the item
 * margin, the two best piece margins and whether the item is an Item 1A factor or an item of a list into a
 * calibrated probability, and each category has its own
 * threshold; combiner and thresholds are fitted by cross-validation at training time. An item always gets
 * at least one category: when none reaches its threshold, the one with the highest probability. A model
 * without a piece model (format 2) scores the whole item only. Immutable and thread-safe.
 */
public final class CategoryTagger {
    private static final RiskCategory[] CATEGORIES = RiskCategory.values();
    private final LinearModel model;
    private final LinearModel pieces;
    private final double[] thresholds;
    private final ItemFeatures features;
    private final Calibration calibration;

    /**
     * @param model the model whose category tagger to use
     */
    public CategoryTagger(CaveatModel model) {
        this.model = model.categories();
        this.pieces = model.categoryPieces();
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
        FeatureVector x = features.extract(text, item.start(), item.end(), item.headingEnd());
        FeatureVector[] itemPieces = null;
        if (pieces != null) {
            int[] b = ItemSentences.split(text, item.start(), item.end(), item.headingEnd());
            // An item of one piece (most list items) is its own piece: its features are those of the item.
            itemPieces = b.length == 2 && b[0] == item.start() && b[1] == item.end() ? new FeatureVector[] {x}
                    : pieceFeatures(features, text, b, item.headingEnd());
        }
        return scores(x, itemPieces, item.headingEnd() > item.start());
    }

    /**
     * Scores every category from features extracted already, as training and evaluation do.
     *
     * @param item the whole item's features
     * @param itemPieces the features of each of its pieces ({@link #pieceFeatures}); ignored (may be null) when
     *     the model has no piece model
     * @param factor true for an Item 1A risk factor (an item with a heading), false for an item of a list
     * @return one calibrated probability per category, in category order
     */
    public double[] scores(FeatureVector item, FeatureVector[] itemPieces, boolean factor) {
        double[][] in = inputs(model, pieces, item, itemPieces, factor);
        double[] p = new double[in.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = calibration.category(k, in[k]);
        }
        return p;
    }

    /**
     * The features of each piece of an item, as the piece model reads them: an Item 1A factor's heading keeps
     * its heading features.
     *
     * @param features the item feature extractor
     * @param text the text the item lies in
     * @param start the item's first offset
     * @param end the item's end offset
     * @param headingEnd the end of its heading, or {@code start}
     * @return one feature vector per piece of {@link ItemSentences#split}, in text order
     */
    public static FeatureVector[] pieceFeatures(ItemFeatures features, CharSequence text, int start, int end,
                                                int headingEnd) {
        return pieceFeatures(features, text, ItemSentences.split(text, start, end, headingEnd), headingEnd);
    }

    private static FeatureVector[] pieceFeatures(ItemFeatures features, CharSequence text, int[] b, int headingEnd) {
        FeatureVector[] out = new FeatureVector[b.length / 2];
        for (int i = 0; i < out.length; i++) {
            int a = b[2 * i];
            int z = b[2 * i + 1];
            out[i] = features.extract(text, a, z, headingEnd > a ? Math.min(headingEnd, z) : a);
        }
        return out;
    }

    /**
     * The combiner's inputs for each category: the item's margin, the highest and second-highest margin of its
     * pieces, and the factor flag. Without a piece model, or for an item of one piece, the missing margins
     * repeat the ones there.
     *
     * @param items the whole-item model
     * @param pieces the piece model, or null
     * @param item the item's features
     * @param itemPieces its pieces' features, at least one when {@code pieces} is not null
     * @param factor true for an Item 1A risk factor, false for a list item
     * @return per category, {@link Calibration#INPUTS} inputs
     */
    public static double[][] inputs(LinearModel items, LinearModel pieces, FeatureVector item, FeatureVector[] itemPieces,
                                    boolean factor) {
        double[] zi = items.margins(item);
        double[][] in = new double[zi.length][Calibration.INPUTS];
        for (int k = 0; k < zi.length; k++) {
            in[k][0] = zi[k];
            in[k][1] = Double.NEGATIVE_INFINITY;
            in[k][2] = Double.NEGATIVE_INFINITY;
        }
        if (pieces != null) {
            for (FeatureVector piece : itemPieces) {
                double[] z = pieces.margins(piece);
                for (int k = 0; k < zi.length; k++) {
                    if (z[k] > in[k][1]) {
                        in[k][2] = in[k][1];
                        in[k][1] = z[k];
                    } else if (z[k] > in[k][2]) {
                        in[k][2] = z[k];
                    }
                }
            }
        }
        for (int k = 0; k < zi.length; k++) {
            if (in[k][1] == Double.NEGATIVE_INFINITY) {
                in[k][1] = zi[k];
            }
            if (in[k][2] == Double.NEGATIVE_INFINITY) {
                in[k][2] = in[k][1];
            }
            in[k][3] = factor ? 1 : 0;
        }
        return in;
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
     * to the category's whole-item margin (the piece margins are not explained). The categories and scores are those of {@link #tag(String, ItemSpan)}.
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
