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

    @Test
    void listsOfStatementsOrWordsAreNotRiskLists() {
        assertEquals(List.of(), items("Forward-looking statements include statements regarding our revenue, our margins and our plans."));
        assertEquals(List.of(), items("Words such as \"expects,\" \"believes,\" \"plans\" and \"will\" identify forward-looking "
                + "statements, which involve risks."));
    }
}
