package org.caveat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline with the bundled default model. */
class CaveatTest {
    private static Caveat caveat;

    @BeforeAll
    static void load() throws IOException {
        caveat = Caveat.loadDefault();
    }

    /** labels.md's worked example: the seed release's six risk items, their spans and categories, and its segment types. */
    @Test
    void seedReleaseGivesTheWorkedExample() throws IOException {
        Path seed = Shared.require("seeds/sonus-2007-03-15-press-release.txt");
        Analysis a = caveat.analyze(seed);
        String text = a.text();
        assertEquals(Files.readString(seed), text, "plain text is analysed as it is");

        List<RiskItem> items = a.riskItems();
        String[][] expected = {
            {"the impact of material weaknesses in our disclosure controls and procedures and our internal control over "
                    + "financial reporting on our ability to report our financial results timely and accurately", "INTERNAL_CONTROLS"},
            {"the unpredictability of our quarterly financial results", "RESULTS_VOLATILITY"},
            {"risks and uncertainties associated with the Company’s announced review of its historical stock option grants "
                    + "and accounting, including the impact on the Company’s financial statements or results, any tax liabilities "
                    + "or penalties, the Company’s inability to timely report with the Securities and Exchange Commission, the "
                    + "Company’s potential inability to meet NASDAQ requirements for continued listing, potential investigations, "
                    + "regulatory actions or litigation arising out of the review or any restatement",
                "STOCK_OPTION_REVIEW EXCHANGE_LISTING INTERNAL_CONTROLS TAX_ACCOUNTING LITIGATION REGULATION"},
            {"risks associated with our international expansion and growth", "INTERNATIONAL GROWTH_MANAGEMENT"},
            {"consolidation in the telecommunications industry", "INDUSTRY_CONSOLIDATION"},
            {"potential costs resulting from pending securities litigation against the company", "LITIGATION"},
        };
        assertEquals(expected.length, items.size(), () -> "risk items: " + items.stream().map(RiskItem::text).toList());
        for (int k = 0; k < expected.length; k++) {
            RiskItem it = items.get(k);
            assertEquals(expected[k][0], it.text());
            assertEquals(text.indexOf(expected[k][0]), it.start());
            Set<RiskCategory> want = EnumSet.noneOf(RiskCategory.class);
            for (String id : expected[k][1].split(" ")) {
                want.add(RiskCategory.valueOf(id));
            }
            Set<RiskCategory> got = it.categories().stream().map(CategoryScore::category).collect(Collectors.toCollection(
                    () -> EnumSet.noneOf(RiskCategory.class)));
            assertEquals(want, got, "categories of item " + k + ": " + it.categories());
        }
        int listSegment = items.get(0).segments().get(0);
        for (RiskItem it : items) {
            assertEquals(List.of(listSegment), it.segments(), "every item lies in the one 'Risk factors include' segment");
        }

        assertType(a, "This release may contain forward-looking statements", "Sonus specifically disclaims any obligation to do so.",
                SegmentType.SAFE_HARBOR);
        assertType(a, "About Sonus Networks", "Additional information on Sonus is available at http://www.sonusnet.com.",
                SegmentType.COMPANY_PROFILE);
        assertType(a, "Sonus is a registered trademark", "with which they are associated.", SegmentType.LEGAL_NOTICE);
    }

    /** Every segment from the one holding {@code from} to the one holding {@code to} has the type. */
    private static void assertType(Analysis a, String from, String to, SegmentType type) {
        int start = a.text().indexOf(from);
        int end = a.text().indexOf(to) + to.length();
        assertTrue(start >= 0 && end > start);
        for (Segment s : a.segments()) {
            if (s.end() > start && s.start() < end) {
                assertEquals(type, s.type(), () -> "segment \"" + s.text() + "\"");
            }
        }
    }

    @Test
    void segmentsCoverTheTextAndMatchItsKind() {
        String text = "Acme Corp. Reports Record Results\n\nNEW YORK, Jan. 5, 2009 -- Acme Corp. (Nasdaq: ACME) today reported "
                + "revenue of $12.1 million, up 8 percent from a year earlier.\n\nOutlook\n\nFor fiscal 2009, the company expects "
                + "revenue of $50 million to $52 million and plans to open two new plants.\n\nAbout Acme\n\nAcme is a leading "
                + "provider of widgets. For more information, visit www.acme.com.\n";
        Analysis a = caveat.analyze(text);
        assertFalse(a.segments().isEmpty());
        int covered = 0;
        int last = 0;
        for (Segment s : a.segments()) {
            assertTrue(s.start() >= last, "sorted, no overlap");
            assertEquals(text.substring(s.start(), s.end()), s.text());
            assertEquals(s.type().kind(), s.kind());
            covered += s.text().replaceAll("\\s", "").length();
            last = s.end();
        }
        assertEquals(text.replaceAll("\\s", "").length(), covered, "every non-whitespace character is in a segment");
        assertEquals(SegmentType.COMPANY_PROFILE, a.segments().get(a.segments().size() - 1).type());
        assertEquals(SegmentType.FORWARD_LOOKING, a.segments().stream()
                .filter(s -> s.text().startsWith("For fiscal 2009")).findFirst().orElseThrow().type());
        assertEquals(SegmentType.FACTUAL, a.segments().stream()
                .filter(s -> s.text().startsWith("NEW YORK")).findFirst().orElseThrow().type());
    }

    @Test
    void emptyAndWhitespaceInputsGiveNoSegments() {
        assertTrue(caveat.analyze("").segments().isEmpty());
        assertTrue(caveat.analyze(" \n\t\n ").segments().isEmpty());
    }

    @Test
    void binaryInputIsRefusedWithAReason(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("chart.png");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class, () -> caveat.analyze(png));
        assertTrue(e.getMessage().contains("PNG image"), e.getMessage());
    }

    @Test
    void sharedInstanceGivesTheSameResultsOnSeveralThreads() throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            texts.add("Item " + i + " Corp. announced results today. Revenue rose " + i + " percent. The company expects growth.\n\n"
                    + "This release contains forward-looking statements. Factors that could cause results to differ include "
                    + "competition; our dependence on key customers; and changes in interest rates.");
        }
        List<String> single = new ArrayList<>();
        for (String t : texts) {
            single.add(caveat.analyze(t).toString());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (String t : texts) {
                futures.add(pool.submit(() -> caveat.analyze(t).toString()));
            }
            for (int i = 0; i < texts.size(); i++) {
                assertEquals(single.get(i), futures.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void modelNameComesFromTheModelFile() {
        assertEquals("caveat-default 1.4.0", caveat.modelName());
        assertTrue(new String(Caveat.libraryVersion().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).matches("\\d+\\.\\d+\\.\\d+.*"));
    }
}
