package org.caveat.classify;

import java.util.ArrayList;
import java.util.List;
import org.caveat.Contribution;
import org.caveat.Kind;
import org.caveat.SegmentType;
import org.caveat.features.Contributions;
import org.caveat.features.SegmentFeatures;
import org.caveat.model.Calibration;
import org.caveat.model.LinearModel;
import org.caveat.structure.DocumentStructure;

/**
 * Gives each segment a type with a multinomial logistic model over {@link SegmentFeatures}, under two
 * rules: inside an Item 1A section only the introduction, and generic language about forward-looking
 * statements, may be boilerplate; and a fragment that continues the sentence before it (a list line in
 * lower case after a semicolon or colon) takes that sentence's type. Immutable and thread-safe.
 */
public final class SegmentClassifier {
    private static final SegmentType[] TYPES = SegmentType.values();
    /** Generic cautionary language about forward-looking statements, the one boilerplate a risk factor may hold. */
    private static final java.util.regex.Pattern CAUTIONARY = java.util.regex.Pattern.compile(
            "forward[- ]looking (?:statement|information)|cautionary (?:statement|note|language)|safe harbou?r",
            java.util.regex.Pattern.CASE_INSENSITIVE);
    private final LinearModel model;
    private final Transitions transitions;
    private final SegmentFeatures features;
    private final double temperature;

    /**
     * A classifier whose scores are the model's own softmax probabilities.
     *
     * @param model a model with one output per segment type
     * @param transitions type transitions for sequence decoding; with weight 0 each segment is decided alone
     */
    public SegmentClassifier(LinearModel model, Transitions transitions) {
        this(model, transitions, 1);
    }

    /**
     * A classifier whose scores are calibrated by a temperature: the score of the chosen type is its
     * probability under {@code softmax(margins / temperature)}. Decoding uses the uncalibrated
     * probabilities, so the types chosen do not depend on the temperature.
     *
     * @param model a model with one output per segment type
     * @param transitions type transitions for sequence decoding; with weight 0 each segment is decided alone
     * @param temperature the calibration temperature, finite and above 0 (1 leaves scores as they are)
     * @throws IllegalArgumentException if the temperature is out of range
     */
    public SegmentClassifier(LinearModel model, Transitions transitions, double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("the temperature must be finite and above 0, was " + temperature);
        }
        this.model = model;
        this.transitions = transitions;
        this.features = new SegmentFeatures(model.dimension());
        this.temperature = temperature;
    }

    /**
     * Classifies every segment of a document.
     *
     * @param doc the document's structure
     * @return the types and their probabilities
     */
    public ClassifiedSegments classify(DocumentStructure doc) {
        return classify(doc, transitions.weight() > 0);
    }

    /**
     * Classifies every segment of a document, with or without sequence decoding.
     *
     * @param doc the document's structure
     * @param sequence whether to decode the document's types as a sequence (Viterbi over the learned
     *     transitions) rather than segment by segment; the two rules of the class hold either way
     * @return the types and the calibrated probability of each chosen type (for a fragment tied to its
     *     sentence, its own probability of that type)
     */
    public ClassifiedSegments classify(DocumentStructure doc, boolean sequence) {
        int n = doc.spans().size();
        double[][] p = new double[n][];
        double[][] calibrated = temperature == 1 ? p : new double[n][];
        boolean[] same = new boolean[n];
        features.extract(doc, true, (i, x) -> {
            double[] margins = new double[model.outputs()];
            model.margins(x, margins);
            if (temperature != 1) {
                calibrated[i] = Calibration.softmax(margins, temperature);
            }
            p[i] = LinearModel.softmaxInPlace(margins);
            if (!boilerplateAllowed(doc, i)) {
                substantiveOnly(p[i]);
                if (temperature != 1) {
                    substantiveOnly(calibrated[i]);
                }
            }
        });
        boolean[] tied = new boolean[n];
        for (int i = 0; i < n; i++) {
            same[i] = i > 0 && doc.spans().get(i).block() == doc.spans().get(i - 1).block();
            tied[i] = i > 0 && continuesSentence(doc, i);
        }
        int[] best;
        if (sequence) {
            best = transitions.decode(p, same, tied);
        } else {
            best = new int[n];
            for (int i = 0; i < n; i++) {
                for (int k = 1; k < p[i].length; k++) {
                    if (p[i][k] > p[i][best[i]]) {
                        best[i] = k;
                    }
                }
                if (tied[i]) {
                    best[i] = best[i - 1];
                }
            }
        }
        SegmentType[] types = new SegmentType[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            types[i] = TYPES[best[i]];
            scores[i] = Math.min(1, Math.max(0, calibrated[i][best[i]]));
        }
        return new ClassifiedSegments(types, scores);
    }

    /**
     * Whether a segment may be boilerplate. In an Item 1A section, labels.md makes every risk factor
     * substantive: its heading and body, the line that summarises it, and the headings that group them.
     * The exception is generic cautionary language about forward-looking statements, which may still be
     * a safe harbor there. Only the section's introduction, before its first risk factor, is free.
     */
    static boolean boilerplateAllowed(DocumentStructure doc, int i) {
        return switch (doc.role(i)) {
            case NONE, INTRODUCTION -> true;
            case ITEM_HEADING, SUMMARY, GROUP_HEADING, FACTOR_HEADING, FACTOR_BODY -> CAUTIONARY.matcher(doc.text())
                    .region(doc.spans().get(i).start(), doc.spans().get(i).end()).find();
        };
    }

    /**
     * Whether a segment continues the sentence of the segment before it: it opens in lower case, without
     * a bullet, after a segment that ends with a semicolon or colon (a list whose items layout put on
     * lines of their own, as in "factors include: A; [new line] b; [new line] c."). Such a fragment
     * takes its sentence's type: in the corpus 100 of 106 fragments do, the rest being lines of a summary
     * of risk factors, which are judged one by one and so are never tied.
     */
    static boolean continuesSentence(DocumentStructure doc, int i) {
        if (doc.role(i) == org.caveat.structure.Role.SUMMARY || doc.spans().get(i).shape() == org.caveat.segment.Shape.BULLET) {
            return false;
        }
        String text = doc.text();
        int start = doc.spans().get(i).start();
        if (start >= doc.spans().get(i).end() || !Character.isLowerCase(text.charAt(start))) {
            return false;
        }
        int end = doc.spans().get(i - 1).end();
        char last = text.charAt(end - 1);
        return last == ';' || last == ':' || text.startsWith("; and", end - 5) || text.startsWith("; or", end - 4);
    }

    /** Moves the probability of the boilerplate types onto the substantive ones, keeping their ratio. */
    private static void substantiveOnly(double[] p) {
        double kept = 0;
        for (SegmentType t : TYPES) {
            if (t.kind() == Kind.SUBSTANTIVE) {
                kept += p[t.ordinal()];
            }
        }
        for (SegmentType t : TYPES) {
            if (t.kind() == Kind.SUBSTANTIVE) {
                p[t.ordinal()] = kept > 0 ? p[t.ordinal()] / kept : 0.5;
            } else {
                p[t.ordinal()] = 0;
            }
        }
    }

    /** One segment's explanation: the runner-up type and the contributions towards the type over it. */
    public record Explained(SegmentType runnerUp, List<Contribution> contributions) {
    }

    /**
     * Explains the types of a document's segments: for each, the features that contributed most to its
     * type over the runner-up, the type with the next highest probability. Extracts the features again,
     * with names, so it costs about as much as {@link #classify(DocumentStructure)}.
     *
     * @param doc the document's structure
     * @param types the types {@link #classify(DocumentStructure)} chose, one per segment
     * @param limit how many contributions to keep per segment
     * @return one explanation per segment, in segment order
     */
    public List<Explained> explain(DocumentStructure doc, SegmentType[] types, int limit) {
        int n = doc.spans().size();
        if (types.length != n) {
            throw new IllegalArgumentException("need one type per segment (" + n + "), got " + types.length);
        }
        List<Explained> out = new ArrayList<>(n);
        double[] margins = new double[model.outputs()];
        double[] coefficients = new double[model.outputs()];
        features.extract(doc, true, (i, x) -> {
            model.margins(x, margins);
            int chosen = types[i].ordinal();
            int runnerUp = -1;
            for (int k = 0; k < margins.length; k++) {
                if (k != chosen && (runnerUp < 0 || margins[k] > margins[runnerUp])) {
                    runnerUp = k;
                }
            }
            java.util.Arrays.fill(coefficients, 0);
            coefficients[chosen] = 1;
            coefficients[runnerUp] = -1;
            out.add(new Explained(TYPES[runnerUp], Contributions.top(x, 1, model.combined(coefficients), limit)));
        }, true);
        return out;
    }
}
