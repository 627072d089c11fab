package org.caveat.train;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.caveat.Analysis;
import org.caveat.Caveat;
import org.caveat.CategoryScore;
import org.caveat.RiskCategory;
import org.caveat.RiskItem;
import org.caveat.Segment;
import org.caveat.SegmentType;
import org.caveat.classify.ClassifiedSegments;
import org.caveat.classify.SegmentClassifier;
import org.caveat.model.Calibration;
import org.caveat.model.CaveatModel;
import org.caveat.risk.CategoryTagger;
import org.caveat.segment.SegmentSpan;
import org.caveat.structure.DocumentStructure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cross-validates on the labelled corpus: for each fold, trains on the other folds, writes and
 * reloads the model through the model file format, analyses the held-out documents with the whole
 * pipeline and scores them the way {@code shared/tools/score.py} scores real filings.
 */
public final class Evaluator {
    private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);
    private final TrainingConfig config;

    /**
     * @param config the training settings
     */
    public Evaluator(TrainingConfig config) {
        this.config = config;
    }

    /**
     * Evaluates on held-out folds.
     *
     * @param docs the labelled documents
     * @return the pooled figures over all folds
     * @throws IOException if training on a fold fails
     */
    public Evaluation crossValidate(List<CorpusDocument> docs) throws IOException {
        int[] fold = Folds.assign(docs, config.folds(), config.seed());
        Accumulator acc = new Accumulator();
        Accumulator perSegmentAcc = new Accumulator();
        CalibrationAccumulator cal = new CalibrationAccumulator(config.folds());
        for (int f = 0; f < config.folds(); f++) {
            List<CorpusDocument> train = new ArrayList<>();
            List<CorpusDocument> test = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                (fold[i] == f ? test : train).add(docs.get(i));
            }
            Trainer trainer = new Trainer(config);
            CaveatModel model = trainer.train(train, false);
            Caveat caveat = Caveat.load(new ByteArrayInputStream(trainer.toBytes(model)));
            SegmentClassifier classifier = new SegmentClassifier(model.segmentTypes(), model.transitions());
            CategoryTagger tagger = new CategoryTagger(model);
            for (Trainer.Item it : trainer.items(test)) {
                cal.addItem(tagger, model, it);
            }
            for (CorpusDocument d : test) {
                DocumentStructure structure = trainer.structure(d.text());
                Trainer.OutOfFold margins = trainer.typeMargins(model.segmentTypes(), List.of(d));
                ClassifiedSegments chosen = classifier.classify(structure);
                int[] chosenWithGold = new int[margins.labels().length];
                byte[] gold = Trainer.goldTypes(d);
                int j = 0;
                for (int i = 0; i < structure.size(); i++) {
                    SegmentSpan s = structure.spans().get(i);
                    if (Trainer.majority(gold, d.text(), s.start(), s.end()) >= 0) {
                        chosenWithGold[j++] = chosen.types()[i].ordinal();
                    }
                }
                cal.addSegments(f, margins, chosenWithGold);
                acc.add(d, caveat.analyze(d.text()));
                DocumentStructure doc = structure;
                ClassifiedSegments c = classifier.classify(doc, false);
                List<Segment> segs = new ArrayList<>();
                for (int i = 0; i < doc.size(); i++) {
                    SegmentSpan s = doc.spans().get(i);
                    segs.add(new Segment(i, s.start(), s.end(), d.text().substring(s.start(), s.end()), c.types()[i], c.scores()[i]));
                }
                perSegmentAcc.addTypes(d, segs);
            }
            LOG.info("fold {} of {}: {} held-out documents", f + 1, config.folds(), test.size());
        }
        return acc.result(docs.size(), perSegmentAcc.confusion, cal.result());
    }

    /**
     * Collects held-out scores for the expected calibration error. The type temperature of fold f is
     * fitted on the held-out predictions of the other folds (cross-fitting), so no segment's score is
     * calibrated with its own label.
     */
    static final class CalibrationAccumulator {
        private final List<List<double[]>> margins = new ArrayList<>();
        private final List<List<Integer>> gold = new ArrayList<>();
        private final List<List<Integer>> chosen = new ArrayList<>();
        private final List<Double> categoryScores = new ArrayList<>();
        private final List<Double> categoryRaw = new ArrayList<>();
        private final List<Boolean> categoryTrue = new ArrayList<>();
        private final List<Double> assignedScores = new ArrayList<>();
        private final List<Boolean> assignedTrue = new ArrayList<>();
        private int items;

        CalibrationAccumulator(int folds) {
            for (int f = 0; f < folds; f++) {
                margins.add(new ArrayList<>());
                gold.add(new ArrayList<>());
                chosen.add(new ArrayList<>());
            }
        }

        void addSegments(int fold, Trainer.OutOfFold oof, int[] chosenTypes) {
            margins.get(fold).addAll(oof.margins());
            for (int i = 0; i < oof.labels().length; i++) {
                gold.get(fold).add(oof.labels()[i]);
                chosen.get(fold).add(chosenTypes[i]);
            }
        }

        void addItem(CategoryTagger tagger, CaveatModel model, Trainer.Item item) {
            items++;
            double[] m = model.categories().margins(item.x());
            double[] calibrated = tagger.scores(item.x(), item.pieces(), item.factor());
            for (RiskCategory c : RiskCategory.values()) {
                int k = c.ordinal();
                double p = calibrated[k];
                boolean y = item.categories()[k];
                categoryScores.add(p);
                categoryRaw.add(1 / (1 + Math.exp(-m[k])));
                categoryTrue.add(y);
                if (p >= model.threshold(c)) {
                    assignedScores.add(p);
                    assignedTrue.add(y);
                }
            }
        }

        Evaluation.CalibrationErrors result() {
            List<Double> conf = new ArrayList<>();
            List<Double> raw = new ArrayList<>();
            List<Boolean> right = new ArrayList<>();
            for (int f = 0; f < margins.size(); f++) {
                List<double[]> others = new ArrayList<>();
                List<Integer> otherLabels = new ArrayList<>();
                for (int g = 0; g < margins.size(); g++) {
                    if (g != f) {
                        others.addAll(margins.get(g));
                        otherLabels.addAll(gold.get(g));
                    }
                }
                double t = Calibrator.temperature(others, otherLabels.stream().mapToInt(Integer::intValue).toArray());
                for (int i = 0; i < margins.get(f).size(); i++) {
                    double[] m = margins.get(f).get(i);
                    int c = chosen.get(f).get(i);
                    conf.add(Calibration.softmax(m, t)[c]);
                    raw.add(Calibration.softmax(m, 1)[c]);
                    right.add(c == gold.get(f).get(i));
                }
            }
            boolean[] r = toBooleans(right);
            return new Evaluation.CalibrationErrors(Calibrator.ece(toDoubles(conf), r), Calibrator.ece(toDoubles(raw), r),
                    r.length, Calibrator.ece(toDoubles(categoryScores), toBooleans(categoryTrue)),
                    Calibrator.ece(toDoubles(categoryRaw), toBooleans(categoryTrue)),
                    Calibrator.ece(toDoubles(assignedScores), toBooleans(assignedTrue)), items);
        }

        private static double[] toDoubles(List<Double> v) {
            return v.stream().mapToDouble(Double::doubleValue).toArray();
        }

        private static boolean[] toBooleans(List<Boolean> v) {
            boolean[] out = new boolean[v.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = v.get(i);
            }
            return out;
        }
    }

    /** Scores analyses against gold labels. */
    static final class Accumulator {
        private final long[][] confusion = new long[SegmentType.values().length][SegmentType.values().length];
        private int gold;
        private int predicted;
        private int matched;
        private final int[] tp = new int[RiskCategory.values().length];
        private final int[] fp = new int[RiskCategory.values().length];
        private final int[] fn = new int[RiskCategory.values().length];

        void add(CorpusDocument d, Analysis a) {
            addTypes(d, a.segments());
            addItems(d, a);
        }

        void addTypes(CorpusDocument d, List<Segment> segments) {
            String text = d.text();
            byte[] predictedAt = new byte[text.length()];
            Arrays.fill(predictedAt, (byte) -1);
            for (Segment s : segments) {
                Arrays.fill(predictedAt, s.start(), s.end(), (byte) s.type().ordinal());
            }
            for (CorpusDocument.GoldSegment g : d.segments()) {
                int i = g.start();
                while (i < g.end()) {
                    while (i < g.end() && Character.isWhitespace(text.charAt(i))) {
                        i++;
                    }
                    if (i >= g.end()) {
                        break;
                    }
                    int p = predictedAt[i];
                    if (p >= 0) {
                        confusion[g.type().ordinal()][p]++;
                    }
                    while (i < g.end() && !Character.isWhitespace(text.charAt(i))) {
                        i++;
                    }
                }
            }
        }

        void addItems(CorpusDocument d, Analysis a) {
            List<CorpusDocument.GoldItem> golds = d.items();
            List<RiskItem> preds = a.riskItems();
            gold += golds.size();
            predicted += preds.size();
            List<double[]> pairs = new ArrayList<>();
            for (int gi = 0; gi < golds.size(); gi++) {
                for (int pi = 0; pi < preds.size(); pi++) {
                    int inter = Math.min(golds.get(gi).end(), preds.get(pi).end()) - Math.max(golds.get(gi).start(), preds.get(pi).start());
                    if (inter > 0) {
                        int union = Math.max(golds.get(gi).end(), preds.get(pi).end()) - Math.min(golds.get(gi).start(), preds.get(pi).start());
                        if ((double) inter / union >= 0.5) {
                            pairs.add(new double[] {(double) inter / union, gi, pi});
                        }
                    }
                }
            }
            pairs.sort((x, y) -> Double.compare(y[0], x[0]));
            boolean[] usedG = new boolean[golds.size()];
            boolean[] usedP = new boolean[preds.size()];
            for (double[] pr : pairs) {
                int gi = (int) pr[1];
                int pi = (int) pr[2];
                if (!usedG[gi] && !usedP[pi]) {
                    usedG[gi] = true;
                    usedP[pi] = true;
                    matched++;
                    boolean[] pc = new boolean[tp.length];
                    for (CategoryScore c : preds.get(pi).categories()) {
                        pc[c.category().ordinal()] = true;
                    }
                    for (RiskCategory c : RiskCategory.values()) {
                        boolean g = golds.get(gi).categories().contains(c);
                        boolean p = pc[c.ordinal()];
                        tp[c.ordinal()] += g && p ? 1 : 0;
                        fp[c.ordinal()] += !g && p ? 1 : 0;
                        fn[c.ordinal()] += g && !p ? 1 : 0;
                    }
                }
            }
            for (int gi = 0; gi < golds.size(); gi++) {
                if (!usedG[gi]) {
                    for (RiskCategory c : golds.get(gi).categories()) {
                        fn[c.ordinal()]++;
                    }
                }
            }
            for (int pi = 0; pi < preds.size(); pi++) {
                if (!usedP[pi]) {
                    for (CategoryScore c : preds.get(pi).categories()) {
                        fp[c.category().ordinal()]++;
                    }
                }
            }
        }

        Evaluation result(int documents, long[][] perSegmentConfusion, Evaluation.CalibrationErrors calibration) {
            return new Evaluation(documents, confusion, perSegmentConfusion, gold, predicted, matched, tp, fp, fn, calibration);
        }
    }
}
