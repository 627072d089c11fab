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
}
