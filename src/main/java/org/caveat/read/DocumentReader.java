package org.caveat.read;

import java.util.Locale;
import java.util.stream.Collectors;
import org.caveat.SourceFormat;
import org.caveat.UnreadableDocumentException;

/**
 * Reads an input into analysable text. The format is recognised from the content: an EDGAR
 * submission (SGML {@code <DOCUMENT>} blocks), HTML, or plain text. Stateless and thread-safe.
 */
public final class DocumentReader {
    private DocumentReader() {
    }

    /**
     * Reads bytes of any supported format.
     *
     * @param bytes the input
     * @param documentType for an EDGAR submission, the {@code <TYPE>} of the document to analyse
     *     (for example {@code EX-99.1}), or null for the default choice
     * @return the analysed text and what it was read from
     * @throws UnreadableDocumentException if the input is binary or lacks the requested document
     */
    public static ReadResult read(byte[] bytes, String documentType) throws UnreadableDocumentException {
        return readString(Decoder.decode(bytes), documentType);
    }

    /**
     * Reads an already decoded input of any supported format.
     *
     * @param content the input
     * @param documentType as for {@link #read(byte[], String)}
     * @return the analysed text and what it was read from
     * @throws UnreadableDocumentException if the submission lacks the requested document
     */
    public static ReadResult readString(String content, String documentType) throws UnreadableDocumentException {
        if (EdgarSubmission.looksLikeSubmission(content)) {
            EdgarSubmission sub = EdgarSubmission.parse(content);
            EdgarSubmission.Part part = sub.choose(documentType).orElseThrow(() -> new UnreadableDocumentException(
                    documentType == null ? "the EDGAR submission holds no <DOCUMENT> block"
                            : "the EDGAR submission has no document of type " + documentType + "; it has: "
                            + sub.parts().stream().map(EdgarSubmission.Part::type).collect(Collectors.joining(", "))));
            String body = part.content();
            if (looksLikeHtml(body)) {
                return HtmlText.extract(body, SourceFormat.EDGAR_SUBMISSION, part.type());
            }
            return new ReadResult(stripSgmlTags(body), SourceFormat.EDGAR_SUBMISSION, part.type(), Emphasis.NONE);
        }
        if (documentType != null) {
            throw new UnreadableDocumentException("a document type (" + documentType
                    + ") was given, but the input is not an EDGAR submission file");
        }
        if (looksLikeHtml(content)) {
            return HtmlText.extract(content, SourceFormat.HTML, null);
        }
        return new ReadResult(content, SourceFormat.PLAIN_TEXT, null, Emphasis.NONE);
    }

    static boolean looksLikeHtml(String s) {
        String head = s.substring(0, Math.min(s.length(), 8192)).toLowerCase(Locale.ROOT);
        if (head.contains("<html") || head.contains("<!doctype html") || head.contains("<body")) {
            return true;
        }
        int tags = 0;
        for (String t : new String[] {"<p>", "<p ", "<div", "<br", "<table", "<font", "<td", "<span"}) {
            int i = head.indexOf(t);
            while (i >= 0) {
                tags++;
                i = head.indexOf(t, i + 1);
            }
        }
        return tags >= 3;
    }

    /** Plain-text EDGAR documents sometimes carry {@code <PAGE>} and similar SGML marks; drop them. */
    private static String stripSgmlTags(String body) {
        String s = body.replaceAll("(?im)^[ \\t]*</?(PAGE|S|C|FN|CAPTION|TABLE|PRE)>[ \\t]*$", "");
        if (s.startsWith("\r\n")) {
            s = s.substring(2);
        } else if (s.startsWith("\n")) {
            s = s.substring(1);
        }
        return s;
    }
}
