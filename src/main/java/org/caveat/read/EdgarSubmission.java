package org.caveat.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code <DOCUMENT>} blocks of an EDGAR submission file (SGML), with their {@code <TYPE>} and
 * {@code <TEXT>}. An unclosed block runs to the next {@code <DOCUMENT>} or to the end of the file; an
 * unclosed {@code <TEXT>} to the end of its block. Parsing is linear in the file's length, and a part
 * keeps offsets into the file rather than a copy of its text.
 */
final class EdgarSubmission {
    private static final Pattern DOC_OPEN = Pattern.compile("<DOCUMENT>", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOC_CLOSE = Pattern.compile("</DOCUMENT>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TYPE = Pattern.compile("<TYPE>[ \\t]*([^\\r\\n<]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TEXT_OPEN = Pattern.compile("<TEXT>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TEXT_CLOSE = Pattern.compile("</TEXT>", Pattern.CASE_INSENSITIVE);
    private static final Pattern FORM = Pattern.compile("CONFORMED SUBMISSION TYPE:[ \\t]*([^\\r\\n]*)");

    /** One document of the submission: its type and where its text lies in the file. */
    record Part(String type, String file, int start, int end) {
        /** @return the document's text (the {@code <TEXT>} body, or the whole block without one) */
        String content() {
            return file.substring(start, end);
        }
    }

    private final String formType;
    private final List<Part> parts;

    private EdgarSubmission(String formType, List<Part> parts) {
        this.formType = formType;
        this.parts = parts;
    }

    static boolean looksLikeSubmission(String s) {
        int i = 0;
        int n = Math.min(s.length(), 4096);
        while (i < n && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        String head = s.substring(i, Math.min(s.length(), i + 64)).toUpperCase(Locale.ROOT);
        return head.startsWith("<SEC-DOCUMENT>") || head.startsWith("<SEC-HEADER>") || head.startsWith("<DOCUMENT>")
                || head.startsWith("-----BEGIN PRIVACY-ENHANCED MESSAGE-----") || head.startsWith("<IMS-DOCUMENT>");
    }

    static EdgarSubmission parse(String s) {
        List<Part> parts = new ArrayList<>();
        Matcher open = DOC_OPEN.matcher(s);
        Matcher close = DOC_CLOSE.matcher(s);
        Matcher textOpen = TEXT_OPEN.matcher(s);
        Matcher textClose = TEXT_CLOSE.matcher(s);
        // Each matcher only moves forward: the next match at or after a position is found once and kept
        // until the parse passes it, so a file of many unclosed blocks is not rescanned for every block.
        int nextClose = -2;
        int nextTextOpen = -2;
        int nextTextClose = -2;
        int at = open.find(0) ? open.start() : -1;
        while (at >= 0) {
            int bodyStart = at + "<DOCUMENT>".length();
            int nextOpen = open.find(bodyStart) ? open.start() : -1;
            int limit = nextOpen >= 0 ? nextOpen : s.length();
            nextClose = next(close, nextClose, bodyStart);
            int bodyEnd = nextClose >= 0 && nextClose < limit ? nextClose : limit;
            Matcher type = TYPE.matcher(s).region(bodyStart, bodyEnd);
            String t = type.find() ? type.group(1).trim().toUpperCase(Locale.ROOT) : "";
            nextTextOpen = next(textOpen, nextTextOpen, bodyStart);
            int start = bodyStart;
            int end = bodyEnd;
            if (nextTextOpen >= 0 && nextTextOpen < bodyEnd) {
                start = nextTextOpen + "<TEXT>".length();
                nextTextClose = next(textClose, nextTextClose, start);
                end = nextTextClose >= 0 && nextTextClose < bodyEnd ? nextTextClose : bodyEnd;
            }
            parts.add(new Part(t, s, start, end));
            at = nextOpen;
        }
        Matcher form = FORM.matcher(s).region(0, Math.min(s.length(), 16384));
        String formType = form.find() ? form.group(1).trim().toUpperCase(Locale.ROOT)
                : parts.isEmpty() ? "" : parts.get(0).type();
        return new EdgarSubmission(formType, parts);
    }

    /** The start of the matcher's next match at or after {@code from} (-1 for none), reusing a known one. */
    private static int next(Matcher m, int known, int from) {
        if (known == -1 || known >= from) {
            return known;
        }
        return m.find(from) ? m.start() : -1;
    }

    List<Part> parts() {
        return parts;
    }

    /**
     * Chooses the document to analyse: the one of the requested type; otherwise, for an 8-K or 6-K
     * with an EX-99 exhibit, the first EX-99 exhibit (the press release); otherwise the primary document.
     */
    Optional<Part> choose(String requestedType) {
        if (requestedType != null) {
            String want = requestedType.trim().toUpperCase(Locale.ROOT);
            return parts.stream().filter(p -> p.type().equals(want)).findFirst();
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        if (formType.startsWith("8-K") || formType.startsWith("6-K")) {
            Optional<Part> ex99 = parts.stream().filter(p -> p.type().startsWith("EX-99")).findFirst();
            if (ex99.isPresent()) {
                return ex99;
            }
        }
        return Optional.of(parts.get(0));
    }
}
