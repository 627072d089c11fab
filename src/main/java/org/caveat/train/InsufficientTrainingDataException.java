package org.caveat.train;

import java.io.IOException;

/** Too little training data to train a model: no documents, or a label that never occurs. */
public class InsufficientTrainingDataException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is missing from the training data
     */
    public InsufficientTrainingDataException(String message) {
        super(message);
    }
}
