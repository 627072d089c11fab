package org.caveat.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListItemsTest {

    private static List<String> items(String sentence) {
        return ListItems.find(sentence, 0, sentence.length()).stream().map(a -> sentence.substring(a[0], a[1])).toList();
    }

    @Test
    void semicolonListLeavesOutJoinersAndPunctuation() {
        assertEquals(List.of("fluctuations in quarterly results", "competitive pricing pressure",
                        "our dependence on a small number of customers"),
                items("Factors that could cause results to differ include: fluctuations in quarterly results; "
                        + "competitive pricing pressure; and our dependence on a small number of customers."));
    }

    @Test
    void suchAsListSplitsOnCommasAndTheFinalAnd() {
        assertEquals(List.of("changes in interest rates", "the loss of key personnel", "delays in product launches"),
                items("Actual results may differ materially due to risks such as changes in interest rates, the loss of key "
                        + "personnel and delays in product launches."));
    }

    @Test
    void romanNumberingIsLeftOut() {
        assertEquals(List.of("our ability to obtain financing", "regulatory approval of our products", "competition"),
                items("Risks and uncertainties include (i) our ability to obtain financing, (ii) regulatory approval of our "
                        + "products and (iii) competition."));
    }

    @Test
    void catchAllIsNotAnItem() {
        assertEquals(List.of("the timing of orders", "competition"),
                items("Factors that could cause actual results to differ include the timing of orders; competition; and other "
                        + "risks detailed in our filings with the SEC."));
        assertEquals(List.of("the timing of orders", "supplier delays", "competition"),
                items("Risk factors include the timing of orders, supplier delays, competition and other factors described in "
                        + "our most recent Form 10-K."));
    }

    /** Regression: a catch-all joined by " and other" without a comma used to swallow the whole list. */
    @Test
    void catchAllWithoutCommaKeepsTheItems() {
        assertEquals(List.of("competition", "regulation", "litigation"),
                items("Results may differ because of risks such as competition, regulation and litigation and other factors."));
    }

    /** Regression: "include risks such as A, B" used to give the item "risks such as A". */
    @Test
    void suchAsInsideAnIncludeListStartsTheList() {
        assertEquals(List.of("competition", "supplier delays", "changes in interest rates"),
                items("Factors that could cause results to differ include risks such as competition, supplier delays and "
                        + "changes in interest rates."));
    }

    @Test
    void listsOfStatementsOrWordsAreNotRiskLists() {
        assertEquals(List.of(), items("Forward-looking statements include statements regarding our revenue, our margins and our plans."));
        assertEquals(List.of(), items("Words such as \"expects,\" \"believes,\" \"plans\" and \"will\" identify forward-looking "
                + "statements, which involve risks."));
    }
}
