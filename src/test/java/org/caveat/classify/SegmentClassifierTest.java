package org.caveat.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.caveat.Kind;
import org.caveat.SegmentType;
import org.caveat.model.CaveatModel;
import org.caveat.model.ModelIO;
import org.caveat.read.Emphasis;
import org.caveat.segment.SegmentSpan;
import org.caveat.segment.Segmenter;
import org.caveat.structure.DocumentStructure;
import org.caveat.structure.Role;
import org.caveat.structure.StructureAnalyzer;
import org.caveat.train.CorpusReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The segment classifier with the bundled model: what labels.md allows inside an Item 1A section. */
class SegmentClassifierTest {
    private static CaveatModel model;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = SegmentClassifierTest.class.getResourceAsStream("/org/caveat/model/default.cvm")) {
            model = ModelIO.read(in);
        }
    }

    private static DocumentStructure structure(String text) {
        List<SegmentSpan> spans = new Segmenter().segment(text);
        return StructureAnalyzer.analyze(text, spans, Emphasis.NONE, new FactorStarts(model.factorStarts()));
    }

    /**
     * A risk factor whose body reads like a safe harbor ("there can be no assurance", "could differ
     * materially") is still substantive; the section's generic introduction may be a safe harbor, and a
     * sentence about forward-looking statements may be one anywhere.
     */
    @Test
    void riskFactorsAreSubstantiveUnlessTheySpeakOfForwardLookingStatements() {
        String text = """
                Item 1A. Risk Factors

                You should carefully consider the risks described below. Additional risks not presently known \
                to us may also impair our business, and actual results could differ materially from those \
                anticipated.

                We may be unable to refinance our debt on acceptable terms.

                Our credit facility matures in June 2027. There can be no assurance that we will be able to \
                refinance it on acceptable terms, or at all, and factors that could affect our ability to do so \
                include conditions in the credit markets, our credit ratings and our results of operations. \
                Actual results could differ materially from those anticipated, and we undertake no obligation \
                to update or revise any of these expectations, whether as a result of new information, future \
                events or otherwise.

                Pandemics could disrupt our operations.

                A pandemic could close our stores and reduce customer traffic for extended periods. The extent \
                of the impact on our results will depend on future developments that are highly uncertain and \
                cannot be predicted. Investors should not place undue reliance on forward-looking statements \
                about the duration of any such disruption.
                """;
        DocumentStructure doc = structure(text);
        ClassifiedSegments c = new SegmentClassifier(model.segmentTypes(), model.transitions()).classify(doc);
        int checked = 0;
        for (int i = 0; i < doc.size(); i++) {
            Role role = doc.role(i);
            String t = doc.segmentText(i);
            if ((role == Role.FACTOR_HEADING || role == Role.FACTOR_BODY) && !t.contains("forward-looking")) {
                assertEquals(Kind.SUBSTANTIVE, c.types()[i].kind(), t);
                checked++;
            }
        }
        assertTrue(checked >= 6, "risk-factor segments checked: " + checked);
        int intro = indexOf(doc, "You should carefully consider the risks described below.");
        assertEquals(Role.INTRODUCTION, doc.role(intro));
        assertEquals(SegmentType.SAFE_HARBOR, c.types()[intro], "the introduction is the section's safe harbor");
    }

    /** The same holds on a whole document of the corpus: no boilerplate inside its risk factors. */
    @Test
    void aCorpusRiskSectionHasNoBoilerplateInsideItsFactors() throws IOException {
        String text = CorpusReader.read(Path.of("training-data/risk/w14_05_kallistos-bulk-carriers-2015.cav"),
                "w14_05_kallistos-bulk-carriers-2015.cav").text();
        DocumentStructure doc = structure(text);
        ClassifiedSegments c = new SegmentClassifier(model.segmentTypes(), model.transitions()).classify(doc);
        int factors = 0;
        for (int i = 0; i < doc.size(); i++) {
            Role role = doc.role(i);
            if (role == Role.FACTOR_HEADING || role == Role.FACTOR_BODY || role == Role.GROUP_HEADING) {
                factors++;
                String t = doc.segmentText(i).toLowerCase(java.util.Locale.ROOT);
                if (!t.contains("forward-looking") && !t.contains("safe harbor") && !t.contains("cautionary")) {
                    assertEquals(Kind.SUBSTANTIVE, c.types()[i].kind(), doc.segmentText(i));
                }
            }
        }
        assertTrue(factors > 30, "segments in risk factors: " + factors);
    }

    /**
     * The constraint holds whatever the model says: a model that prefers SAFE_HARBOR for every segment
     * still cannot make a risk factor, its summary line or a group heading boilerplate, while the
     * introduction and a risk factor's sentence about forward-looking statements stay safe harbors.
     */
    @Test
    void aModelThatSaysSafeHarborEverywhereCannotMakeRiskFactorsBoilerplate() {
        String text = """
                Item 1A. Risk Factors

                You should carefully consider the risks described below.

                Summary of Risk Factors

                The following is a summary of the principal risks we face.

                Our debt could limit our flexibility.

                We depend on a few customers.

                Competition could reduce our margins.

                Risks Related to Our Business

                Our debt could limit our flexibility.

                We had $2.4 billion of debt at year end. It requires large interest payments. We may need to \
                refinance it on worse terms. Our statements about refinancing are forward-looking statements.
                """;
        DocumentStructure doc = StructureAnalyzer.analyze(text, new Segmenter().segment(text), Emphasis.NONE);
        int dimension = model.segmentTypes().dimension();
        int k = SegmentType.values().length;
        float[] bias = new float[k];
        bias[SegmentType.SAFE_HARBOR.ordinal()] = 5;
        bias[SegmentType.FACTUAL.ordinal()] = 1;
        org.caveat.model.LinearModel safeHarbor = new org.caveat.model.LinearModel(new float[k][dimension], bias);
        double[][] none = new double[k][k];
        for (boolean sequence : new boolean[] {false, true}) {
            ClassifiedSegments c = new SegmentClassifier(safeHarbor, new Transitions(none, none, 1)).classify(doc, sequence);
            for (int i = 0; i < doc.size(); i++) {
                String t = doc.segmentText(i);
                SegmentType expected = switch (doc.role(i)) {
                    case INTRODUCTION -> SegmentType.SAFE_HARBOR;
                    case FACTOR_HEADING, FACTOR_BODY, SUMMARY, GROUP_HEADING, ITEM_HEADING ->
                            t.contains("forward-looking") ? SegmentType.SAFE_HARBOR : SegmentType.FACTUAL;
                    case NONE -> throw new AssertionError("outside Item 1A: " + t);
                };
                assertEquals(expected, c.types()[i], doc.role(i) + ": " + t);
                assertTrue(c.scores()[i] > 0.5 && c.scores()[i] <= 1, "the score of the type chosen: " + c.scores()[i]);
            }
            assertEquals(3, java.util.stream.IntStream.range(0, doc.size()).filter(i -> doc.role(i) == Role.SUMMARY).count());
        }
    }

    /**
     * A disclaimer whose list lost its bullets: each item is a paragraph of its own, in lower case, after
     * a line ending with a semicolon. The items continue the sentence that enumerates them, so they are
     * safe harbor like it, not facts about freight costs and store openings.
     */
    @Test
    void listLinesThatContinueASafeHarborSentenceAreSafeHarbor() {
        String text = """
                Brindle Outdoor Reports Third Quarter Results

                DENVER, Nov. 2, 2023 -- Brindle Outdoor, Inc. (NASDAQ: BRND) today reported net sales of $412 \
                million for the third quarter, up 6%.

                This release contains forward-looking statements within the meaning of the Private Securities \
                Litigation Reform Act of 1995. Such statements are subject to risks and uncertainties, which \
                include, without limitation: changes in consumer spending on outdoor equipment and apparel;

                the cost of freight and of the materials in our products;

                our ability to open new stores on schedule and to staff them;

                the performance of our e-commerce platform and the systems that support it;

                weather that shortens the camping and ski seasons; and

                our reliance on a small number of vendors for our best-selling tents.

                We undertake no obligation to update any forward-looking statement.
                """;
        DocumentStructure doc = structure(text);
        SegmentClassifier classifier = new SegmentClassifier(model.segmentTypes(), model.transitions());
        for (boolean sequence : new boolean[] {true, false}) {
            ClassifiedSegments c = classifier.classify(doc, sequence);
            int lines = 0;
            for (int i = 0; i < doc.size(); i++) {
                String t = doc.segmentText(i);
                if (Character.isLowerCase(t.charAt(0))) {
                    assertEquals(SegmentType.SAFE_HARBOR, c.types()[i], t);
                    assertTrue(c.scores()[i] >= 0 && c.scores()[i] <= 1);
                    lines++;
                }
            }
            assertEquals(5, lines);
            assertEquals(SegmentType.FACTUAL, c.types()[indexOf(doc, "Brindle Outdoor Reports Third Quarter Results")]);
        }
    }

    private static int indexOf(DocumentStructure d, String text) {
        for (int i = 0; i < d.size(); i++) {
            if (d.segmentText(i).equals(text)) {
                return i;
            }
        }
        throw new AssertionError("no segment " + text);
    }
}
