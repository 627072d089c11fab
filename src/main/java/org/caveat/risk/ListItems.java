package org.caveat.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the items of an enumerated risk list inside one sentence: semicolon lists after an introducer
 * ("include:", "including, but not limited to,"), (i)/(ii), (a)/(b) or (1)/(2) numbering, and comma
 * lists after "such as" or "including". An item's span leaves out the joining "and"/"or", the
 * numbering and the trailing punctuation; a catch-all ("other risks detailed in our SEC filings") is
 * not an item, and neither is a list of words that mark forward-looking statements. Stateless.
 */
public final class ListItems {
    private static final Pattern INTRO = Pattern.compile(
            "\\b(?:include|includes|including|such as|among others|the following|as follows|namely|consist of|relate to|relating to)\\b"
                    + "(?:,?\\s*(?:but\\s+(?:are\\s+|is\\s+)?not\\s+limited\\s+to|without\\s+limitation|among\\s+others|in\\s+particular"
                    + "|for\\s+example|among\\s+other\\s+things|the\\s+following))*,?\\s*:?|:",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTEXT = Pattern.compile(
            "risk|factor|uncertaint|could cause|differ|affect|impact|include|including", Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD_LIST_CONTEXT = Pattern.compile(
            "(words|terms|terminology|expressions|phrases|identified by|identify|such as the words|variations)\\W*(such as|including|like)?\\W*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKER = Pattern.compile("\\((?:[ivx]{1,5}|[a-z]|\\d{1,2})\\)(?=\\s)|(?<=[\\s:;,])(?:[ivx]{1,5}|[a-z]|\\d{1,2})\\)(?=\\s)");
    private static final Pattern LEADING = Pattern.compile(
            "^(?:\\s|and/or\\b|and\\b|or\\b|as well as\\b|plus\\b|\\((?:[ivx]{1,5}|[a-z]|\\d{1,2})\\)|(?:[ivx]{1,5}|[a-z]|\\d{1,2})\\)|[•●▪◦·\\-–—*:,;])+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING = Pattern.compile("(?:[\\s;,.:]|\\band/or|\\band|\\bor)+$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CATCH_ALL = Pattern.compile(
            "^(?:the\\s+|such\\s+|those\\s+|any\\s+)?(?:other|additional|various other|all other|certain other|similar)\\b"
                    + "|^(?:the\\s+|those\\s+|such\\s+)?(?:risks?|factors?|uncertainties|matters)(?:\\s+and\\s+uncertainties)?\\s+"
                    + "(?:that\\s+are\\s+|as\\s+)?(?:detailed|described|discussed|set forth|identified|contained|included|referenced|"
                    + "listed|disclosed|outlined)\\b"
                    + "|^(?:those|the)\\s+(?:risks|factors|uncertainties)\\b.*\\b(?:filings?|reports?)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TAIL_CATCH_ALL = Pattern.compile(
            ",?\\s+(?:as well as|and|or|including)\\s+(?:the\\s+)?(?:other|those|such other|additional)\\s+(?:risks?|factors?|uncertainties)\\b.*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private ListItems() {
    }

    /**
     * Finds the list items in one sentence.
     *
     * @param text the analysed text
     * @param start the sentence's first offset
     * @param end the sentence's end offset
     * @return the items' spans, in order; empty when the sentence holds no risk list
     */
    public static List<int[]> find(String text, int start, int end) {
        String s = text.substring(start, end);
        List<int[]> items = numbered(s);
        if (items.isEmpty()) {
            items = semicolons(s);
        }
        if (items.isEmpty()) {
            items = commas(s);
        }
        List<int[]> out = new ArrayList<>(items.size());
        for (int[] it : items) {
            out.add(new int[] {it[0] + start, it[1] + start});
        }
        return out;
    }

    /**
     * Cleans one bullet line into an item span, or returns null when it is not an item.
     *
     * @param text the analysed text
     * @param start the bullet segment's first offset
     * @param end its end offset
     * @return the item's span, or null
     */
    public static int[] bullet(String text, int start, int end) {
        int[] c = clean(text.substring(start, end), 0, end - start);
        return c == null ? null : new int[] {c[0] + start, c[1] + start};
    }

    private static List<int[]> numbered(String s) {
        Matcher m = MARKER.matcher(s);
        List<int[]> markers = new ArrayList<>();
        while (m.find()) {
            markers.add(new int[] {m.start(), m.end()});
        }
        if (markers.size() < 2) {
            return List.of();
        }
        String first = s.substring(markers.get(0)[0], markers.get(0)[1]).replaceAll("[()\\s]", "").toLowerCase(Locale.ROOT);
        String second = s.substring(markers.get(1)[0], markers.get(1)[1]).replaceAll("[()\\s]", "").toLowerCase(Locale.ROOT);
        boolean sequence = first.equals("i") && second.equals("ii") || first.equals("a") && second.equals("b")
                || first.equals("1") && second.equals("2");
        if (!sequence || !hasContext(s, markers.get(0)[0])) {
            return List.of();
        }
        List<int[]> out = new ArrayList<>();
        for (int k = 0; k < markers.size(); k++) {
            int a = markers.get(k)[1];
            int b = k + 1 < markers.size() ? markers.get(k + 1)[0] : s.length();
            addItem(s, a, b, k + 1 == markers.size(), out);
        }
        return out.size() >= 2 ? out : List.of();
    }

    private static List<int[]> semicolons(String s) {
        int first = s.indexOf(';');
        if (first < 0) {
            return List.of();
        }
        int introEnd = -1;
        Matcher m = INTRO.matcher(s);
        while (m.find() && m.end() <= first) {
            if (hasContext(s, m.start()) && !wordList(s, m.start())) {
                introEnd = m.end();
            }
        }
        if (introEnd < 0) {
            return List.of();
        }
        List<int[]> out = new ArrayList<>();
        int a = introEnd;
        for (int i = first; ; i = s.indexOf(';', i + 1)) {
            if (i < 0) {
                addItem(s, a, s.length(), true, out);
                break;
            }
            addItem(s, a, i, false, out);
            a = i + 1;
        }
        return out.size() >= 2 ? out : List.of();
    }

    private static List<int[]> commas(String s) {
        Matcher m = INTRO.matcher(s);
        while (m.find()) {
            String intro = m.group().toLowerCase(Locale.ROOT);
            if (!(intro.startsWith("such as") || intro.startsWith("includ")) || !hasContext(s, m.start())
                    || wordList(s, m.start())) {
                continue;
            }
            List<int[]> parts = new ArrayList<>();
            int depth = 0;
            int a = m.end();
            for (int i = a; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth = Math.max(0, depth - 1);
                } else if (c == ',' && depth == 0) {
                    parts.add(new int[] {a, i});
                    a = i + 1;
                }
            }
            parts.add(new int[] {a, s.length()});
            if (parts.size() < 2) {
                continue;
            }
            int[] last = parts.get(parts.size() - 1);
            String lastText = s.substring(last[0], last[1]).stripLeading().toLowerCase(Locale.ROOT);
            if (!lastText.startsWith("and ") && !lastText.startsWith("or ")) {
                int and = Math.max(s.lastIndexOf(" and ", last[1]), s.lastIndexOf(" or ", last[1]));
                if (and > last[0]) {
                    parts.set(parts.size() - 1, new int[] {last[0], and});
                    parts.add(new int[] {and, last[1]});
                }
            }
            if (parts.size() < 3) {
                continue;
            }
            List<int[]> out = new ArrayList<>();
            boolean tooLong = false;
            for (int k = 0; k < parts.size(); k++) {
                int[] p = parts.get(k);
                if (s.substring(p[0], p[1]).split("\\s+").length > 30) {
                    tooLong = true;
                }
                addItem(s, p[0], p[1], k + 1 == parts.size(), out);
            }
            if (!tooLong && out.size() >= 3) {
                return out;
            }
        }
        return List.of();
    }

    private static boolean hasContext(String s, int introStart) {
        return CONTEXT.matcher(s.substring(0, Math.min(s.length(), introStart + 12))).find();
    }

    private static boolean wordList(String s, int introStart) {
        return WORD_LIST_CONTEXT.matcher(s.substring(Math.max(0, introStart - 60), introStart + 0)).find()
                || WORD_LIST_CONTEXT.matcher(s.substring(Math.max(0, introStart - 60), Math.min(s.length(), introStart + 8))).find();
    }

    private static void addItem(String s, int a, int b, boolean last, List<int[]> out) {
        if (last) {
            Matcher tail = TAIL_CATCH_ALL.matcher(s.substring(a, b));
            if (tail.find() && tail.start() > 0) {
                b = a + tail.start();
            }
        }
        int[] c = clean(s, a, b);
        if (c != null) {
            out.add(c);
        }
    }

    /** Trims conjunctions, numbering and punctuation; returns null for an empty item, a catch-all or a quoted word. */
    private static int[] clean(String s, int a, int b) {
        Matcher lead = LEADING.matcher(s.substring(a, b));
        if (lead.find()) {
            a += lead.end();
        }
        Matcher trail = TRAILING.matcher(s.substring(a, b));
        if (trail.find()) {
            b = a + trail.start();
        }
        while (b > a && (s.charAt(b - 1) == ')' && s.lastIndexOf('(', b - 1) < a)) {
            b--;
        }
        if (b - a < 3) {
            return null;
        }
        String item = s.substring(a, b);
        if (CATCH_ALL.matcher(item).find()) {
            return null;
        }
        if (item.matches("^[\"“'‘].{0,30}[\"”'’]$")) {
            return null;
        }
        boolean letter = false;
        for (int i = 0; i < item.length() && !letter; i++) {
            letter = Character.isLetter(item.charAt(i));
        }
        return letter ? new int[] {a, b} : null;
    }
}
