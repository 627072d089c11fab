package org.caveat;

import java.io.IOException;

/**
 * A model file that cannot be used: not a Caveat model, truncated or corrupt, of an unsupported format
 * version, or with label ids this library does not know. The message names the problem.
 */
public class InvalidModelException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong with the model file, in words a user can act on
     */
    public InvalidModelException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what is wrong with the model file
     * @param cause the underlying failure
     */
    public InvalidModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
