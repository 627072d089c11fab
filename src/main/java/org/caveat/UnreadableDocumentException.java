package org.caveat;

import java.io.IOException;

/**
 * An input that Caveat cannot read as a disclosure: binary content (an image, a PDF, an archive), an
 * EDGAR submission without the requested document, or an input over the size limit. The message
 * names the problem and what to do about it.
 */
public class UnreadableDocumentException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong with the input, in words a user can act on
     */
    public UnreadableDocumentException(String message) {
        super(message);
    }
}
