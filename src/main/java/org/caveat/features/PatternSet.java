package org.caveat.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Up to 64 case-insensitive (ASCII) patterns, each asked "does it occur in this text?", answered with
 * one scan of the text instead of one regex search per pattern.
 *
 * <p>Most patterns have a literal prefix on each alternative (worked out from the pattern). The prefixes
 * of all patterns are found together by one Aho-Corasick automaton over the text with ASCII letters
 * lower-cased, and since a match can only start where one of its pattern's prefixes starts, the
 * regex is tried only there, with {@link Matcher#lookingAt()}, and only where the {@code \b} or
 * {@code ^} before the prefix can hold. Where a pattern starts with a class or an optional part, it is
 * given a screen by hand, a cheap test that every text with a match passes: the pattern is searched in
 * the whole text only when the screen passes. Either way the answer equals
 * {@code pattern.matcher(text).find()}, which {@code PatternSetTest} checks on the training corpus.
 *
 * <p>Instances are immutable and thread-safe.
 */
final class PatternSet {
    /** A prefix must start at a word boundary: the pattern has {@code \b} before a word character there. */
    static final int WORD_START = 1;
    /** A prefix must start a line: the pattern has {@code ^} there. */
    static final int LINE_START = 2;

    /** A literal that every match of one alternative starts with, and what must hold just before it. */
    record Prefix(String text, int flags) {
    }

    private final Pattern[] patterns;
    /** Patterns without literal prefixes, with their screens: a cheap test that must pass for a match. */
    private final int[] screened;
    private final Predicate<String>[] screens;
    // The Aho-Corasick automaton as a dense table over character classes: delta[node * classes + class].
    // Characters that occur in no trigger share class 0. For each node, the patterns with a trigger
    // ending there (as a bit set), and entries (pattern << 20 | flags << 16 | trigger length).
    private final byte[] asciiClass = new byte[128];
    private final Map<Character, Integer> otherClass = new HashMap<>();
    private final int classes;
    private final int[] delta;
    private final long[] outPatterns;
    private final int[][] outEntries;

    /**
     * @param patterns the patterns, compiled case-insensitive without {@code UNICODE_CASE}
     * @param screens for the patterns (by index) whose alternatives do not all start with a literal, a
     *     test that every text with a match passes, given the text lower-cased with
     *     {@code toLowerCase(Locale.ROOT)}; every other pattern is found by its prefixes
     */
    @SuppressWarnings("unchecked")
    PatternSet(List<Pattern> patterns, Map<Integer, Predicate<String>> screens) {
        if (patterns.size() > 64) {
            throw new IllegalArgumentException("at most 64 patterns");
        }
        this.patterns = patterns.toArray(new Pattern[0]);
        this.screened = screens.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        this.screens = new Predicate[screened.length];
        for (int j = 0; j < screened.length; j++) {
            this.screens[j] = screens.get(screened[j]);
        }
        List<String> triggers = new ArrayList<>();
        List<Integer> entries = new ArrayList<>();
        for (int k = 0; k < this.patterns.length; k++) {
            if (screens.containsKey(k)) {
                continue;
            }
            List<Prefix> t = prefixes(this.patterns[k].pattern());
            if (t == null) {
                throw new IllegalArgumentException("pattern " + k + " (" + this.patterns[k].pattern()
                        + ") has an alternative without a literal prefix; give it a screen");
            }
            boolean multiline = (this.patterns[k].flags() & Pattern.MULTILINE) != 0;
            for (Prefix p : t) {
                int f = p.flags();
                if (!multiline && (f & LINE_START) != 0) {
                    f &= ~LINE_START; // "^" without MULTILINE: only the text's start; not worth a check
                }
                if ((f & WORD_START) != 0 && !isWord(p.text().charAt(0))) {
                    f &= ~WORD_START; // a boundary before a non-word character needs a word character before it
                }
                String lit = lower(p.text());
                triggers.add(lit);
                entries.add(k << 20 | f << 16 | lit.length());
            }
        }
        // Character classes.
        int nextClass = 1;
        for (String t : triggers) {
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c < 128) {
                    if (asciiClass[c] == 0) {
                        asciiClass[c] = (byte) nextClass++;
                    }
                } else if (!otherClass.containsKey(c)) {
                    otherClass.put(c, nextClass++);
                }
            }
        }
        classes = nextClass;
        // The trie.
        List<int[]> go = new ArrayList<>();
        List<Long> out = new ArrayList<>();
        List<List<Integer>> ends = new ArrayList<>();
        go.add(new int[classes]);
        out.add(0L);
        ends.add(new ArrayList<>());
        for (int i = 0; i < triggers.size(); i++) {
            String t = triggers.get(i);
            int node = 0;
            for (int c = 0; c < t.length(); c++) {
                int cls = classOf(t.charAt(c));
                if (go.get(node)[cls] == 0) {
                    go.get(node)[cls] = go.size();
                    go.add(new int[classes]);
                    out.add(0L);
                    ends.add(new ArrayList<>());
                }
                node = go.get(node)[cls];
            }
            out.set(node, out.get(node) | (1L << (entries.get(i) >>> 20)));
            ends.get(node).add(entries.get(i));
        }
        // Failure links breadth first, folded into a full transition table; each node inherits the outputs
        // of its failure chain.
        int nodes = go.size();
        delta = new int[nodes * classes];
        outPatterns = new long[nodes];
        outEntries = new int[nodes][];
        int[] fail = new int[nodes];
        int[] queue = new int[nodes];
        int head = 0;
        int tail = 0;
        List<List<Integer>> allEnds = new ArrayList<>(ends);
        outPatterns[0] = out.get(0);
        for (int c = 0; c < classes; c++) {
            int t = go.get(0)[c];
            delta[c] = t;
            if (t != 0) {
                queue[tail++] = t;
            }
        }
        while (head < tail) {
            int v = queue[head++];
            outPatterns[v] = out.get(v) | outPatterns[fail[v]];
            List<Integer> merged = new ArrayList<>(allEnds.get(v));
            merged.addAll(allEnds.get(fail[v]));
            allEnds.set(v, merged);
            for (int c = 0; c < classes; c++) {
                int t = go.get(v)[c];
                if (t != 0) {
                    fail[t] = delta[fail[v] * classes + c];
                    delta[v * classes + c] = t;
                    queue[tail++] = t;
                } else {
                    delta[v * classes + c] = delta[fail[v] * classes + c];
                }
            }
        }
        for (int v = 0; v < nodes; v++) {
            outEntries[v] = allEnds.get(v).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private int classOf(char c) {
        if (c < 128) {
            return asciiClass[c];
        }
        Integer k = otherClass.get(c);
        return k == null ? 0 : k;
    }

    /**
     * Returns which patterns occur in a text. Convenient for one text; {@link #searcher()} reuses its
     * matchers over many.
     *
     * @param text the text, searched as a whole (so {@code ^} and {@code \b} see its ends)
     * @return a bit set, bit {@code k} set when pattern {@code k} is found
     */
    long find(CharSequence text) {
        return searcher().find(text);
    }

    /** @return a searcher for one thread, which keeps its matchers between texts */
    Searcher searcher() {
        return new Searcher();
    }

    /** Searches texts one after another, reusing matchers. Not thread-safe: one per thread or task. */
    final class Searcher {
        private final Matcher[] matchers = new Matcher[patterns.length];

        private Matcher matcher(int k, CharSequence text, long fresh) {
            Matcher m = matchers[k];
            if (m == null) {
                m = patterns[k].matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                matchers[k] = m;
            } else if ((fresh & (1L << k)) == 0) {
                m.reset(text);
            }
            return m;
        }

        /**
         * @param text the text, searched as a whole
         * @return a bit set, bit {@code k} set when pattern {@code k} is found
         */
        long find(CharSequence text) {
            long found = 0;
            long fresh = 0; // matchers already given this text
            int node = 0;
            int n = text.length();
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                int cls;
                if (c < 128) {
                    cls = asciiClass[c >= 'A' && c <= 'Z' ? c + 32 : c];
                } else {
                    Integer k = otherClass.isEmpty() ? null : otherClass.get(c);
                    cls = k == null ? 0 : k;
                }
                node = delta[node * classes + cls];
                if ((outPatterns[node] & ~found) == 0) {
                    continue;
                }
                for (int entry : outEntries[node]) {
                    int k = entry >>> 20;
                    long bit = 1L << k;
                    if ((found & bit) != 0) {
                        continue;
                    }
                    int start = i + 1 - (entry & 0xFFFF);
                    if (start > 0 && (entry & (WORD_START << 16)) != 0 && isWord(text.charAt(start - 1))) {
                        continue; // inside a word: "can" in "significant" cannot match "\\bcan"
                    }
                    if (start > 0 && (entry & (LINE_START << 16)) != 0 && !isLineEnd(text.charAt(start - 1))) {
                        continue;
                    }
                    Matcher m = matcher(k, text, fresh);
                    fresh |= bit;
                    if (m.region(start, n).lookingAt()) {
                        found |= bit;
                    }
                }
            }
            String lower = screened.length == 0 ? null : text.toString().toLowerCase(java.util.Locale.ROOT);
            for (int j = 0; j < screened.length; j++) {
                int k = screened[j];
                if (screens[j].test(lower)) {
                    Matcher m = matcher(k, text, fresh);
                    fresh |= 1L << k;
                    m.reset();
                    if (m.find()) {
                        found |= 1L << k;
                    }
                }
            }
            return found;
        }
    }

    /** The plain way, one search per pattern: what {@link #find} must equal. */
    long findSlowly(CharSequence text) {
        long bits = 0;
        for (int k = 0; k < patterns.length; k++) {
            if (patterns[k].matcher(text).find()) {
                bits |= 1L << k;
            }
        }
        return bits;
    }

    /**
     * A word character for {@code \b}, as {@code java.util.regex} sees it without
     * {@code UNICODE_CHARACTER_CLASS}. A non-spacing mark may count as part of the word before it, so it
     * counts as a word character here: the check that uses this only skips, and must never skip wrongly.
     */
    private static boolean isWord(char c) {
        return c == '_' || Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /** A line terminator, after which {@code ^} matches in {@code MULTILINE} mode. */
    private static boolean isLineEnd(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static String lower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return b.toString();
    }

    /**
     * Works out the literal prefixes of every alternative of a regex, or null when some alternative
     * can start with something other than a literal (a class, an optional part). Leading {@code ^} and
     * {@code \b} are skipped, being zero-width. Handles the subset of syntax the lexicons use.
     */
    static List<Prefix> prefixes(String re) {
        List<Prefix> out = new ArrayList<>();
        for (String alt : alternatives(re)) {
            List<Prefix> p = sequencePrefixes(alt);
            if (p == null) {
                return null;
            }
            out.addAll(p);
        }
        return out;
    }

    private static List<Prefix> sequencePrefixes(String alt) {
        int i = 0;
        int flags = 0;
        while (true) {
            if (alt.startsWith("^", i)) {
                flags |= LINE_START;
                i++;
            } else if (alt.startsWith("\\b", i)) {
                flags |= WORD_START;
                i += 2;
            } else {
                break;
            }
        }
        StringBuilder lit = new StringBuilder();
        while (i < alt.length()) {
            char c = alt.charAt(i);
            char literal;
            int width;
            if (c == '\\') {
                if (i + 1 >= alt.length()) {
                    return null;
                }
                char e = alt.charAt(i + 1);
                if (Character.isLetterOrDigit(e)) {
                    break; // \b \w \d \s ...: not a literal
                }
                literal = e;
                width = 2;
            } else if ("()[].|{}?*+^$".indexOf(c) >= 0) {
                if (c == '(') {
                    int close = closing(alt, i);
                    if (close < 0) {
                        return null;
                    }
                    boolean optional = close + 1 < alt.length() && "?*{".indexOf(alt.charAt(close + 1)) >= 0;
                    if (!optional) {
                        String inner = alt.substring(i + 1, close);
                        if (inner.startsWith("?:")) {
                            inner = inner.substring(2);
                        } else if (inner.startsWith("?")) {
                            break;
                        }
                        List<Prefix> innerPrefixes = prefixes(inner);
                        if (innerPrefixes != null) {
                            List<Prefix> out = new ArrayList<>();
                            for (Prefix p : innerPrefixes) {
                                // What the inner alternative requires before itself holds only at the start.
                                out.add(new Prefix(lit + p.text(), flags | (lit.length() == 0 ? p.flags() : 0)));
                            }
                            return out;
                        }
                    }
                }
                break;
            } else {
                literal = c;
                width = 1;
            }
            int after = i + width;
            if (after < alt.length() && "?*{".indexOf(alt.charAt(after)) >= 0) {
                break; // optional: the prefix ends before it
            }
            lit.append(literal);
            i = after;
        }
        return lit.length() == 0 ? null : List.of(new Prefix(lit.toString(), flags));
    }

    /**
     * The nesting depth of each character of a regex: the number of groups open around it (a group's
     * parentheses count as inside it), or -1 for a character that is escaped or inside a class.
     */
    private static int[] depths(String re) {
        int[] d = new int[re.length()];
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                d[i] = -1;
                if (i + 1 < re.length()) {
                    d[++i] = -1;
                }
            } else if (inClass) {
                inClass = c != ']';
                d[i] = -1;
            } else if (c == '[') {
                inClass = true;
                d[i] = -1;
            } else if (c == '(') {
                d[i] = ++depth;
            } else if (c == ')') {
                d[i] = depth--;
            } else {
                d[i] = depth;
            }
        }
        return d;
    }

    /** Splits a regex at its top-level {@code |}. */
    private static List<String> alternatives(String re) {
        List<String> out = new ArrayList<>();
        int[] d = depths(re);
        int from = 0;
        for (int i = 0; i < re.length(); i++) {
            if (re.charAt(i) == '|' && d[i] == 0) {
                out.add(re.substring(from, i));
                from = i + 1;
            }
        }
        out.add(re.substring(from));
        return out;
    }

    /** The index of the parenthesis that closes the group opened at {@code open}, or -1. */
    private static int closing(String re, int open) {
        int[] d = depths(re);
        for (int i = open + 1; i < re.length(); i++) {
            if (re.charAt(i) == ')' && d[i] == d[open]) {
                return i;
            }
        }
        return -1;
    }
}
