package org.caveat.classify;

import org.caveat.SegmentType;
import org.caveat.features.SegmentFeatures;
import org.caveat.model.LinearModel;
import org.caveat.structure.DocumentStructure;

/**
 * Gives each segment a type with a multinomial logistic model over {@link SegmentFeatures}.
 * Immutable and thread-safe.
 */
public final class SegmentClassifier {
    private static final SegmentType[] TYPES = SegmentType.values();
    private final LinearModel model;
    private final Transitions transitions;
    private final SegmentFeatures features;

    /**
     * @param model a model with one output per segment type
     * @param transitions type transitions for sequence decoding; with weight 0 each segment is decided alone
     */
    public SegmentClassifier(LinearModel model, Transitions transitions) {
        this.model = model;
        this.transitions = transitions;
        this.features = new SegmentFeatures(model.dimension());
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
     *     transitions) rather than segment by segment
     * @return the types and the probability of each chosen type
     */
    public ClassifiedSegments classify(DocumentStructure doc, boolean sequence) {
        int n = doc.spans().size();
        double[][] p = new double[n][];
        boolean[] same = new boolean[n];
        features.extract(doc, true, (i, x) -> {
            double[] margins = new double[model.outputs()];
            model.margins(x, margins);
            p[i] = LinearModel.softmaxInPlace(margins);
        });
        for (int i = 0; i < n; i++) {
            same[i] = i > 0 && doc.spans().get(i).block() == doc.spans().get(i - 1).block();
        }
        int[] best;
        if (sequence) {
            best = transitions.decode(p, same);
        } else {
            best = new int[n];
            for (int i = 0; i < n; i++) {
                for (int k = 1; k < p[i].length; k++) {
                    if (p[i][k] > p[i][best[i]]) {
                        best[i] = k;
                    }
                }
            }
        }
        SegmentType[] types = new SegmentType[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            types[i] = TYPES[best[i]];
            scores[i] = Math.min(1, Math.max(0, p[i][best[i]]));
        }
        return new ClassifiedSegments(types, scores);
    }
}
