package org.caveat.train;

import java.util.Locale;
import org.caveat.RiskCategory;
import org.caveat.SegmentType;

/**
 * The result of evaluating on held-out folds: word-level segment-type figures with a confusion
 * matrix, risk-item detection figures and category figures. Immutable; {@link #format()} prints it as tables.
 *
 * @param documents how many documents were evaluated
 * @param confusion words by gold type (row) and predicted type (column), in {@link SegmentType} order,
 *     with the model's own decoding
 * @param perSegmentConfusion the same with each segment decided alone (no sequence decoding), for comparison
 * @param itemsGold gold risk items
 * @param itemsPredicted predicted risk items
 * @param itemsMatched predicted items matching a gold item (overlap at least half of the union)
 * @param categoryTp per category, true positives over matched and unmatched items
 * @param categoryFp per category, false positives
 * @param categoryFn per category, false negatives
 * @param calibration the expected calibration errors of the scores
 */
public record Evaluation(int documents, long[][] confusion, long[][] perSegmentConfusion, int itemsGold, int itemsPredicted, int itemsMatched,
                         int[] categoryTp, int[] categoryFp, int[] categoryFn, CalibrationErrors calibration) {

    /**
     * Expected calibration errors ({@link Calibrator#ece}, ten bins) on held-out folds, of the scores as
     * calibrated and, for comparison, of the raw model probabilities.
     *
     * @param types the score of each segment's chosen type against whether the type is right, with the
     *     temperature fitted on the out-of-fold predictions of the other folds
     * @param typesUncalibrated the same with the raw softmax probability
     * @param segments how many segments these figures cover
     * @param categories every (gold item, category) score against whether the category applies, with
     *     the item and piece margins combined as fitted within the training folds
     * @param categoriesUncalibrated the same with the raw sigmoid of the whole-item margin
     * @param assignedCategories the scores of the categories assigned (at or above threshold) only
     * @param items how many gold items the category figures cover
     */
    public record CalibrationErrors(double types, double typesUncalibrated, int segments, double categories,
                                    double categoriesUncalibrated, double assignedCategories, int items) {
    }

    /**
     * @param t a type
     * @return precision, recall and F1 of that type over words
     */
    public double[] typePrf(SegmentType t) {
        int k = t.ordinal();
        long tp = confusion[k][k];
        long fp = 0;
        long fn = 0;
        for (int j = 0; j < confusion.length; j++) {
            if (j != k) {
                fp += confusion[j][k];
                fn += confusion[k][j];
            }
        }
        return prf(tp, fp, fn);
    }

    /** @return macro-averaged F1 over the types that occur in gold */
    public double typeMacroF1() {
        double sum = 0;
        int n = 0;
        for (SegmentType t : SegmentType.values()) {
            long gold = 0;
            for (long v : confusion[t.ordinal()]) {
                gold += v;
            }
            if (gold > 0) {
                sum += typePrf(t)[2];
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** @return word accuracy of the types */
    public double typeAccuracy() {
        long all = 0;
        long right = 0;
        for (int i = 0; i < confusion.length; i++) {
            for (int j = 0; j < confusion.length; j++) {
                all += confusion[i][j];
                right += i == j ? confusion[i][j] : 0;
            }
        }
        return all == 0 ? 0 : (double) right / all;
    }

    /** @return F1 of BOILERPLATE against SUBSTANTIVE over words */
    public double boilerplateF1() {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        SegmentType[] types = SegmentType.values();
        for (int i = 0; i < types.length; i++) {
            for (int j = 0; j < types.length; j++) {
                boolean g = types[i].kind() == org.caveat.Kind.BOILERPLATE;
                boolean p = types[j].kind() == org.caveat.Kind.BOILERPLATE;
                tp += g && p ? confusion[i][j] : 0;
                fp += !g && p ? confusion[i][j] : 0;
                fn += g && !p ? confusion[i][j] : 0;
            }
        }
        return prf(tp, fp, fn)[2];
    }

    /** @return precision, recall and F1 of risk-item detection */
    public double[] itemPrf() {
        return prf(itemsMatched, itemsPredicted - itemsMatched, itemsGold - itemsMatched);
    }

    /** @return micro-averaged F1 of the categories */
    public double categoryMicroF1() {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int c = 0; c < categoryTp.length; c++) {
            tp += categoryTp[c];
            fp += categoryFp[c];
            fn += categoryFn[c];
        }
        return prf(tp, fp, fn)[2];
    }

    /** @return the evaluation as printable tables */
    public String format() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "documents %d%n", documents));
        Evaluation alone = new Evaluation(documents, perSegmentConfusion, perSegmentConfusion, itemsGold, itemsPredicted,
                itemsMatched, categoryTp, categoryFp, categoryFn, calibration);
        b.append(String.format(Locale.ROOT, "segment types (words): accuracy %.3f  macro-F1 %.3f  boilerplate F1 %.3f%n",
                typeAccuracy(), typeMacroF1(), boilerplateF1()));
        b.append(String.format(Locale.ROOT, "  each segment alone, without sequence decoding: accuracy %.3f  macro-F1 %.3f  boilerplate F1 %.3f%n",
                alone.typeAccuracy(), alone.typeMacroF1(), alone.boilerplateF1()));
        b.append(String.format(Locale.ROOT, "  %-16s %7s %7s %7s%n", "type", "P", "R", "F1"));
        for (SegmentType t : SegmentType.values()) {
            double[] p = typePrf(t);
            b.append(String.format(Locale.ROOT, "  %-16s %7.3f %7.3f %7.3f%n", t, p[0], p[1], p[2]));
        }
        b.append("confusion (rows gold, columns predicted; words)\n");
        b.append(String.format(Locale.ROOT, "  %-16s", ""));
        for (SegmentType t : SegmentType.values()) {
            b.append(String.format(Locale.ROOT, " %9.9s", t.name()));
        }
        b.append('\n');
        for (SegmentType g : SegmentType.values()) {
            b.append(String.format(Locale.ROOT, "  %-16s", g));
            for (SegmentType p : SegmentType.values()) {
                b.append(String.format(Locale.ROOT, " %9d", confusion[g.ordinal()][p.ordinal()]));
            }
            b.append('\n');
        }
        double[] ip = itemPrf();
        b.append(String.format(Locale.ROOT, "risk items: gold %d predicted %d matched %d  P %.3f R %.3f F1 %.3f%n",
                itemsGold, itemsPredicted, itemsMatched, ip[0], ip[1], ip[2]));
        b.append(String.format(Locale.ROOT, "categories: micro-F1 %.3f%n", categoryMicroF1()));
        b.append(String.format(Locale.ROOT, "  %-24s %7s %7s %7s %6s%n", "category", "P", "R", "F1", "gold"));
        for (RiskCategory c : RiskCategory.values()) {
            int k = c.ordinal();
            double[] p = prf(categoryTp[k], categoryFp[k], categoryFn[k]);
            b.append(String.format(Locale.ROOT, "  %-24s %7.3f %7.3f %7.3f %6d%n", c, p[0], p[1], p[2], categoryTp[k] + categoryFn[k]));
        }
        b.append(String.format(Locale.ROOT, "expected calibration error (%d bins):%n", Calibrator.ECE_BINS));
        b.append(String.format(Locale.ROOT, "  segment types, score of the chosen type (%d segments): %.4f calibrated, %.4f raw%n",
                calibration.segments(), calibration.types(), calibration.typesUncalibrated()));
        b.append(String.format(Locale.ROOT, "  categories, every (item, category) score (%d items): %.4f calibrated, %.4f raw (sigmoid of the item margin)%n",
                calibration.items(), calibration.categories(), calibration.categoriesUncalibrated()));
        b.append(String.format(Locale.ROOT, "  categories assigned: %.4f%n", calibration.assignedCategories()));
        return b.toString();
    }

    private static double[] prf(long tp, long fp, long fn) {
        double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        return new double[] {p, r, p + r == 0 ? 0 : 2 * p * r / (p + r)};
    }
}
