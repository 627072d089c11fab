package org.caveat.train;

import java.io.IOException;

/** A training file that breaks the format of {@code training-data/README.md}; the message names the file and the problem. */
public class CorpusFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the file and what is wrong in it
     */
    public CorpusFormatException(String message) {
        super(message);
    }
}
