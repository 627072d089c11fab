package org.caveat.train;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.caveat.Caveat;
import org.caveat.RiskCategory;
import org.caveat.SegmentType;
import org.caveat.classify.FactorStarts;
import org.caveat.classify.Transitions;
import org.caveat.features.FeatureVector;
import org.caveat.features.ItemFeatures;
import org.caveat.features.ItemSentences;
import org.caveat.features.ParagraphFeatures;
import org.caveat.features.SegmentFeatures;
import org.caveat.model.Calibration;
import org.caveat.model.CaveatModel;
import org.caveat.model.LinearModel;
import org.caveat.model.ModelIO;
import org.caveat.read.Emphasis;
import org.caveat.risk.CategoryTagger;
import org.caveat.segment.SegmentSpan;
import org.caveat.segment.Segmenter;
import org.caveat.structure.DocumentStructure;
import org.caveat.structure.Paragraph;
import org.caveat.structure.StructureAnalyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import smile.classification.SparseLogisticRegression;
import smile.data.SparseDataset;
import smile.util.SparseArray;

/**
 * Trains a model from the labelled corpus with Smile's sparse logistic regression, then exports the
 * learned weights into our own model format. The segment-type model learns from the segments our own
 * segmenter finds (each labelled with the gold type covering most of its characters), so training
 * and prediction see the same segments and features. First a factor-start model learns where risk
 * factors start in plain-text Item 1A sections, so that the segments' structure features come from the
 * layout that prediction will see. Scores are calibrated on out-of-fold predictions: a temperature for
 * the segment types; per category, a combiner of the whole-item margin with the two best margins of the
 * item's pieces ({@link ItemSentences}), whose model learns from each piece labelled with its item's
 * categories, and with whether the item is an Item 1A factor or a list item. Per-category thresholds
 * are then chosen on the combined out-of-fold scores to maximise micro-F1 over all (item, category)
 * decisions, each moved toward one common threshold as far as nested cross-validation finds it pays
 * ({@link #thresholdShrinkage}). Deterministic: the same data and settings give the same model bytes,
 * whatever the number of cores. Not thread-safe: use one trainer per thread.
 */
public final class Trainer {
    /** The name written into models trained here. */
    public static final String MODEL_NAME = "caveat-default";
    /** The version written into models trained here. */
    public static final String MODEL_VERSION = "1.4.0";
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
    private static final double[] THRESHOLD_GRID;

    static {
        THRESHOLD_GRID = new double[37];
        for (int i = 0; i < THRESHOLD_GRID.length; i++) {
            THRESHOLD_GRID[i] = 0.05 + 0.025 * i;
        }
    }

    /**
     * One segment in this many is also trained on without its context, so that its words alone
     * learn to carry a decision (see {@link SegmentFeatures#extract(DocumentStructure, boolean)}).
     */
    static final int CONTEXT_FREE_EVERY = 8;
    private final TrainingConfig config;
    /** Hash buckets of the factor-start model's paragraph features. */
    static final int PARAGRAPH_DIMENSION = 1 << 16;
    /** Regularisation of the factor-start model. */
    static final double PARAGRAPH_LAMBDA = 0.05;
    private final Segmenter segmenter = new Segmenter();
    /** The factor-start model of the training under way, which structure() lays documents out with. */
    private volatile FactorStarts factorStarts;

    /**
     * @param config the settings
     */
    public Trainer(TrainingConfig config) {
        this.config = config;
    }

    /**
     * Trains a model on documents, choosing category thresholds by cross-validation within them.
     *
     * @param docs the training documents
     * @return the model
     * @throws InsufficientTrainingDataException if a type or category never occurs
     */
    public CaveatModel train(List<CorpusDocument> docs) throws InsufficientTrainingDataException {
        return train(docs, true);
    }

    /**
     * Trains a model; with {@code calibrateTypes}, also fits the segment-type temperature on
     * out-of-fold predictions, which trains the type model once more per fold. Cross-validation
     * leaves it out for the fold models and fits it across folds instead ({@link Evaluator}).
     */
    CaveatModel train(List<CorpusDocument> docs, boolean calibrateTypes) throws InsufficientTrainingDataException {
        if (docs.isEmpty()) {
            throw new InsufficientTrainingDataException("no training documents");
        }
        long t0 = System.nanoTime();
        LinearModel factorModel = trainFactorStarts(docs);
        factorStarts = factorModel == null ? null : new FactorStarts(factorModel);
        LinearModel types = trainTypes(docs);
        double temperature = 1;
        if (calibrateTypes) {
            OutOfFold oof = outOfFoldTypeMargins(docs);
            temperature = Calibrator.temperature(oof.margins(), oof.labels());
            LOG.info("segment-type temperature {} from {} out-of-fold segments", String.format(java.util.Locale.ROOT, "%.4f",
                    temperature), oof.labels().length);
        }
        Transitions transitions = transitions(docs);
        List<Item> items = items(docs);
        LinearModel[] categoryModels = trainCategoryModels(items, false);
        CategoryCalibration calibrated = calibrateCategories(docs, items);
        double[] thresholds = calibrated.thresholds();
        Calibration calibration = new Calibration(temperature, calibrated.weights());
        Map<String, String> provenance = new java.util.LinkedHashMap<>(config.asProvenance());
        provenance.put("trainer.contextFreeEvery", Integer.toString(CONTEXT_FREE_EVERY));
        provenance.put("trainer.paragraphLambda", Double.toString(PARAGRAPH_LAMBDA));
        provenance.put("trainingData.sha256", dataHash(docs));
        provenance.put("trainingData.documents", Integer.toString(docs.size()));
        provenance.put("trainingData.riskItems", Integer.toString(items.size()));
        provenance.put("trainingData.riskItemPieces", Integer.toString(items.stream().mapToInt(i -> i.pieces().length).sum()));
        provenance.put("java.version", Runtime.version().feature() + "");
        LOG.info("trained on {} documents in {} ms", docs.size(), (System.nanoTime() - t0) / 1_000_000);
        return new CaveatModel(MODEL_NAME, MODEL_VERSION, types, categoryModels[0], categoryModels[1], thresholds, transitions,
                calibration, factorModel, provenance);
    }

    /**
     * Serialises a model to the model file format.
     *
     * @param model the model
     * @return the model file's bytes
     * @throws IOException if writing fails
     */
    public byte[] toBytes(CaveatModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelIO.write(model, Caveat.libraryVersion(), out);
        return out.toByteArray();
    }

    /** The training examples of the segment-type model: our segments with the gold type covering most of them. */
    LinearModel trainTypes(List<CorpusDocument> docs) throws InsufficientTrainingDataException {
        SegmentFeatures features = new SegmentFeatures(config.segmentDimension());
        java.util.Random contextFree = new java.util.Random(config.seed());
        List<SparseArray> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (CorpusDocument d : docs) {
            DocumentStructure doc = structure(d.text());
            FeatureVector[] fv = features.extract(doc, true);
            FeatureVector[] alone = features.extract(doc, false);
            byte[] gold = goldTypes(d);
            for (int i = 0; i < fv.length; i++) {
                SegmentSpan s = doc.spans().get(i);
                int label = majority(gold, d.text(), s.start(), s.end());
                if (label >= 0) {
                    x.add(sparse(fv[i]));
                    y.add(label);
                    if (contextFree.nextInt(CONTEXT_FREE_EVERY) == 0) {
                        x.add(sparse(alone[i]));
                        y.add(label);
                    }
                }
            }
        }
        int k = SegmentType.values().length;
        int[] labels = y.stream().mapToInt(Integer::intValue).toArray();
        int[] counts = new int[k];
        for (int l : labels) {
            counts[l]++;
        }
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) {
                throw new InsufficientTrainingDataException("no training segment has type " + SegmentType.values()[c]);
            }
        }
        SparseDataset data = SparseDataset.of(x, config.segmentDimension());
        SparseLogisticRegression.Multinomial lr = SparseLogisticRegression.multinomial(data, labels, config.typeLambda(),
                1e-5, config.maxIterations());
        double[][] coef = lr.coefficients();
        float[][] w = new float[k][config.segmentDimension()];
        float[] b = new float[k];
        for (int c = 0; c < k - 1; c++) {
            for (int j = 0; j < config.segmentDimension(); j++) {
                w[c][j] = (float) coef[c][j];
            }
            b[c] = (float) coef[c][config.segmentDimension()];
        }
        LOG.info("segment-type model: {} segments, counts {}", labels.length, Arrays.toString(counts));
        return new LinearModel(w, b);
    }

    /** Counts type transitions between consecutive segments (our segmentation, gold types) of the corpus. */
    Transitions transitions(List<CorpusDocument> docs) {
        int k = SegmentType.values().length;
        long[][] same = new long[k][k];
        long[][] across = new long[k][k];
        for (CorpusDocument d : docs) {
            DocumentStructure doc = structure(d.text());
            byte[] gold = goldTypes(d);
            int previous = -1;
            int previousBlock = -1;
            for (SegmentSpan s : doc.spans()) {
                int label = majority(gold, d.text(), s.start(), s.end());
                if (label < 0) {
                    continue;
                }
                if (previous >= 0) {
                    (s.block() == previousBlock ? same : across)[previous][label]++;
                }
                previous = label;
                previousBlock = s.block();
            }
        }
        return Transitions.fromCounts(same, across, config.transitionWeight());
    }

    /**
     * One risk item with its features, the features of each of its pieces, whether it is an Item 1A factor (has a
     * heading), and its categories.
     */
    record Item(int doc, FeatureVector x, FeatureVector[] pieces, boolean factor, boolean[] categories) {
    }

    List<Item> items(List<CorpusDocument> docs) {
        ItemFeatures features = new ItemFeatures(config.itemDimension());
        List<Item> out = new ArrayList<>();
        for (int d = 0; d < docs.size(); d++) {
            CorpusDocument doc = docs.get(d);
            for (CorpusDocument.GoldItem it : doc.items()) {
                int headingEnd = it.start();
                for (CorpusDocument.GoldSegment s : doc.segments()) {
                    if (s.start() == it.start() && s.end() < it.end()) {
                        headingEnd = s.end();
                        break;
                    }
                }
                boolean[] cats = new boolean[RiskCategory.values().length];
                for (RiskCategory c : it.categories()) {
                    cats[c.ordinal()] = true;
                }
                out.add(new Item(d, features.extract(doc.text(), it.start(), it.end(), headingEnd),
                        CategoryTagger.pieceFeatures(features, doc.text(), it.start(), it.end(), headingEnd),
                        headingEnd > it.start(), cats));
            }
        }
        return out;
    }

    /**
     * Trains the two category models: element 0 reads whole items, element 1 reads each piece of an item,
     * labelled with the item's categories.
     */
    LinearModel[] trainCategoryModels(List<Item> items, boolean lenient) throws InsufficientTrainingDataException {
        List<FeatureVector> pieces = new ArrayList<>();
        List<boolean[]> pieceCategories = new ArrayList<>();
        for (Item it : items) {
            for (FeatureVector p : it.pieces()) {
                pieces.add(p);
                pieceCategories.add(it.categories());
            }
        }
        return new LinearModel[] {
            trainCategories(items.stream().map(Item::x).toList(), items.stream().map(Item::categories).toList(), lenient),
            trainCategories(pieces, pieceCategories, lenient)};
    }

    /**
     * Trains one binomial model per category, the categories in parallel. A category with no positive (or no
     * negative) example is an error, unless {@code lenient}: then, as in a small cross-validation fold, it gets
     * a model that never (or always) fires.
     */
    private LinearModel trainCategories(List<FeatureVector> xs, List<boolean[]> labels, boolean lenient)
            throws InsufficientTrainingDataException {
        int k = RiskCategory.values().length;
        int dim = config.itemDimension();
        SparseDataset data = SparseDataset.of(xs.stream().map(Trainer::sparse).toList(), dim);
        List<java.util.concurrent.Callable<float[]>> tasks = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            int category = c;
            tasks.add(() -> {
                int[] y = new int[xs.size()];
                int pos = 0;
                for (int i = 0; i < y.length; i++) {
                    y[i] = labels.get(i)[category] ? 1 : 0;
                    pos += y[i];
                }
                float[] w = new float[dim + 1];
                if (pos == 0 || pos == y.length) {
                    if (!lenient) {
                        throw new InsufficientTrainingDataException("risk category " + RiskCategory.values()[category]
                                + (pos == 0 ? " has no training item" : " is on every training item"));
                    }
                    w[dim] = pos == 0 ? -10f : 10f;
                    return w;
                }
                double[] coef = SparseLogisticRegression.binomial(data, y, config.categoryLambda(), 1e-5,
                        config.maxIterations()).coefficients();
                for (int j = 0; j <= dim; j++) {
                    w[j] = (float) coef[j];
                }
                return w;
            });
        }
        List<float[]> fitted = parallel(tasks, "training the category models");
        float[][] w = new float[k][];
        float[] b = new float[k];
        for (int c = 0; c < k; c++) {
            w[c] = Arrays.copyOf(fitted.get(c), dim);
            b[c] = fitted.get(c)[dim];
        }
        return new LinearModel(w, b);
    }

    /**
     * Runs tasks on up to one thread per core and returns their results in task order, so that the result
     * does not depend on the number of cores.
     */
    private static <T> List<T> parallel(List<java.util.concurrent.Callable<T>> tasks, String what)
            throws InsufficientTrainingDataException {
        int threads = Math.max(1, Math.min(tasks.size(), Runtime.getRuntime().availableProcessors()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<T> out = new ArrayList<>();
            for (java.util.concurrent.Future<T> r : pool.invokeAll(tasks)) {
                out.add(r.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof InsufficientTrainingDataException bad) {
                throw bad;
            }
            throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Out-of-fold segment-type margins with the gold type of each segment. */
    record OutOfFold(List<double[]> margins, int[] labels) {
    }

    /**
     * Trains the type model on all folds but one, for each fold (in parallel, one fold per core), and
     * collects the margins of the held-out segments. The result does not depend on the number of cores.
     */
    OutOfFold outOfFoldTypeMargins(List<CorpusDocument> docs) throws InsufficientTrainingDataException {
        int[] fold = Folds.assign(docs, config.folds(), config.seed());
        List<java.util.concurrent.Callable<OutOfFold>> tasks = new ArrayList<>();
        for (int f = 0; f < config.folds(); f++) {
            int held = f;
            tasks.add(() -> {
                List<CorpusDocument> train = new ArrayList<>();
                List<CorpusDocument> test = new ArrayList<>();
                for (int i = 0; i < docs.size(); i++) {
                    (fold[i] == held ? test : train).add(docs.get(i));
                }
                return typeMargins(trainTypes(train), test);
            });
        }
        List<double[]> margins = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (OutOfFold o : parallel(tasks, "calibrating the segment types")) {
            margins.addAll(o.margins());
            for (int l : o.labels()) {
                labels.add(l);
            }
        }
        return new OutOfFold(margins, labels.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The type model's margins on each segment of some documents that has a gold type, with that type. */
    OutOfFold typeMargins(LinearModel types, List<CorpusDocument> docs) {
        SegmentFeatures features = new SegmentFeatures(types.dimension());
        List<double[]> margins = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (CorpusDocument d : docs) {
            DocumentStructure doc = structure(d.text());
            byte[] gold = goldTypes(d);
            FeatureVector[] fv = features.extract(doc, true);
            for (int i = 0; i < fv.length; i++) {
                SegmentSpan s = doc.spans().get(i);
                int label = majority(gold, d.text(), s.start(), s.end());
                if (label >= 0) {
                    margins.add(types.margins(fv[i]));
                    labels.add(label);
                }
            }
        }
        return new OutOfFold(margins, labels.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Per category: the combiner of {@link Calibration}, and the decision threshold on the calibrated scale. */
    record CategoryCalibration(double[][] weights, double[] thresholds) {
    }

    /** Penalty on the combiner's weights: small, it only keeps them finite when a category is separable. */
    static final double COMBINER_L2 = 1e-3;

    /**
     * Per category, fits the combiner of item and piece margins and the factor flag on out-of-fold margins,
     * then chooses the thresholds that maximise micro-F1 on the combined out-of-fold scores
     * ({@link #microThresholds}), shrunk toward the common threshold by {@link #thresholdShrinkage}.
     */
    CategoryCalibration calibrateCategories(List<CorpusDocument> docs, List<Item> items)
            throws InsufficientTrainingDataException {
        int k = RiskCategory.values().length;
        double[][][] inputs = new double[items.size()][][];
        int[] fold = Folds.assign(docs, config.folds(), config.seed());
        for (int f = 0; f < config.folds(); f++) {
            List<Item> train = new ArrayList<>();
            for (Item it : items) {
                if (fold[it.doc()] != f) {
                    train.add(it);
                }
            }
            LinearModel[] m = trainCategoryModels(train, true);
            for (int i = 0; i < items.size(); i++) {
                if (fold[items.get(i).doc()] == f) {
                    inputs[i] = CategoryTagger.inputs(m[0], m[1], items.get(i).x(), items.get(i).pieces(),
                            items.get(i).factor());
                }
            }
        }
        double[][] weights = new double[k][];
        double[][] p = new double[items.size()][k];
        boolean[][] y = new boolean[items.size()][];
        for (int c = 0; c < k; c++) {
            double[][] x = new double[items.size()][];
            boolean[] yc = new boolean[items.size()];
            for (int i = 0; i < items.size(); i++) {
                x[i] = inputs[i][c];
                yc[i] = items.get(i).categories()[c];
            }
            weights[c] = Calibrator.combiner(x, yc, COMBINER_L2);
        }
        Calibration combiner = new Calibration(1, weights);
        for (int i = 0; i < items.size(); i++) {
            y[i] = items.get(i).categories();
            for (int c = 0; c < k; c++) {
                p[i][c] = combiner.category(c, inputs[i][c]);
            }
        }
        int[] itemFold = new int[items.size()];
        for (int i = 0; i < items.size(); i++) {
            itemFold[i] = fold[items.get(i).doc()];
        }
        double shrinkage = thresholdShrinkage(p, y, itemFold, config.folds());
        double common = commonThreshold(p, y, THRESHOLD_GRID);
        double[] thresholds = shrink(microThresholds(p, y, THRESHOLD_GRID, common), common, shrinkage);
        LOG.info("category thresholds: {} of the way from the common threshold to each category's own; out-of-fold "
                + "micro-F1 {} (thresholds that maximise each category's own F1 would give {})", shrinkage,
                String.format(java.util.Locale.ROOT, "%.4f", microF1(p, y, thresholds)),
                String.format(java.util.Locale.ROOT, "%.4f",
                        microF1(p, y, perCategoryThresholds(p, y, THRESHOLD_GRID))));
        return new CategoryCalibration(weights, thresholds);
    }

    /** Sweeps of {@link #microThresholds} over the categories at most. */
    private static final int THRESHOLD_SWEEPS = 4;

    /**
     * Chooses per-category thresholds that maximise micro-F1 over all (item, category) decisions, the
     * figure category quality is judged by, under the rule that an item with no category over its
     * threshold gets its most probable one. Starts from the best threshold common to all categories,
     * then moves one category's threshold at a time while micro-F1 rises. Maximising each category's
     * own F1 instead lowers the thresholds of rare, hard categories, which trades many false positives
     * for few true ones.
     *
     * @param p per item, per category: the calibrated out-of-fold probability
     * @param y per item, per category: whether the item carries the category
     * @param grid the candidate thresholds, ascending
     * @return per category, its threshold
     */
    static double[] microThresholds(double[][] p, boolean[][] y, double[] grid) {
        return microThresholds(p, y, grid, commonThreshold(p, y, grid));
    }

    /** {@link #microThresholds(double[][], boolean[][], double[])} from a common threshold worked out already. */
    static double[] microThresholds(double[][] p, boolean[][] y, double[] grid, double common) {
        int k = p.length == 0 ? RiskCategory.values().length : p[0].length;
        double[] t = new double[k];
        Arrays.fill(t, common);
        double best = microF1(p, y, t);
        for (int sweep = 0; sweep < THRESHOLD_SWEEPS; sweep++) {
            boolean moved = false;
            for (int c = 0; c < k; c++) {
                double keep = t[c];
                double chosen = keep;
                for (double g : grid) {
                    t[c] = g;
                    double f = microF1(p, y, t);
                    if (f > best + 1e-12) {
                        best = f;
                        chosen = g;
                    }
                }
                t[c] = chosen;
                moved |= chosen != keep;
            }
            if (!moved) {
                break;
            }
        }
        return t;
    }

    /** The shrinkages of per-category thresholds toward the common one that cross-validation chooses from. */
    static final double[] SHRINKAGES = {0, 0.25, 0.5, 0.75, 1};

    /**
     * The threshold, common to all categories, that maximises micro-F1 (ties: the lowest).
     *
     * @param p per item, per category: the calibrated out-of-fold probability
     * @param y per item, per category: whether the item carries the category
     * @param grid the candidate thresholds, ascending
     * @return the threshold
     */
    static double commonThreshold(double[][] p, boolean[][] y, double[] grid) {
        int k = p.length == 0 ? RiskCategory.values().length : p[0].length;
        double[] t = new double[k];
        double best = -1;
        double common = grid[0];
        for (double g : grid) {
            Arrays.fill(t, g);
            double f = microF1(p, y, t);
            if (f > best + 1e-12) {
                best = f;
                common = g;
            }
        }
        return common;
    }

    /** Each category's threshold moved from the common one toward its own by a fraction {@code s}. */
    static double[] shrink(double[] own, double common, double s) {
        double[] t = new double[own.length];
        for (int c = 0; c < t.length; c++) {
            t[c] = common + s * (own[c] - common);
        }
        return t;
    }

    /**
     * Chooses by cross-validation how far each category's threshold may move from the common one: per fold,
     * thresholds are chosen on the other folds' items ({@link #commonThreshold}, {@link #microThresholds})
     * and judged on the fold's, for each of {@link #SHRINKAGES}; the shrinkage with the highest pooled
     * micro-F1 wins (ties: the smaller). A category's own threshold rests on its few out-of-fold items and
     * can fit their noise; this measures whether it helps on items it was not chosen on.
     *
     * @param p per item, per category: the calibrated out-of-fold probability
     * @param y per item, per category: whether the item carries the category
     * @param itemFold per item, its fold
     * @param folds the number of folds
     * @return the chosen shrinkage, one of {@link #SHRINKAGES}
     */
    static double thresholdShrinkage(double[][] p, boolean[][] y, int[] itemFold, int folds) {
        long[][] counts = new long[SHRINKAGES.length][3];
        for (int f = 0; f < folds; f++) {
            List<double[]> trainP = new ArrayList<>();
            List<boolean[]> trainY = new ArrayList<>();
            List<double[]> testP = new ArrayList<>();
            List<boolean[]> testY = new ArrayList<>();
            for (int i = 0; i < p.length; i++) {
                (itemFold[i] == f ? testP : trainP).add(p[i]);
                (itemFold[i] == f ? testY : trainY).add(y[i]);
            }
            if (trainP.isEmpty() || testP.isEmpty()) {
                continue;
            }
            double[][] tp = trainP.toArray(new double[0][]);
            boolean[][] ty = trainY.toArray(new boolean[0][]);
            double common = commonThreshold(tp, ty, THRESHOLD_GRID);
            double[] own = microThresholds(tp, ty, THRESHOLD_GRID, common);
            for (int j = 0; j < SHRINKAGES.length; j++) {
                long[] c = microCounts(testP.toArray(new double[0][]), testY.toArray(new boolean[0][]),
                        shrink(own, common, SHRINKAGES[j]));
                for (int m = 0; m < 3; m++) {
                    counts[j][m] += c[m];
                }
            }
        }
        double best = -1;
        double chosen = 0;
        StringBuilder figures = new StringBuilder();
        for (int j = 0; j < SHRINKAGES.length; j++) {
            long[] c = counts[j];
            double f1 = c[0] == 0 ? 0 : 2.0 * c[0] / (2.0 * c[0] + c[1] + c[2]);
            figures.append(String.format(java.util.Locale.ROOT, " %.2f:%.4f", SHRINKAGES[j], f1));
            if (f1 > best + 1e-12) {
                best = f1;
                chosen = SHRINKAGES[j];
            }
        }
        LOG.info("category thresholds, cross-validated micro-F1 by shrinkage toward the common threshold:{}", figures);
        return chosen;
    }

    /** Per category, the threshold that maximises that category's own F1 (ties: the lowest). */
    static double[] perCategoryThresholds(double[][] p, boolean[][] y, double[] grid) {
        int k = p.length == 0 ? RiskCategory.values().length : p[0].length;
        double[] t = new double[k];
        for (int c = 0; c < k; c++) {
            double bestF1 = -1;
            t[c] = 0.5;
            for (double g : grid) {
                int tp = 0;
                int fp = 0;
                int fn = 0;
                for (int i = 0; i < p.length; i++) {
                    boolean predicted = p[i][c] >= g;
                    tp += predicted && y[i][c] ? 1 : 0;
                    fp += predicted && !y[i][c] ? 1 : 0;
                    fn += !predicted && y[i][c] ? 1 : 0;
                }
                double f1 = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
                if (f1 > bestF1 + 1e-9) {
                    bestF1 = f1;
                    t[c] = g;
                }
            }
        }
        return t;
    }

    /**
     * Micro-F1 of thresholded decisions over all items and categories, where an item with no category
     * over its threshold gets its most probable one, as {@link CategoryTagger} does.
     */
    static double microF1(double[][] p, boolean[][] y, double[] thresholds) {
        long[] c = microCounts(p, y, thresholds);
        return c[0] == 0 ? 0 : 2.0 * c[0] / (2.0 * c[0] + c[1] + c[2]);
    }

    /** True positives, false positives and false negatives of the decisions that {@link #microF1} scores. */
    static long[] microCounts(double[][] p, boolean[][] y, double[] thresholds) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < p.length; i++) {
            int top = 0;
            boolean any = false;
            for (int c = 0; c < p[i].length; c++) {
                any |= p[i][c] >= thresholds[c];
                if (p[i][c] > p[i][top]) {
                    top = c;
                }
            }
            for (int c = 0; c < p[i].length; c++) {
                boolean predicted = any ? p[i][c] >= thresholds[c] : c == top;
                tp += predicted && y[i][c] ? 1 : 0;
                fp += predicted && !y[i][c] ? 1 : 0;
                fn += !predicted && y[i][c] ? 1 : 0;
            }
        }
        return new long[] {tp, fp, fn};
    }

    DocumentStructure structure(String text) {
        List<SegmentSpan> spans = segmenter.segment(text);
        return StructureAnalyzer.analyze(text, spans, Emphasis.NONE, factorStarts);
    }

    /**
     * Trains the model of where risk factors start: one example per paragraph of the Item 1A section
     * that the layout finds in each document, positive when a gold risk item starts in the paragraph's
     * first segment and covers most of it (a factor's heading, or one bullet of a summary list; not the
     * first element of a list written inline in one sentence).
     *
     * @return the model, or null when the documents give no example of both kinds
     */
    LinearModel trainFactorStarts(List<CorpusDocument> docs) {
        ParagraphFeatures features = new ParagraphFeatures(PARAGRAPH_DIMENSION);
        List<SparseArray> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        int positives = 0;
        for (CorpusDocument d : docs) {
            List<SegmentSpan> spans = segmenter.segment(d.text());
            for (Paragraph p : StructureAnalyzer.riskParagraphs(d.text(), spans)) {
                SegmentSpan head = spans.get(p.first());
                boolean starts = false;
                for (CorpusDocument.GoldItem it : d.items()) {
                    int covered = Math.min(it.end(), head.end()) - Math.max(it.start(), head.start());
                    if (it.start() >= head.start() && it.start() < head.end() && covered >= 0.8 * (head.end() - head.start())) {
                        starts = true;
                        break;
                    }
                }
                x.add(sparse(features.extract(p)));
                y.add(starts ? 1 : 0);
                positives += starts ? 1 : 0;
            }
        }
        if (positives == 0 || positives == y.size()) {
            LOG.info("no factor-start model: {} paragraphs, {} starts", y.size(), positives);
            return null;
        }
        SparseDataset data = SparseDataset.of(x, PARAGRAPH_DIMENSION);
        double[] coef = SparseLogisticRegression.binomial(data, y.stream().mapToInt(Integer::intValue).toArray(),
                PARAGRAPH_LAMBDA, 1e-5, config.maxIterations()).coefficients();
        float[][] w = new float[1][PARAGRAPH_DIMENSION];
        for (int j = 0; j < PARAGRAPH_DIMENSION; j++) {
            w[0][j] = (float) coef[j];
        }
        LOG.info("factor-start model: {} paragraphs, {} starts", y.size(), positives);
        return new LinearModel(w, new float[] {(float) coef[PARAGRAPH_DIMENSION]});
    }

    /** The gold type ordinal of each character (-1 outside segments). */
    static byte[] goldTypes(CorpusDocument d) {
        byte[] at = new byte[d.text().length()];
        Arrays.fill(at, (byte) -1);
        for (CorpusDocument.GoldSegment s : d.segments()) {
            Arrays.fill(at, s.start(), s.end(), (byte) s.type().ordinal());
        }
        return at;
    }

    /** The gold type covering most non-whitespace characters of a span, or -1 when none does. */
    static int majority(byte[] gold, String text, int start, int end) {
        int[] counts = new int[SegmentType.values().length];
        for (int i = start; i < end; i++) {
            if (gold[i] >= 0 && !Character.isWhitespace(text.charAt(i))) {
                counts[gold[i]]++;
            }
        }
        int best = -1;
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0 && (best < 0 || counts[c] > counts[best])) {
                best = c;
            }
        }
        return best;
    }

    static SparseArray sparse(FeatureVector v) {
        SparseArray a = new SparseArray(v.size());
        for (int k = 0; k < v.size(); k++) {
            a.append(v.index(k), v.value(k));
        }
        return a;
    }

    /** SHA-256 over the documents' names and texts with their labels, in name order. */
    static String dataHash(List<CorpusDocument> docs) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (CorpusDocument d : docs) {
                md.update(d.name().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(d.text().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update((d.segments().toString() + d.items().toString()).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
