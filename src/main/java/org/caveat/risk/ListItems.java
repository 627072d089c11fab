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
            "\\b(?:include|includes|including|such as|among others|the following|as follows|namely|consist of|relate to|relating to"
                    + "|(?<=^among\\b.{0,200})are)\\b"
                    + "(?:,?\\s*(?:but\\s+(?:are\\s+|is\\s+)?not\\s+limited\\s+to|without\\s+limitation|among\\s+others|in\\s+particular"
                    + "|for\\s+example|among\\s+other\\s+things|the\\s+following))*,?\\s*:?|:",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RISK_HEAD = Pattern.compile(
            "risks?\\b|factors?\\b|uncertaint|could cause|would cause|may cause|differ materially|contingencies|events\\b",
            Pattern.CASE_INSENSITIVE);
    /** Clauses such as "differ materially from those in the forward-looking statements", whose nouns are not the list's head. */
    private static final Pattern RELATIVE = Pattern.compile(
            "\\b(?:from|than)\\s+(?:those|that|what|any|the|our|its)\\b[^,;:()]*"
                    + "|\\b(?:expressed|implied|contemplated|anticipated|projected|indicated|contained|reflected)\\s+(?:in|by)\\b[^,;:()]*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STATEMENT_ITEM = Pattern.compile(
            "^\\W*(?:the\\s+|our\\s+|any\\s+)?(?:statements?|expectations?|information|projections?|estimates?|plans?|"
                    + "objectives?|intentions?|beliefs?|assumptions?|forecasts?)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A sentence that speaks of forward-looking statements or information at all. */
    private static final Pattern RISK_MENTION = Pattern.compile("forward[- ]looking (?:statements|information)", Pattern.CASE_INSENSITIVE);
    /** Words that make an item of a mixed list a risk rather than a topic. */
    private static final Pattern RISKY_ITEM = Pattern.compile(
            "risk|uncertain|volatil|ability to|inability|failure|difficult|competit|regulat|publicity|perception|financing|"
                    + "capital|funds|personnel|hire|growth|litigation|dilution|market conditions|changes in|acquisition",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STATEMENT_HEAD = Pattern.compile(
            "statements?\\b|information\\b|expectations?\\b|projections?\\b|estimates\\b|plans\\b|goals\\b|objectives\\b|"
                    + "assumptions\\b|matters\\b|topics\\b",
            Pattern.CASE_INSENSITIVE);
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
                    + "|^(?:those|the)\\s+(?:risks|factors|uncertainties)\\b.*\\b(?:filings?|reports?)\\b"
                    + "|^(?:those|that|the ones)\\s+(?:\\w+\\s+){0,2}(?:described|detailed|discussed|set forth|identified|contained|"
                    + "included|listed|disclosed|referenced|outlined)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TAIL_CATCH_ALL = Pattern.compile(
            "[,;]?\\s+(?:as well as|and|or|including|plus)\\s+(?:the\\s+)?(?:other|those|such other|additional|various other)\\s+"
                    + "(?:\\w+\\s+){0,2}(?:risks?|factors?|uncertainties|matters)\\b.*$",
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
        if (!items.isEmpty() && STATEMENT_ITEM.matcher(s.substring(items.get(0)[0], items.get(0)[1])).find()) {
            return List.of();
        }
        List<int[]> out = new ArrayList<>(items.size());
        for (int[] it : items) {
            out.add(new int[] {it[0] + start, it[1] + start});
        }
        return out;
    }

    /**
     * Splits a line that continues an open list (a bullet, or a paragraph of a list broken over
     * paragraphs) into its items at top-level semicolons.
     *
     * @param text the analysed text
     * @param start the line's first offset
     * @param end its end offset
     * @return the items' spans, in order
     */
    public static List<int[]> continuation(String text, int start, int end) {
        String s = text.substring(start, end);
        List<int[]> out = new ArrayList<>();
        int stop = regionEnd(s, 0);
        int a = 0;
        for (int i = s.indexOf(';'); ; i = s.indexOf(';', i + 1)) {
            if (i < 0 || i >= stop) {
                addItem(s, a, stop, out);
                break;
            }
            addItem(s, a, i, out);
            a = i + 1;
        }
        List<int[]> shifted = new ArrayList<>(out.size());
        for (int[] it : out) {
            shifted.add(new int[] {it[0] + start, it[1] + start});
        }
        return shifted;
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
        int end = regionEnd(s, markers.get(0)[0]);
        for (int k = 0; k < markers.size() && markers.get(k)[0] < end; k++) {
            int a = markers.get(k)[1];
            int b = k + 1 < markers.size() ? Math.min(end, markers.get(k + 1)[0]) : end;
            addItem(s, a, b, out);
        }
        return out.size() >= 2 ? out : List.of();
    }

    private static List<int[]> semicolons(String s) {
        int first = s.indexOf(';');
        if (first < 0) {
            return List.of();
        }
        int introEnd = -1;
        int colonEnd = -1;
        Matcher m = INTRO.matcher(s);
        while (m.find() && m.end() <= first) {
            if (hasContext(s, m.start()) && !wordList(s, m.start())) {
                if (introEnd < 0) {
                    introEnd = m.end();
                }
                if (m.group().endsWith(":")) {
                    colonEnd = m.end();
                }
            }
        }
        if (colonEnd >= 0) {
            introEnd = colonEnd;
        }
        boolean mixed = false;
        if (introEnd < 0) {
            // "Forward-looking information includes ...: A; B; C" mixes topics of statements with risks;
            // such a list is kept only for its items that name a risk (below).
            m = INTRO.matcher(s);
            if (m.find() && m.end() <= first && !wordList(s, m.start())
                    && RISK_MENTION.matcher(s.substring(0, m.start())).find()) {
                introEnd = m.end();
                mixed = true;
            }
        }
        if (introEnd < 0) {
            return List.of();
        }
        List<int[]> out = new ArrayList<>();
        int a = introEnd;
        // A trailing catch-all ("and other risks described in ...") can only be in the last item.
        int end = regionEnd(s, Math.max(introEnd, s.lastIndexOf(';')));
        for (int i = first; ; i = s.indexOf(';', i + 1)) {
            if (i < 0 || i >= end) {
                addItem(s, a, end, out);
                break;
            }
            addItem(s, a, i, out);
            a = i + 1;
        }
        boolean continued = s.stripTrailing().endsWith(";");
        if (mixed) {
            if (out.size() < 4) {
                return List.of();
            }
            out.removeIf(it -> STATEMENT_ITEM.matcher(stripOwner(s.substring(it[0], it[1]))).find()
                    || !RISKY_ITEM.matcher(s.substring(it[0], it[1])).find());
            return out;
        }
        return out.size() >= 2 || continued && out.size() == 1 ? out : List.of();
    }

    private static List<int[]> commas(String s) {
        Matcher m = INTRO.matcher(s);
        while (m.find()) {
            String intro = m.group().toLowerCase(Locale.ROOT);
            if (!(intro.startsWith("such as") || intro.startsWith("includ") || intro.startsWith("are")) || !hasContext(s, m.start())
                    || wordList(s, m.start())) {
                continue;
            }
            List<int[]> parts = new ArrayList<>();
            int depth = 0;
            int a = m.end();
            int end = regionEnd(s, a);
            for (int i = a; i < end; i++) {
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
            parts.add(new int[] {a, end});
            if (intro.startsWith("includ") && s.substring(parts.get(0)[0], parts.get(0)[1]).toLowerCase(Locale.ROOT).contains("such as")) {
                continue; // "include risks such as A, B and C": the list starts after "such as"
            }
            int[] last = parts.get(parts.size() - 1);
            String lastText = s.substring(last[0], last[1]).stripLeading().toLowerCase(Locale.ROOT);
            if (!lastText.startsWith("and ") && !lastText.startsWith("or ")) {
                // The joining word must lie inside the last part, not start where the part ends.
                int and = Math.max(s.lastIndexOf(" and ", last[1] - " and ".length()), s.lastIndexOf(" or ", last[1] - " or ".length()));
                if (and > last[0] && !joinsAName(s, and)) {
                    parts.set(parts.size() - 1, new int[] {last[0], and});
                    parts.add(new int[] {and, last[1]});
                }
            }
            boolean qualified = intro.contains("among others") || intro.contains("limited to") || intro.contains("limitation");
            if (parts.size() < (qualified ? 2 : 3)) {
                continue;
            }
            List<int[]> out = new ArrayList<>();
            boolean tooLong = false;
            for (int k = 0; k < parts.size(); k++) {
                int[] p = parts.get(k);
                if (s.substring(p[0], p[1]).split("\\s+").length > 30) {
                    tooLong = true;
                }
                addItem(s, p[0], p[1], out);
            }
            if (!tooLong && out.size() >= (qualified ? 2 : 3)) {
                return out;
            }
        }
        return List.of();
    }

    /**
     * Whether the list introduced at {@code introStart} enumerates risks: the words before it name risks
     * or factors ("factors that could cause results to differ include"), and the last such word comes
     * after any word that would make it a list of statements ("forward-looking statements include
     * statements regarding").
     */
    private static boolean hasContext(String s, int introStart) {
        String before = RELATIVE.matcher(s.substring(0, Math.min(s.length(), introStart))).replaceAll(" ");
        int risk = lastMatch(RISK_HEAD, before);
        if (risk < 0) {
            return false;
        }
        return lastMatch(STATEMENT_HEAD, before) < risk;
    }

    /** Whether the "and" at {@code at} joins two capitalised words of one name ("Securities and Exchange Commission"). */
    private static boolean joinsAName(String s, int at) {
        int before = at - 1;
        while (before > 0 && Character.isLetter(s.charAt(before - 1))) {
            before--;
        }
        int after = s.indexOf(' ', at + 1) + 1;
        return before >= 0 && after > 0 && after < s.length() && Character.isUpperCase(s.charAt(before))
                && Character.isUpperCase(s.charAt(after));
    }

    /** Drops a leading possessive owner ("ZenaTech's expectations" becomes "expectations"). */
    private static String stripOwner(String item) {
        return item.replaceFirst("^[A-Z][\\w.&-]*(?:\\s+[A-Z][\\w.&-]*){0,3}(?:\u2019|')s\\s+", "");
    }

    private static int lastMatch(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int last = -1;
        while (m.find()) {
            last = m.start();
        }
        return last;
    }

    /**
     * Whether a sentence ending with ":" introduces a list of risks (so the lines after it are items).
     *
     * @param sentence the sentence
     * @return true when the words before the colon name risks or factors
     */
    public static boolean introducesRisks(String sentence) {
        return hasContext(sentence, sentence.length());
    }

    private static boolean wordList(String s, int introStart) {
        return WORD_LIST_CONTEXT.matcher(s.substring(Math.max(0, introStart - 60), introStart)).find()
                || WORD_LIST_CONTEXT.matcher(s.substring(Math.max(0, introStart - 60), Math.min(s.length(), introStart + 8))).find();
    }

    /** Where a list that starts at {@code from} ends: before a trailing catch-all ("and other risks described in ..."). */
    private static int regionEnd(String s, int from) {
        Matcher tail = TAIL_CATCH_ALL.matcher(s);
        if (tail.find(from)) {
            return tail.start();
        }
        return s.length();
    }

    private static void addItem(String s, int a, int b, List<int[]> out) {
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
