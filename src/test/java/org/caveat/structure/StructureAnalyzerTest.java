package org.caveat.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.caveat.read.Emphasis;
import org.caveat.segment.SegmentSpan;
import org.caveat.segment.Segmenter;
import org.junit.jupiter.api.Test;

class StructureAnalyzerTest {

    private static DocumentStructure analyze(String text) {
        List<SegmentSpan> spans = new Segmenter().segment(text);
        return StructureAnalyzer.analyze(text, spans, Emphasis.NONE);
    }

    private static final String TEN_K = """
            TABLE OF CONTENTS

            Item 1.\tBusiness\t3
            Item 1A.\tRisk Factors\t9
            Item 1B.\tUnresolved Staff Comments\t15

            Item 1. Business

            Acme makes widgets. For a discussion of the risks we face, see Item 1A. Risk Factors of this report.

            Item 1A. Risk Factors

            Investing in our securities involves risks. You should consider the risks described below.

            Risks Related to Our Business

            Our quarterly results fluctuate significantly.

            Our revenue depends on orders placed late in each quarter. Delays could cause us to miss our guidance.

            We depend on a small number of customers.

            Two customers accounted for 40% of revenue in 2023. The loss of either could harm our results.

            Risks Related to Our Common Stock

            Our stock price may be volatile.

            The market price of our stock has fluctuated widely. It may continue to do so.

            Item 1B. Unresolved Staff Comments

            None.
            """;

    @Test
    void itemOneAIsFoundPastTheTableOfContentsAndCrossReferences() {
        DocumentStructure d = analyze(TEN_K);
        assertTrue(d.hasRiskSection());
        List<int[]> factors = d.riskFactors();
        assertEquals(3, factors.size());
        assertEquals("Our quarterly results fluctuate significantly.", d.segmentText(factors.get(0)[0]));
        assertEquals("It may continue to do so.", d.segmentText(factors.get(2)[1]));
        for (int i = 0; i < d.size(); i++) {
            if (d.segmentText(i).startsWith("Risks Related")) {
                assertEquals(Role.GROUP_HEADING, d.role(i));
            }
            if (d.segmentText(i).startsWith("Acme makes widgets") || d.segmentText(i).equals("None.")) {
                assertEquals(Role.NONE, d.role(i), "outside Item 1A");
            }
        }
        assertEquals(Role.INTRODUCTION, d.role(indexOf(d, "Investing in our securities involves risks.")));
        assertEquals(Role.FACTOR_HEADING, d.role(indexOf(d, "We depend on a small number of customers.")));
        assertEquals(Role.FACTOR_BODY, d.role(indexOf(d, "Two customers accounted for 40% of revenue in 2023.")));
    }

    @Test
    void runInTitlesOpenRiskFactors() {
        String text = """
                Item 1A. Risk Factors

                We Face Intense Competition – Our markets are competitive. Competitors may cut prices.

                We Depend on Key Suppliers – We buy parts from few suppliers. A shortage could hurt us.

                We Are Subject to Cybersecurity Risks – Our systems may be breached. A breach could be costly.
                """;
        DocumentStructure d = analyze(text);
        assertEquals(3, d.riskFactors().size());
    }

    @Test
    void pressReleaseSectionsFollowTheirHeadings() {
        String text = "Acme Reports Results\n\nAcme sold more widgets.\n\nAbout Acme\n\nAcme is a leading maker of widgets.\n\n"
                + "Forward-Looking Statements\n\nThis release contains forward-looking statements.\n\nContact:\nJane Doe\n";
        DocumentStructure d = analyze(text);
        assertFalse(d.hasRiskSection());
        assertEquals(Section.OTHER, d.section(indexOf(d, "Acme sold more widgets.")), "under the title");
        assertEquals(Section.ABOUT, d.section(indexOf(d, "Acme is a leading maker of widgets.")));
        assertEquals(Section.SAFE_HARBOR, d.section(indexOf(d, "This release contains forward-looking statements.")));
        assertEquals(Section.CONTACT, d.section(indexOf(d, "Jane Doe")));
    }

    private static int indexOf(DocumentStructure d, String text) {
        for (int i = 0; i < d.size(); i++) {
            if (d.segmentText(i).equals(text)) {
                return i;
            }
        }
        throw new AssertionError("no segment " + text);
    }

    private static final String OLD_STYLE = """
            FACTORS THAT MAY AFFECT FUTURE RESULTS

            The factors below could cause our results to differ. Readers should weigh them with care.

            Our revenue depends on a few large customers. The loss of one could reduce our sales sharply.

            In fiscal 2003 our three largest customers bought 52% of our output. None of them is bound to keep buying.

            Prices of our raw materials may rise. We buy resin from two suppliers and cannot always pass on increases.

            Resin prices rose 18% in 2003. We expect them to stay volatile in 2004.

            We may not be able to protect our patents. Competitors could copy our designs if our patents are invalidated.

            Two of our patents are being challenged. An adverse ruling could let rivals sell similar products.

            Our stock price may be volatile. Trading in our shares is thin, and prices can swing widely.

            Our charter contains anti-takeover provisions. They could discourage offers that shareholders would welcome.
            """;

    @Test
    void anOldStyleTitleOpensARiskSectionOnlyOverALongSection() {
        DocumentStructure tenK = analyze(OLD_STYLE);
        assertTrue(tenK.hasRiskSection(), "a pre-2005 10-K section titled as factors that may affect future results");
        String release = """
                Acme Reports Record Sales

                Acme Corp. today reported sales of $4 million. Net income rose 20%.

                Factors That May Affect Future Results

                This release contains forward-looking statements. Actual results may differ because of competition.

                Contact: Jane Doe, 555-0100
                """;
        assertFalse(analyze(release).hasRiskSection(), "a press release's safe-harbor heading is not a risk section");
    }

    @Test
    void aFactorStartModelDecidesWhereFactorsStartInPlainText() {
        List<SegmentSpan> spans = new Segmenter().segment(OLD_STYLE);
        List<Paragraph> seen = new java.util.ArrayList<>();
        // A stand-in for the trained model: a factor starts where a paragraph does not open with a fact.
        java.util.function.ToDoubleFunction<Paragraph> model = p -> {
            seen.add(p);
            String first = p.segmentText(p.first());
            return first.matches(".*\\d.*") || first.startsWith("The factors") || first.startsWith("Two") ? 0 : 1;
        };
        DocumentStructure doc = StructureAnalyzer.analyze(OLD_STYLE, spans, Emphasis.NONE, model);
        assertEquals(StructureAnalyzer.riskParagraphs(OLD_STYLE, spans).stream().map(p -> p.first()).toList(),
                seen.stream().map(p -> p.first()).toList(), "training sees the paragraphs that analysis scores");
        List<String> headings = doc.riskFactors().stream().map(f -> OLD_STYLE.substring(spans.get(f[0]).start(),
                spans.get(f[0]).end())).toList();
        assertEquals(List.of("Our revenue depends on a few large customers.", "Prices of our raw materials may rise.",
                "We may not be able to protect our patents.", "Our stock price may be volatile.",
                "Our charter contains anti-takeover provisions."), headings);
        assertEquals(Role.INTRODUCTION, doc.role(1), "the paragraph before the first start introduces the section");
        Paragraph second = seen.get(2);
        assertEquals(seen.get(1).first(), second.previousFirst());
        assertTrue(second.singleSentenceShare() == 0 && !second.dashTitle(), second.toString());
    }
}
