package org.caveat.read;

import java.util.Objects;
import org.caveat.SourceFormat;

/**
 * The text of an input, ready for segmentation.
 *
 * @param text the analysed text; every later offset points into it
 * @param format the format the input was recognised as
 * @param documentType for an EDGAR submission, the {@code <TYPE>} of the chosen document; otherwise null
 * @param emphasis bold, italic or underlined ranges of {@code text} (empty for plain text)
 */
public record ReadResult(String text, SourceFormat format, String documentType, Emphasis emphasis) {

    /** Checks that the required parts are present. */
    public ReadResult {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(emphasis, "emphasis");
    }
}
