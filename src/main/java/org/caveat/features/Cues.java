package org.caveat.features;

import java.util.ArrayList;
import java.util.List;
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

    static {
        // A pattern that can start inside a long run (of letters, digits) begins with a look-behind and a
        // possessive run, so that it is tried once per run, not once per character: otherwise a word of
        // thousands of characters costs time quadratic in its length. Which texts match is unchanged.
        String[][] defs = {
            {"fls", "forward[- ]looking (statements?|information)"},
            {"pslra", "private securities litigation reform act|safe harbor|safe harbour|section 27a|section 21e"},
            {"differ", "differ materially|actual (results|events|outcomes)|cause (our |the company's )?actual"},
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
    }

    private Cues() {
    }

    /** Returns a bit set (one bit per cue of {@link #ALL}) of the cues that fire in the text. */
    static long fire(CharSequence text) {
        long bits = 0;
        for (int k = 0; k < ALL.size(); k++) {
            if (ALL.get(k).pattern().matcher(text).find()) {
                bits |= 1L << k;
            }
        }
        return bits;
    }
}
