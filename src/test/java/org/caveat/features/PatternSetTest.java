package org.caveat.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertIterableEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.caveat.segment.SegmentSpan;
import org.caveat.segment.Segmenter;
import org.caveat.train.CorpusDocument;
import org.caveat.train.CorpusReader;
import org.junit.jupiter.api.Test;

/** The one-scan pattern set must answer exactly as one regex search per pattern would. */
class PatternSetTest {
    private static List<String> texts(String re) {
        List<PatternSet.Prefix> p = PatternSet.prefixes(re);
        return p == null ? null : p.stream().map(PatternSet.Prefix::text).toList();
    }

    @Test
    void boundariesBeforeAPrefixAreKept() {
        assertEquals(List.of(new PatternSet.Prefix("may", PatternSet.WORD_START), new PatternSet.Prefix("can", PatternSet.WORD_START)),
                PatternSet.prefixes("\\b(may|can)\\b"));
        assertEquals(List.of(new PatternSet.Prefix("about", PatternSet.LINE_START | PatternSet.WORD_START),
                new PatternSet.Prefix("x", 0)), PatternSet.prefixes("^\\babout|x"));
    }

    @Test
    void literalPrefixesOfAlternatives() {
        assertIterableEquals(List.of("forward"), texts("forward[- ]looking"));
        assertIterableEquals(List.of("undertake", "assume", "disclaim"),
                texts("undertakes? no (obligation|duty)|(assumes?|disclaims?) (any )?(obligation|duty)"));
        assertIterableEquals(List.of("(nasdaq", "(nyse"), texts("\\((nasdaq|nyse)[^)]*\\)"));
        assertIterableEquals(List.of("http", "www.", "about"), texts("https?://|www\\.|^about\\b"));
        assertIterableEquals(List.of("rapid", "not "), texts("rapid(?:ly)? chang|not (constitute )?an offer"));
        assertNull(texts("[\\w.+-]+@x"));
        assertNull(texts("\\$ ?\\d|\\d+ million"));
        assertNull(texts("a|(b)?c"));
    }

    @Test
    void refusesAPatternWithoutPrefixOrTriggers() {
        assertThrows(IllegalArgumentException.class,
                () -> new PatternSet(List.of(Pattern.compile("\\d+")), Map.of()));
    }

    @Test
    void aScreenedPatternIsSearchedOnlyWhenItsScreenPasses() {
        PatternSet set = new PatternSet(List.of(Pattern.compile("\\d{3}"), Pattern.compile("\\bfoo", Pattern.CASE_INSENSITIVE)),
                Map.of(0, t -> t.contains("#")));
        assertEquals(0b10, set.find("FOO 123"));
        assertEquals(0b11, set.find("# foo 123"));
        assertEquals(0b01, set.find("# xfoo 123"));
    }

    @Test
    void cuesAndTermsEqualPlainSearchesOnTheTrainingCorpus() throws IOException {
        List<CorpusDocument> docs = CorpusReader.readAll(Path.of("training-data"));
        Segmenter segmenter = new Segmenter();
        int segments = 0;
        for (CorpusDocument d : docs) {
            String text = d.text();
            for (SegmentSpan s : segmenter.segment(text)) {
                CharSequence seg = text.subSequence(s.start(), s.end());
                assertEquals(Cues.fireSlowly(seg), Cues.fire(seg), () -> d.name() + ": " + seg);
                assertEquals(ItemFeatures.TERMS.findSlowly(seg), ItemFeatures.TERMS.find(seg), () -> d.name() + ": " + seg);
                segments++;
            }
            for (CorpusDocument.GoldItem item : d.items()) {
                CharSequence it = text.subSequence(item.start(), item.end());
                assertEquals(ItemFeatures.TERMS.findSlowly(it), ItemFeatures.TERMS.find(it), () -> d.name() + ": " + it);
            }
        }
        assertEquals(true, segments > 10_000, "segments checked: " + segments);
    }

    @Test
    void cuesEqualPlainSearchesOnShuffledText() {
        // Splices of cue words, punctuation, line breaks and case changes: starts of lines, word
        // boundaries and overlapping triggers are where a shortcut would go wrong.
        String[] parts = {"forward-looking ", "Forward Looking Statements", "safe harbor", "\n", "About ", "ABOUT",
            "(NASDAQ: ABC)", "(nyse", "$", "5 million", "12%", "\"", "\u201c", "said", " ", ", ", "Jan. 5, 2020",
            "undertakes no obligation", "disclaims any duty", "could", "may", "will", "expected", "plans to",
            "Item 1A", "risk factors", "### ", "Source:", "www.example.com", "info@example.com", "(212) 555-0100",
            "+1 212", "non-GAAP", "\u00a9", "is a leading provider", "headquartered", "differ materially",
            "similar expressions", "believes", "x", "-", ".", "Inc.", "BUSINESS WIRE", "today", "webcast",
            "significant", "independent", "pharma", "_may", "mayor", "e\u0301", "\u00e9", "9", "\r\n", "\u2028"};
        Random random = new Random(20261125);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + random.nextInt(12);
            for (int k = 0; k < n; k++) {
                String p = parts[random.nextInt(parts.length)];
                b.append(random.nextInt(4) == 0 ? p.toUpperCase(java.util.Locale.ROOT) : p);
            }
            String s = b.toString();
            assertEquals(Cues.fireSlowly(s), Cues.fire(s), () -> "text: " + s);
            assertEquals(ItemFeatures.TERMS.findSlowly(s), ItemFeatures.TERMS.find(s), () -> "text: " + s);
        }
    }
}
