package org.caveat.classify;

import org.caveat.SegmentType;
import org.caveat.features.FeatureVector;
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
    private final SegmentFeatures features;

    /**
     * @param model a model with one output per segment type
     */
    public SegmentClassifier(LinearModel model) {
        this.model = model;
        this.features = new SegmentFeatures(model.dimension());
    }

    /**
     * Classifies every segment of a document.
     *
     * @param doc the document's structure
     * @return the types and their probabilities
     */
    public ClassifiedSegments classify(DocumentStructure doc) {
        FeatureVector[] x = features.extract(doc);
        SegmentType[] types = new SegmentType[x.length];
        double[] scores = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] p = model.softmax(x[i]);
            int best = 0;
            for (int k = 1; k < p.length; k++) {
                if (p[k] > p[best]) {
                    best = k;
                }
            }
            types[i] = TYPES[best];
            scores[i] = Math.min(1, Math.max(0, p[best]));
        }
        return new ClassifiedSegments(types, scores);
    }
}
