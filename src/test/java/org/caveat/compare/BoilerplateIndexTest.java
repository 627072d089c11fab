package org.caveat.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caveat.Analysis;
import org.caveat.Caveat;
import org.caveat.Segment;
import org.caveat.report.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoilerplateIndexTest {
    static final String SAFE_HARBOR = "This press release contains forward-looking statements that involve risks and "
            + "uncertainties, and actual results may differ materially from those we expect.";

    /** Five releases of one company, each with the same safe-harbor paragraph and its own news. */
    static BoilerplateIndex fiveReleases() {
        BoilerplateIndex.Builder b = BoilerplateIndex.builder();
        String[] news = {"Acme opened a factory in Ohio that will employ three hundred welders next spring.",
            "Acme reported record sales of blue widgets to hospitals across the northern region.",
            "Acme appointed Jane Roe, formerly of Beta Mills, as its chief financial officer today.",
            "Acme settled its dispute with the city about the noise of its night shift operations.",
            "Acme will pay a special dividend of two dollars per share to holders of record in May."};
        for (String n : news) {
            b.add("folder:acme", n + "\n\n" + SAFE_HARBOR + "\n");
        }
        return b.build();
    }

    @Test
    void repeatedTextScoresOneAndNewTextZero() {
        BoilerplateIndex index = fiveReleases();
        assertEquals(5, index.documents());
        assertEquals(1.0, index.score(SAFE_HARBOR));
        assertEquals(0.0, index.score("Acme opened a factory in Texas that will employ two hundred welders."));
        assertEquals(5, index.documentFrequency("actual results may differ"));
        assertEquals(0, index.documentFrequency("opened a factory in"), "in one document of five: under 30%");
        assertEquals(5, index.paragraphCount("folder:acme", SAFE_HARBOR.toUpperCase(java.util.Locale.ROOT)));
        assertEquals(0, index.paragraphCount("folder:other", SAFE_HARBOR));
        assertEquals(java.util.Map.of("folder:acme", 5), index.companies());
    }

    @Test
    void aPartlyRepeatedSentenceScoresTheShareOfItsWordsInRepeatedFourGrams() {
        // 4 of 8 words lie in boilerplate 4-grams ("actual results may differ").
        assertEquals(0.5, fiveReleases().score("Even so, actual results may differ from plans."));
        assertEquals(0.0, fiveReleases().score("actual results"), "under four words");
    }

    @Test
    void segmentsOfAnAnalysisCarryTheScoresOnlyWithAnIndex() throws IOException {
        Caveat caveat = Caveat.loadDefault();
        String text = "Acme opened a store in Boston. Customers lined up at dawn.\n\n" + SAFE_HARBOR + "\n";
        Analysis plain = caveat.analyze(text);
        assertFalse(plain.hasBoilerplateScores());
        assertTrue(plain.boilerplateScore(0).isEmpty());
        Analysis scored = caveat.withIndex(fiveReleases()).analyze(text);
        assertEquals(plain.segments(), scored.segments());
        assertEquals(plain.riskItems(), scored.riskItems());
        Segment last = scored.segments().get(scored.segments().size() - 1);
        assertEquals(1.0, scored.boilerplateScore(last.index()).getAsDouble());
        assertEquals(0.0, scored.boilerplateScore(0).getAsDouble());

        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Reports.writeJson(plain, a);
        Reports.writeJson(scored, b);
        assertFalse(a.toString(StandardCharsets.UTF_8).contains("boilerplateScore"));
        assertTrue(b.toString(StandardCharsets.UTF_8).contains("\"boilerplateScore\" : 1.0"));
    }

    @Test
    void aParagraphRepeatedInTheSameCompanysFilingsScoresOne(@TempDir Path dir) throws IOException {
        Path acme = Files.createDirectories(dir.resolve("acme"));
        String repeated = "Our dealers in the western provinces sell our tractors under long term agreements that renew yearly.";
        Files.writeString(acme.resolve("2021.txt"), "Acme had a good year.\n\n" + repeated + "\n");
        Files.writeString(acme.resolve("2022.txt"), "Acme had a bad year.\n\n" + repeated + "\n");
        for (int i = 0; i < 6; i++) {
            Files.writeString(Files.createDirectories(dir.resolve("other" + i)).resolve("r.txt"),
                    "Company number " + i + " sells apples and pears at market " + i + " every day.\n");
        }
        BoilerplateIndex index = BoilerplateIndex.builder().addFiles(List.of(dir)).build();
        assertEquals(8, index.documents());
        assertEquals(2, index.paragraphCount("folder:acme", repeated));
        // Two of eight documents is under 30%: only the near-duplicate paragraph makes it boilerplate.
        assertEquals(0.0, index.score(repeated));
        Analysis a = Caveat.loadDefault().withIndex(index).analyze(acme.resolve("2022.txt"));
        Segment s = a.segments().stream().filter(x -> x.text().startsWith("Our dealers")).findFirst().orElseThrow();
        assertEquals(1.0, a.boilerplateScore(s.index()).getAsDouble());
        assertEquals(0.0, a.boilerplateScore(0).getAsDouble());
    }

    @Test
    void companyComesFromTheEdgarHeaderElseTheFolder() {
        byte[] edgar = "<SEC-HEADER>\nCOMPANY CONFORMED NAME:\t\tAcme Corp\nCENTRAL INDEX KEY:\t\t\t0000012345\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals("cik:0000012345", BoilerplateIndex.companyOf(edgar, Path.of("x/y.txt")));
        assertEquals("name:ACME CORP", BoilerplateIndex.companyOf("COMPANY CONFORMED NAME: Acme Corp\n"
                .getBytes(StandardCharsets.US_ASCII), null));
        assertEquals("folder:acme", BoilerplateIndex.companyOf(new byte[0], Path.of("filings/acme/2021.txt")));
    }

    @Test
    void roundTripKeepsEverything() throws IOException {
        BoilerplateIndex index = fiveReleases();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        index.write(out);
        BoilerplateIndex back = BoilerplateIndex.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(index.documents(), back.documents());
        assertEquals(index.boilerplateNgrams(), back.boilerplateNgrams());
        assertEquals(index.companies(), back.companies());
        assertEquals(index.score("Even so, actual results may differ from plans."),
                back.score("Even so, actual results may differ from plans."));
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        back.write(again);
        assertArrayEquals(out.toByteArray(), again.toByteArray(), "writing is deterministic");
    }

    @Test
    void corruptFilesAreRefusedWithAMessage(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fiveReleases().write(out);
        byte[] good = out.toByteArray();

        byte[] flipped = good.clone();
        flipped[30] ^= 1;
        assertEquals("the index is damaged (checksum mismatch); rebuild it or copy it again",
                assertThrows(InvalidIndexException.class, () -> read(flipped)).getMessage());

        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 9);
        assertThrows(InvalidIndexException.class, () -> read(truncated));

        byte[] version = good.clone();
        version[7] = 9;
        assertTrue(assertThrows(InvalidIndexException.class, () -> read(version)).getMessage()
                .startsWith("index format version 9 is not supported"));

        assertTrue(assertThrows(InvalidIndexException.class, () -> read("hello, world".getBytes(StandardCharsets.UTF_8)))
                .getMessage().startsWith("not a Caveat boilerplate index"));
        assertThrows(InvalidIndexException.class, () -> read(new byte[0]));

        Path file = dir.resolve("bad.cvbx");
        Files.write(file, truncated);
        assertTrue(assertThrows(InvalidIndexException.class, () -> BoilerplateIndex.read(file)).getMessage()
                .startsWith(file.toString()));
        assertThrows(IllegalStateException.class, () -> BoilerplateIndex.builder().build());
    }

    private static BoilerplateIndex read(byte[] b) throws IOException {
        return BoilerplateIndex.read(new ByteArrayInputStream(b));
    }
}
