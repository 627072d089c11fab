package org.caveat.compare;

import java.io.IOException;

/** A boilerplate index file that is not one, is damaged, or has a version this library cannot read. */
public final class InvalidIndexException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong with the file, in words a user can act on
     */
    public InvalidIndexException(String message) {
        super(message);
    }
}
