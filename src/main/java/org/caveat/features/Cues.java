package org.caveat.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Cue lexicons: families of words and phrases that signal a segment type (labels.md section 1's
 * "typical cues", widened). Each cue that fires becomes a feature; the classifier learns how much it
 * counts. Immutable.
 */
final class Cues {
    /** A named cue. */
    record Cue(String name, Pattern pattern, int hash) {
    }

    static final List<Cue> ALL;
    private static final PatternSet SET;

    static {
        // A pattern that can start inside a long run (of letters, digits) begins with a look-behind and a
        // possessive run, so that it is tried once per run, not once per character: otherwise a word of
        // thousands of characters costs time quadratic in its length. Which texts match is unchanged.
        String[][] defs = {
            {"fls", "forward[- ]looking (statements?|information)"},
            {"pslra", "private securities litigation reform act|safe harbor|safe harbour|section 27a|section 21e"},
            {"differ", "differ materially|actual (results|events|outcomes)|cause (our |the company's )?actual|results to differ|"
                    + "(factors|risks|uncertainties) (that|which) (could|may|might) cause"},
            {"noupdate", "undertakes? no (obligation|duty)|(assumes?|disclaims?) (any )?(obligation|duty)|not (intend|undertake) to update|no obligation to (update|revise)|speak only as of"},
            {"riskref", "risk factors|annual report on form|form 10-[kq]|quarterly report|filings? with the (sec|securities)|sec filings|reports filed with"},
            {"uncertain", "risks and uncertainties|uncertainties|assumptions|no assurance|undue reliance|cautioned|caution"},
            {"flsword", "\\b(believes?|anticipates?|intends?|estimates?|projects?|plans?|expects?|may|could|would|should|will|seeks?)\\b.{0,40}\\b(and )?similar expressions"},
            {"about", "^about\\b"},
            {"leading", "\\bis (a|an|the) (leading|leader|global|premier|world|diversified|fully|innovative|clinical|specialty|independent)|is a provider of|is a developer of|is a company|leading (provider|supplier|developer|manufacturer)"},
            {"hq", "headquartered|based in|founded in|incorporated in|offices in|operations in .{0,40} countries|employees"},
            {"visit", "for more information|visit (www|http|our)|www\\.|https?://|\\.com\\b"},
            {"nasdaq", "\\((nasdaq|nyse|amex|tsx|otc|nyse american|nasdaq gs|nasdaq gm)[^)]*\\)"},
            {"trademark", "trademarks?|registered mark|service marks?|all rights reserved|copyright|\u00a9|\u00ae|\u2122"},
            {"contact", "^contacts?\\b|investor relations|media relations|investor contact|media contact|press contact|^source:|^# ?# ?#|for immediate release|^ir contact"},
            {"phone", "\\(?\\d{3}\\)?[-. ]\\d{3}[-. ]\\d{4}|\\+\\d{1,3}[ -]\\d"},
            {"email", "(?<![\\w.+-])[\\w.+-]++@[\\w-]+\\.[\\w.]+"},
            {"nongaap", "non-gaap|gaap financial measures?|not (in accordance with|a substitute for)|reconciliation"},
            {"offer", "not (constitute )?an offer|offer to (sell|buy)|solicitation of an offer|prospectus"},
            {"expects", "\\b(expects?|expected|anticipates?|anticipated|plans? to|intends? to|aims? to|will|targets?|goal|outlook|guidance|forecast|projects?|is poised|looks? forward|going forward|next (year|quarter)|fiscal 20\\d\\d (revenue|earnings))\\b"},
            {"modal", "\\b(could|may|might|can|would|should)\\b"},
            {"past", "\\b(reported|announced|was|were|had|increased|decreased|rose|fell|grew|declined|completed|closed|signed|appointed|named|received|achieved|delivered|totaled|compared)\\b"},
            {"today", "\\btoday\\b|announced today|reported today"},
            {"money", "\\$ ?\\d|(?<!\\d)\\d++(\\.\\d++)? ?(million|billion|percent|%)"},
            {"quote", "[\"\u201c\u201d]|\\bsaid\\b|\\bstated\\b|\\bcommented\\b|\\badded\\b"},
            {"dateline", "^[A-Z][A-Za-z .'-]+, [A-Z][a-z]{1,5}\\.?,? .{0,40}(19|20)\\d\\d|business wire|pr ?newswire|globe ?newswire|accesswire|marketwire|newsfile"},
            {"risky", "\\b(adversely|adverse|harm|negatively|materially|fluctuat|volatil|fail|unable|inability|depend)"},
            {"webcast", "webcast|conference call|dial[- ]in|replay|passcode"},
            {"item1a", "^\\W*item\\s*1a|^risk factors"},
            {"readers", "readers|investors are|you should|do not place|should not (be relied|rely)"},
        };
        List<Cue> cues = new ArrayList<>();
        for (String[] d : defs) {
            cues.add(new Cue(d[0], Pattern.compile(d[1], Pattern.CASE_INSENSITIVE | Pattern.MULTILINE),
                    Hashing.namespace("cue:" + d[0])));
        }
        ALL = List.copyOf(cues);
        // Cues whose alternatives do not all start with a literal get a screen: a cheap test that every
        // text in which the cue fires passes.
        Map<String, Predicate<String>> screens = Map.of(
                "phone", Cues::mayHavePhone,
                "email", t -> t.indexOf('@') >= 0,
                "money", t -> t.indexOf('$') >= 0 || t.indexOf('%') >= 0 || t.contains("million")
                        || t.contains("billion") || t.contains("percent"),
                "quote", t -> t.indexOf('"') >= 0 || t.indexOf('\u201c') >= 0 || t.indexOf('\u201d') >= 0
                        || t.contains("said") || t.contains("stated") || t.contains("commented") || t.contains("added"),
                "dateline", t -> t.contains(", ") && (t.contains("19") || t.contains("20"))
                        || t.contains("business wire") || t.contains("newswire") || t.contains("accesswire")
                        || t.contains("marketwire") || t.contains("newsfile"),
                "item1a", t -> t.contains("item") || t.contains("risk factors"));
        Map<Integer, Predicate<String>> byIndex = new HashMap<>();
        for (int k = 0; k < ALL.size(); k++) {
            Predicate<String> screen = screens.get(ALL.get(k).name());
            if (screen != null) {
                byIndex.put(k, screen);
            }
        }
        SET = new PatternSet(ALL.stream().map(Cue::pattern).toList(), byIndex);
    }

    private Cues() {
    }

    /** Whether a text has three digits, an optional ")", a space, dot or dash and a digit; or "+" and a digit. */
    private static boolean mayHavePhone(String t) {
        int n = t.length();
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            if (c == '+' && i + 1 < n && isDigit(t.charAt(i + 1))) {
                return true;
            }
            if (i + 4 < n && isDigit(c) && isDigit(t.charAt(i + 1)) && isDigit(t.charAt(i + 2))) {
                int j = i + 3;
                if (t.charAt(j) == ')') {
                    j++;
                }
                if (j + 1 < n && (t.charAt(j) == '-' || t.charAt(j) == '.' || t.charAt(j) == ' ')
                        && isDigit(t.charAt(j + 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A digit as {@code \d} sees it without {@code UNICODE_CHARACTER_CLASS}. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Returns a bit set (one bit per cue of {@link #ALL}) of the cues that fire in the text, read with its
     * typographic variants folded ({@link org.caveat.read.Typography}).
     */
    static long fire(CharSequence text) {
        return SET.find(org.caveat.read.Typography.folded(text));
    }

    /** @return a searcher for many texts in one thread, answering as {@link #fire} does on folded text */
    static PatternSet.Searcher searcher() {
        return SET.searcher();
    }

    /** The same as {@link #fire}, one regex search per cue: the reference that tests compare it with. */
    static long fireSlowly(CharSequence text) {
        return SET.findSlowly(org.caveat.read.Typography.folded(text));
    }
}
