package org.caveat.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code <DOCUMENT>} blocks of an EDGAR submission file (SGML), with their {@code <TYPE>} and
 * {@code <TEXT>}. An unclosed block runs to the end of the file.
 */
final class EdgarSubmission {
    private static final Pattern DOC_OPEN = Pattern.compile("<DOCUMENT>", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOC_CLOSE = Pattern.compile("</DOCUMENT>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TYPE = Pattern.compile("<TYPE>[ \\t]*([^\\r\\n<]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TEXT_OPEN = Pattern.compile("<TEXT>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TEXT_CLOSE = Pattern.compile("</TEXT>", Pattern.CASE_INSENSITIVE);
    private static final Pattern FORM = Pattern.compile("CONFORMED SUBMISSION TYPE:[ \\t]*([^\\r\\n]*)");

    /** One document of the submission. */
    record Part(String type, String content) {
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
        int from = 0;
        while (open.find(from)) {
            int bodyStart = open.end();
            Matcher close = DOC_CLOSE.matcher(s);
            int bodyEnd = close.find(bodyStart) ? close.start() : s.length();
            String body = s.substring(bodyStart, bodyEnd);
            Matcher type = TYPE.matcher(body);
            String t = type.find() ? type.group(1).trim().toUpperCase(Locale.ROOT) : "";
            Matcher to = TEXT_OPEN.matcher(body);
            String content;
            if (to.find()) {
                Matcher tc = TEXT_CLOSE.matcher(body);
                int end = tc.find(to.end()) ? tc.start() : body.length();
                content = body.substring(to.end(), end);
            } else {
                content = body;
            }
            parts.add(new Part(t, content));
            from = bodyEnd;
            if (from >= s.length()) {
                break;
            }
        }
        Matcher form = FORM.matcher(s.substring(0, Math.min(s.length(), 16384)));
        String formType = form.find() ? form.group(1).trim().toUpperCase(Locale.ROOT)
                : parts.isEmpty() ? "" : parts.get(0).type();
        return new EdgarSubmission(formType, parts);
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
