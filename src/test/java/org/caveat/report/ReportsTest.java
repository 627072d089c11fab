package org.caveat.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caveat.Analysis;
import org.caveat.Caveat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReportsTest {
    private static final String RELEASE = "Acme Reports Results\n\nNEW YORK, May 1, 2024 -- Acme Corp. today reported revenue of "
            + "$5 million. <script>alert(1)</script> Acme expects growth.\n\nThis release contains forward-looking statements. "
            + "Factors that could cause results to differ include competition; supplier shortages; and changes in interest rates.\n";
    private static Analysis plain;
    private static Analysis explained;

    @BeforeAll
    static void analyse() throws IOException {
        Caveat caveat = Caveat.loadDefault();
        plain = caveat.analyze(RELEASE);
        explained = caveat.explaining().analyze(RELEASE);
    }

    private static int count(String s, String regex) {
        Matcher m = Pattern.compile(regex).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void htmlHasOneColouredElementPerSegmentAndOneChipPerCategory() throws IOException {
        StringWriter w = new StringWriter();
        Reports.writeHtml(explained, w);
        String html = w.toString();
        assertEquals(explained.segments().size(), count(html, "<span class=\"seg t-[A-Z_]+\" data-i="));
        int categories = explained.riskItems().stream().mapToInt(r -> r.categories().size()).sum();
        assertEquals(3, explained.riskItems().size());
        assertEquals(categories, count(html, "<span class=chip data-r="));
        assertEquals(3, count(html, "<span class=ri data-r="), "each enumerated item is underlined");
        assertTrue(html.contains("class=\"seg t-SAFE_HARBOR\""));
        assertFalse(html.contains("<script>alert"), "the document's text is escaped");
        assertFalse(Pattern.compile("<(script|link|img)[^>]+(src|href)=").matcher(html).find(), "no outside resources");
        assertTrue(html.contains("cue fls (this segment)"), "explanations travel in the page's data");
        assertTrue(html.contains("Segments per type") && html.contains("Risk items per category"));
    }

    @Test
    void defaultJsonIsUnchangedAndExplainAddsExplanations() throws IOException {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Reports.writeJson(plain, a);
        Reports.writeJson(explained, b, false);
        assertArrayEquals(a.toByteArray(), b.toByteArray(), "without --explain an explaining analysis writes the same bytes");
        assertFalse(a.toString().contains("explanation"));
        ByteArrayOutputStream c = new ByteArrayOutputStream();
        Reports.writeJson(explained, c, true);
        JsonNode json = new ObjectMapper().readTree(c.toByteArray());
        JsonNode seg = json.get("segments").get(0);
        assertTrue(seg.get("explanation").isArray() && seg.get("explanation").size() > 0);
        assertTrue(seg.get("explanation").get(0).has("feature") && seg.get("explanation").get(0).has("weight"));
        assertTrue(seg.has("runnerUp"));
        JsonNode cat = json.get("riskItems").get(0).get("categories").get(0);
        assertTrue(cat.get("explanation").size() > 0);
    }

    @Test
    void textIsPlainWithoutColourAndEscapedWithIt() throws IOException {
        StringWriter p = new StringWriter();
        Reports.writeText(plain, p);
        String text = p.toString();
        assertFalse(text.contains("\u001b"), "no escape codes in plain text");
        assertTrue(text.contains("SAFE_HARBOR     "), text);
        assertTrue(text.contains("risk items: 3"));
        assertTrue(text.contains("risk 0: COMPETITION"), text);
        assertTrue(text.contains("\"competition\""), "plain text quotes each item: " + text);
        StringWriter c = new StringWriter();
        Reports.writeText(explained, c, true);
        String colored = c.toString();
        assertTrue(colored.contains("\u001b[4mcompetition\u001b[24m"), "risk items are underlined: " + colored);
        assertTrue(colored.contains("\u001b[1m\u001b[33mSAFE_HARBOR"), "type tags are coloured");
        assertTrue(colored.contains("why SAFE_HARBOR over"), "explanations are shown when the analysis has them");
    }
}
