package org.caveat.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.caveat.RiskCategory;
import org.caveat.Shared;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Validates every file of training-data/ and the corpus as a whole. */
class CorpusTest {
    static final Path DATA = Path.of("training-data");
    private static List<CorpusDocument> docs;

    @BeforeAll
    static void read() throws IOException {
        docs = CorpusReader.readAll(DATA);
    }

    @Test
    void everyFileParsesWithKnownIdsAndEveryWordLabelled() {
        // readAll() has already checked each file: known type and category ids, nesting, spans inside
        // the text and trimmed, every non-whitespace character inside a segment. Check the spans once more here.
        for (CorpusDocument d : docs) {
            int last = 0;
            for (CorpusDocument.GoldSegment s : d.segments()) {
                assertTrue(s.start() >= last && s.end() <= d.text().length(), d.name());
                last = s.end();
            }
            for (CorpusDocument.GoldItem it : d.items()) {
                assertTrue(it.start() >= 0 && it.end() <= d.text().length() && !it.categories().isEmpty(), d.name());
            }
        }
    }

    @Test
    void corpusHasTheKindsAndCategoriesTheModelNeeds() {
        long press = docs.stream().filter(d -> d.kind().equals("press-release")).count();
        long risk = docs.stream().filter(d -> d.kind().equals("risk-factors")).count();
        assertTrue(docs.size() >= 300, "documents: " + docs.size());
        assertTrue(press >= 200, "press releases and 8-K exhibits: " + press);
        assertTrue(risk >= 100, "risk-factor sections: " + risk);
        Map<RiskCategory, Integer> counts = new EnumMap<>(RiskCategory.class);
        int items = 0;
        int multi = 0;
        for (CorpusDocument d : docs) {
            for (CorpusDocument.GoldItem it : d.items()) {
                items++;
                multi += it.categories().size() > 1 ? 1 : 0;
                for (RiskCategory c : it.categories()) {
                    counts.merge(c, 1, Integer::sum);
                }
            }
        }
        for (RiskCategory c : RiskCategory.values()) {
            assertTrue(counts.getOrDefault(c, 0) >= 60, c + " has " + counts.getOrDefault(c, 0) + " items");
        }
        assertTrue(multi * 10 >= items * 3, multi + " of " + items + " items carry two or more categories, under 30%");
    }

    @Test
    void malformedFilesAreRefusedWithTheirProblem() {
        String header = "%% kind: press-release\n%% industry: x\n%% year: 2000\n%% style: x\n%% author: test\n";
        CorpusFormatException unknown = assertThrows(CorpusFormatException.class,
                () -> CorpusReader.parse(header + "<FACTUALLY>Text.</FACTUALLY>", "a.cav"));
        assertTrue(unknown.getMessage().contains("unknown tag"), unknown.getMessage());
        CorpusFormatException outside = assertThrows(CorpusFormatException.class,
                () -> CorpusReader.parse(header + "<FACTUAL>Text.</FACTUAL> Stray words.", "b.cav"));
        assertTrue(outside.getMessage().contains("outside any segment"), outside.getMessage());
        CorpusFormatException category = assertThrows(CorpusFormatException.class,
                () -> CorpusReader.parse(header + "<SAFE_HARBOR>Risks include <RISK WEATHER>rain</RISK>.</SAFE_HARBOR>", "c.cav"));
        assertTrue(category.getMessage().contains("unknown risk category WEATHER"), category.getMessage());
    }

    /**
     * No text of a dev document was copied into the training data: every 10-word run of a dev document
     * that occurs in {@code training-data/} must occur there in documents of at least two different
     * writers. Statutory and exchange-mandated formulae ("within the meaning of Section 27A of the
     * Securities Act of 1933 and Section 21E of the Securities Exchange Act of 1934", "Neither the TSX
     * Venture Exchange nor its Regulation Services Provider ...") are written word for word by real filers
     * and by independent writers alike; a passage copied from a dev document would appear in one
     * writer's document only. Every such run is printed, and no document may share more than 10% of its
     * runs with one dev document.
     */
    @Test
    void noDevTextIsCopiedIntoTheTrainingData() throws IOException {
        Path dev = Shared.require("corpus/dev");
        Map<String, Set<String>> devShingles = new java.util.TreeMap<>();
        Set<String> allDev = new HashSet<>();
        try (Stream<Path> files = Files.list(dev)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
                Set<String> s = new HashSet<>();
                addShingles(Files.readString(f), s);
                devShingles.put(f.getFileName().toString(), s);
                allDev.addAll(s);
            }
        }
        Map<String, Set<String>> writersOfRun = new java.util.TreeMap<>();
        Map<String, String> firstDocOfRun = new java.util.HashMap<>();
        for (CorpusDocument d : docs) {
            Set<String> mine = new HashSet<>();
            addShingles(d.text(), mine);
            for (Map.Entry<String, Set<String>> e : devShingles.entrySet()) {
                long shared = mine.stream().filter(e.getValue()::contains).count();
                assertTrue(shared <= mine.size() / 10, d.name() + " shares " + shared + " of its " + mine.size()
                        + " 10-word runs with dev document " + e.getKey());
            }
            for (String run : mine) {
                if (allDev.contains(run)) {
                    writersOfRun.computeIfAbsent(run, k -> new HashSet<>()).add(d.metadata().get("author"));
                    firstDocOfRun.putIfAbsent(run, d.name());
                }
            }
        }
        List<String> copied = new java.util.ArrayList<>();
        writersOfRun.forEach((run, writers) -> {
            if (writers.size() < 2) {
                copied.add("\"" + run + "\" in " + firstDocOfRun.get(run));
            }
        });
        assertTrue(copied.isEmpty(), copied.size() + " 10-word runs of dev documents occur in one writer's"
                + " training documents only (first 25): " + String.join("; ", copied.subList(0, Math.min(25, copied.size()))));
    }

    private static void addShingles(String text, Set<String> out) {
        String[] w = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        for (int i = 0; i + 10 <= w.length; i++) {
            out.add(String.join(" ", java.util.Arrays.copyOfRange(w, i, i + 10)));
        }
    }
}
