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

    private static int lastIndexOf(DocumentStructure d, String text) {
        for (int i = d.size() - 1; i >= 0; i--) {
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

    /** A 2021-style Item 1A whose summary lost its bullets in conversion: one short paragraph per risk. */
    private static final String SUMMARY = """
            Item 1A. Risk Factors

            Our business faces many risks. You should consider the risks described below before investing.

            Summary of Risk Factors

            The following is a summary of the principal risks that could adversely affect our business.

            Our substantial indebtedness could limit our flexibility and harm our results.

            Rising interest rates would increase the cost of our variable-rate borrowings.

            We depend on three hospital systems for most of our revenue.

            A failure of our information systems could disrupt our operations and expose patient data.

            For a more complete discussion of these risks, see below.

            Risks Related to Our Indebtedness

            Our substantial indebtedness could limit our flexibility and harm our results.

            At December 31, 2021, we had $2.4 billion of debt outstanding. Our debt requires us to dedicate a \
            large share of our cash flow to interest and principal. It could also limit our ability to borrow \
            more, to react to changes in our markets and to pay dividends, and it makes us more vulnerable to \
            downturns than competitors with less debt. We may need to refinance some of it on worse terms.

            Rising interest rates would increase the cost of our variable-rate borrowings.

            About 40% of our debt bears interest at floating rates. Each increase of one percentage point \
            in those rates would raise our annual interest expense by about $9.6 million. We hedge only part \
            of this exposure, and our hedges may not perform as we expect if markets are disrupted.

            Item 1B. Unresolved Staff Comments
            """;

    @Test
    void aSummaryWithoutBulletsIsOneRiskPerLineAndNotTakenForFactors() {
        List<SegmentSpan> spans = new Segmenter().segment(SUMMARY);
        DocumentStructure doc = StructureAnalyzer.analyze(SUMMARY, spans, Emphasis.NONE);
        List<String> summary = new java.util.ArrayList<>();
        for (int i = 0; i < doc.size(); i++) {
            if (doc.role(i) == Role.SUMMARY) {
                summary.add(doc.segmentText(i));
            }
        }
        assertEquals(List.of("Our substantial indebtedness could limit our flexibility and harm our results.",
                "Rising interest rates would increase the cost of our variable-rate borrowings.",
                "We depend on three hospital systems for most of our revenue.",
                "A failure of our information systems could disrupt our operations and expose patient data."), summary);
        assertEquals(Role.INTRODUCTION, doc.role(indexOf(doc, "The following is a summary of the principal risks that could adversely affect our business.")));
        assertEquals(Role.INTRODUCTION, doc.role(indexOf(doc, "For a more complete discussion of these risks, see below.")));
        assertEquals(Role.GROUP_HEADING, doc.role(indexOf(doc, "Risks Related to Our Indebtedness")));
        List<int[]> factors = doc.riskFactors();
        assertEquals(2, factors.size(), "the two full risk factors, not the summary's lines");
        assertTrue(SUMMARY.substring(spans.get(factors.get(0)[0]).start()).startsWith("Our substantial indebtedness"));
        assertTrue(spans.get(factors.get(0)[0]).start() > SUMMARY.indexOf("Risks Related to Our Indebtedness"));
        // The same without the closing line and the group heading: the summary ends above the first factor's heading.
        String bare = SUMMARY.replace("For a more complete discussion of these risks, see below.\n\n", "")
                .replace("Risks Related to Our Indebtedness\n\n", "");
        DocumentStructure d2 = analyze(bare);
        assertEquals(2, d2.riskFactors().size());
        assertEquals(4, java.util.stream.IntStream.range(0, d2.size()).filter(i -> d2.role(i) == Role.SUMMARY).count());
        assertEquals(Role.FACTOR_HEADING, d2.role(lastIndexOf(d2, "Our substantial indebtedness could limit our flexibility and harm our results.")));
    }

    @Test
    void aLineOfBulletsInARiskFactorIsNotAGroupHeading() {
        String text = """
                Item 1A. Risk Factors

                Our substantial indebtedness could limit our flexibility and harm our results.

                Our debt could have important consequences for holders of our securities and for our business, including:

                \u2022 \u2022 \u2022

                making it harder to pay our other obligations;

                limiting our ability to borrow more.

                A failure of our information systems could disrupt our operations and expose patient data.

                We rely on systems run by third parties. Attacks on them have grown in number and skill.
                """;
        DocumentStructure doc = analyze(text);
        int bullets = indexOf(doc, "\u2022 \u2022 \u2022");
        assertEquals(Role.FACTOR_BODY, doc.role(bullets));
        assertEquals(Role.FACTOR_BODY, doc.role(indexOf(doc, "limiting our ability to borrow more.")));
        assertEquals(2, doc.riskFactors().size());
        for (int i = 0; i < doc.size(); i++) {
            assertEquals(Section.RISK_FACTORS, doc.section(i), "a heading inside Item 1A opens no section of its own");
        }
    }
}
