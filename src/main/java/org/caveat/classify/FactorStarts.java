package org.caveat.classify;

import java.util.function.ToDoubleFunction;
import org.caveat.features.ParagraphFeatures;
import org.caveat.model.LinearModel;
import org.caveat.structure.Paragraph;

/**
 * The probability that a risk factor starts at a paragraph of an Item 1A section, from a trained
 * one-output logistic model over {@link ParagraphFeatures}. Immutable and thread-safe.
 */
public final class FactorStarts implements ToDoubleFunction<Paragraph> {
    private final LinearModel model;
    private final ParagraphFeatures features;

    /**
     * @param model a model with one output: the margin of "a factor starts here"
     * @throws IllegalArgumentException if the model has more than one output
     */
    public FactorStarts(LinearModel model) {
        if (model.outputs() != 1) {
            throw new IllegalArgumentException("a factor-start model has one output, this one has " + model.outputs());
        }
        this.model = model;
        this.features = new ParagraphFeatures(model.dimension());
    }

    /**
     * @param p a paragraph
     * @return the probability that a risk factor starts at it
     */
    @Override
    public double applyAsDouble(Paragraph p) {
        return model.sigmoid(features.extract(p))[0];
    }
}
