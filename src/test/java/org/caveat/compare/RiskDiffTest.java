package org.caveat.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.caveat.Analysis;
import org.caveat.Caveat;
import org.caveat.RiskCategory;
import org.caveat.report.Reports;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three years of one invented company's Item 1A ({@code src/test/resources/compare/year1..3.txt}) with known
 * changes: year 2 edits the customer factor, drops the contract-manufacturer factor and adds a cybersecurity
 * factor; year 3 extends the cybersecurity factor by a sentence, drops the defects factor and adds an
 * interest-rate factor.
 */
class RiskDiffTest {
    private static Caveat caveat;
    private static Analysis y1;
    private static Analysis y2;
    private static Analysis y3;

    @BeforeAll
    static void analyze() throws IOException {
        caveat = Caveat.loadDefault();
        y1 = caveat.analyze(Path.of("src/test/resources/compare/year1.txt"));
        y2 = caveat.analyze(Path.of("src/test/resources/compare/year2.txt"));
        y3 = caveat.analyze(Path.of("src/test/resources/compare/year3.txt"));
    }

    private static List<String> summary(RiskDiff d) {
        return d.changes().stream().map(c -> c.status() + " " + c.heading()).toList();
    }

    @Test
    void theAnalyzerFindsEachFactorWithItsHeading() {
        assertEquals(List.of("Our quarterly results fluctuate significantly.", "We depend on a small number of customers.",
                "We rely on a single contract manufacturer.", "Our products may contain undetected defects.",
                "Changes in export controls could limit our sales abroad.",
                "We may not be able to protect our intellectual property."),
                y1.riskItems().stream().map(r -> r.heading()).toList());
        assertTrue(y1.riskItems().stream().allMatch(r -> r.isRiskFactor()));
    }

    @Test
    void yearOneToTwoReportsExactlyTheKnownChanges() {
        RiskDiff d = caveat.diff(y1, y2);
        assertEquals(List.of(
                "UNCHANGED Our quarterly results fluctuate significantly.",
                "CHANGED We depend on a small number of customers.",
                "REMOVED We rely on a single contract manufacturer.",
                "UNCHANGED Our products may contain undetected defects.",
                "ADDED A breach of our information systems could disrupt our business.",
                "UNCHANGED Changes in export controls could limit our sales abroad.",
                "UNCHANGED We may not be able to protect our intellectual property."), summary(d));
        assertEquals("year1.txt", d.older());
        assertEquals("year2.txt", d.newer());
        FactorChange customers = d.changes().get(1);
        assertEquals(List.of(
                new WordEdit(WordEdit.Op.KEEP, "We depend on a small number of customers."),
                new WordEdit(WordEdit.Op.DELETE, "Two"),
                new WordEdit(WordEdit.Op.INSERT, "Three"),
                new WordEdit(WordEdit.Op.KEEP, "customers accounted for"),
                new WordEdit(WordEdit.Op.DELETE, "40%"),
                new WordEdit(WordEdit.Op.INSERT, "52%"),
                new WordEdit(WordEdit.Op.KEEP, "of our revenue in fiscal"),
                new WordEdit(WordEdit.Op.DELETE, "2021."),
                new WordEdit(WordEdit.Op.INSERT, "2022."),
                new WordEdit(WordEdit.Op.KEEP, "The loss of"),
                new WordEdit(WordEdit.Op.DELETE, "either customer"),
                new WordEdit(WordEdit.Op.INSERT, "any of these customers"),
                new WordEdit(WordEdit.Op.KEEP, "could harm our results of operations.")), customers.edits());
        assertTrue(customers.similarity() >= RiskDiff.MATCH_THRESHOLD && customers.similarity() < 1);
        assertEquals(RiskCategory.CUSTOMER_CONCENTRATION, customers.categories().get(0).category());
        FactorChange removed = d.changes().get(2);
        assertNull(removed.newer());
        assertEquals(0, removed.similarity());
        assertTrue(d.changes().get(0).edits().isEmpty());
    }

    @Test
    void yearTwoToThreeReportsExactlyTheKnownChanges() {
        RiskDiff d = caveat.diff(y2, y3);
        assertEquals(List.of(
                "UNCHANGED Our quarterly results fluctuate significantly.",
                "UNCHANGED We depend on a small number of customers.",
                "REMOVED Our products may contain undetected defects.",
                "CHANGED A breach of our information systems could disrupt our business.",
                "ADDED Rising interest rates could reduce demand from our customers.",
                "UNCHANGED Changes in export controls could limit our sales abroad.",
                "UNCHANGED We may not be able to protect our intellectual property."), summary(d));
        List<WordEdit> edits = d.changes().get(3).edits();
        assertEquals(2, edits.size());
        assertEquals(new WordEdit(WordEdit.Op.INSERT, "We carry insurance, but it may not cover all losses."), edits.get(1));
    }

    @Test
    void yearOneToThreeAccumulatesTheChanges() {
        RiskDiff d = caveat.diff(y1, y3);
        assertEquals(2, d.count(ChangeStatus.REMOVED));
        assertEquals(2, d.count(ChangeStatus.ADDED));
        assertEquals(1, d.count(ChangeStatus.CHANGED));
        assertEquals(3, d.count(ChangeStatus.UNCHANGED));
    }

    @Test
    void aFilingComparedWithItselfIsUnchanged() {
        RiskDiff d = caveat.diff(y2, y2);
        assertEquals(y2.riskItems().size(), d.count(ChangeStatus.UNCHANGED));
        assertEquals(d.changes().size(), d.count(ChangeStatus.UNCHANGED));
    }

    @Test
    void wordDiffOfDisjointAndEmptyTexts() {
        assertEquals(List.of(new WordEdit(WordEdit.Op.DELETE, "a b"), new WordEdit(WordEdit.Op.INSERT, "c d")),
                Myers.diff(List.of("a", "b"), List.of("c", "d")));
        assertEquals(List.of(new WordEdit(WordEdit.Op.INSERT, "x")), Myers.diff(List.of(), List.of("x")));
        assertEquals(List.of(new WordEdit(WordEdit.Op.KEEP, "a"), new WordEdit(WordEdit.Op.INSERT, "x"),
                new WordEdit(WordEdit.Op.KEEP, "b c"), new WordEdit(WordEdit.Op.DELETE, "d"),
                new WordEdit(WordEdit.Op.KEEP, "e")),
                Myers.diff(List.of("a", "b", "c", "d", "e"), List.of("a", "x", "b", "c", "e")));
    }

    @Test
    void jsonAndHtml() throws IOException {
        RiskDiff d = caveat.diff(y1, y2);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Reports.writeDiffJson(d, bytes);
        String json = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(json.contains("\"schema\" : \"caveat-diff/1\""), json);
        assertTrue(json.contains("\"REMOVED\" : 1"), json);
        assertTrue(json.contains("\"op\" : \"INSERT\""), json);
        assertTrue(json.contains("\"newer\" : null"), json);
        StringWriter html = new StringWriter();
        Reports.writeDiffHtml(d, html);
        assertTrue(html.toString().contains("<del>Two</del>"), html.toString());
        assertTrue(html.toString().contains("<ins>Three</ins>"));
    }
}
