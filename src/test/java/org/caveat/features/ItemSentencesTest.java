package org.caveat.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An item splits into its heading and the sentences of its body, the same way for every caller. */
class ItemSentencesTest {

    private static List<String> pieces(String text, int headingEnd) {
        int[] b = ItemSentences.split(text, 0, text.length(), headingEnd);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < b.length; i += 2) {
            out.add(text.substring(b[i], b[i + 1]));
        }
        return out;
    }

    @Test
    void aFactorSplitsIntoHeadingAndSentences() {
        String heading = "We depend on a small number of customers for most of our revenue.";
        String text = heading + "\n\nOur three largest customers accounted for 61% of revenue in 2024. The loss of any of "
                + "them could harm our results! Prices in the U.S. market also fell 4.5% as competitors cut theirs.";
        assertEquals(List.of(heading, "Our three largest customers accounted for 61% of revenue in 2024.",
                "The loss of any of them could harm our results!",
                "Prices in the U.S. market also fell 4.5% as competitors cut theirs."), pieces(text, heading.length()));
    }

    @Test
    void aBlankLineEndsAPieceAndAbbreviationsDoNot() {
        String text = "The following may affect rents paid by tenants of Acme Corp. and its affiliates:\n\n"
                + "downturns in local economic conditions;\n\ncompetition from other office buildings; and\n\n"
                + "changes in interest rates.";
        assertEquals(List.of("The following may affect rents paid by tenants of Acme Corp. and its affiliates:",
                "downturns in local economic conditions;", "competition from other office buildings; and",
                "changes in interest rates."), pieces(text, 0));
    }

    @Test
    void shortPiecesJoinTheirNeighbour() {
        String text = "Risks. Our suppliers may fail to deliver components on time. See above.";
        assertEquals(List.of("Risks. Our suppliers may fail to deliver components on time. See above."), pieces(text, 0));
    }

    @Test
    void anInlineListItemIsOnePiece() {
        String text = "the impact of geopolitical uncertainties on our markets and our ability to conduct business";
        assertEquals(List.of(text), pieces(text, 0));
        assertEquals(2, ItemSentences.split("x " + text + " y", 2, 2 + text.length(), 2).length);
    }

    @Test
    void aLongItemKeepsAtMostTheCapAndLosesNoText() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            b.append("Sentence number ").append(i).append(" names a risk of its own. ");
        }
        String text = b.toString().trim();
        int[] cuts = ItemSentences.split(text, 0, text.length(), 0);
        assertEquals(2 * ItemSentences.MAX_PIECES, cuts.length);
        assertEquals(0, cuts[0]);
        assertEquals(text.length(), cuts[cuts.length - 1], "the last piece takes the rest");
    }

    @Test
    void offsetsOutsideTheTextAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ItemSentences.split("abc", 2, 9, 2));
        assertEquals("item offsets 2..9 do not lie in a text of length 3", e.getMessage());
    }
}
