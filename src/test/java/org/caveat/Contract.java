package org.caveat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.caveat.report.Reports;

/**
 * Checks an analysis against {@code shared/spec/output.md}: the records and their JSON form. Whitespace is
 * what the contract checker ({@code shared/tools/score.py}) counts as whitespace, Python's {@code str.isspace()}.
 */
public final class Contract {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Contract() {
    }

    /**
     * Whitespace as output.md counts it.
     *
     * @param c a character
     * @return whether Python's {@code str.isspace()} holds for it
     */
    public static boolean isWhitespace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    /**
     * Asserts every rule of output.md on the analysis and on its JSON.
     *
     * @param a the analysis
     * @return the analysis, for chaining
     */
    public static Analysis check(Analysis a) {
        checkRecords(a);
        checkJson(a);
        return a;
    }

    /**
     * Asserts output.md's rules on the result records: segments in order, not overlapping, trimmed, covering
     * every non-whitespace character, with exact text, a kind that fits the type and a score in [0, 1]; risk
     * items in order with exact text, the segments they overlap, and scored categories, highest first.
     *
     * @param a the analysis
     */
    public static void checkRecords(Analysis a) {
        String text = a.text();
        boolean[] covered = new boolean[text.length()];
        int last = 0;
        List<Segment> segments = a.segments();
        for (int k = 0; k < segments.size(); k++) {
            Segment s = segments.get(k);
            String where = "segment " + k + " [" + s.start() + ", " + s.end() + ")";
            assertEquals(k, s.index(), where + ": index");
            assertTrue(s.start() >= last && s.end() > s.start() && s.end() <= text.length(),
                    where + ": sorted, not overlapping, inside the text (previous end " + last + ")");
            assertEquals(text.substring(s.start(), s.end()), s.text(), where + ": text");
            assertFalse(isWhitespace(text.charAt(s.start())) || isWhitespace(text.charAt(s.end() - 1)),
                    where + ": begins and ends on non-whitespace");
            assertFalse(Character.isLowSurrogate(text.charAt(s.start())), where + ": starts inside a surrogate pair");
            assertFalse(Character.isHighSurrogate(text.charAt(s.end() - 1)), where + ": ends inside a surrogate pair");
            assertEquals(s.type().kind(), s.kind(), where + ": kind fits type");
            assertTrue(s.score() >= 0 && s.score() <= 1, where + ": score " + s.score());
            for (int i = s.start(); i < s.end(); i++) {
                covered[i] = true;
            }
            last = s.end();
        }
        for (int i = 0; i < text.length(); i++) {
            if (!covered[i] && !isWhitespace(text.charAt(i))) {
                fail("non-whitespace character U+" + Integer.toHexString(text.charAt(i)) + " at " + i + " is in no segment");
            }
        }
        int lastStart = 0;
        List<RiskItem> items = a.riskItems();
        for (int k = 0; k < items.size(); k++) {
            RiskItem r = items.get(k);
            String where = "risk item " + k + " [" + r.start() + ", " + r.end() + ")";
            assertEquals(k, r.index(), where + ": index");
            assertTrue(r.start() >= lastStart && r.end() > r.start() && r.end() <= text.length(), where + ": in order, inside");
            assertEquals(text.substring(r.start(), r.end()), r.text(), where + ": text");
            List<Integer> overlapped = new ArrayList<>();
            int lo = 0;
            int hi = segments.size();
            while (lo < hi) { // the first segment that ends after the item starts (segments are sorted)
                int mid = (lo + hi) >>> 1;
                if (segments.get(mid).end() <= r.start()) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            for (int s = lo; s < segments.size() && segments.get(s).start() < r.end(); s++) {
                overlapped.add(s);
            }
            assertEquals(overlapped, r.segments(), where + ": the segments it overlaps");
            assertFalse(r.categories().isEmpty(), where + ": at least one category");
            double previous = 1;
            for (CategoryScore c : r.categories()) {
                assertTrue(c.score() >= 0 && c.score() <= previous, where + ": category scores in [0, 1], highest first");
                previous = c.score();
            }
            lastStart = r.start();
        }
    }

    /**
     * Asserts that the JSON form has output.md's fields and that each span's text is the analysed text
     * between its UTF-16 offsets.
     *
     * @param a the analysis
     */
    public static void checkJson(Analysis a) {
        JsonNode json;
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Reports.writeJson(a, bytes);
            json = JSON.readTree(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals("caveat/1", json.get("schema").asText());
        assertEquals(a.model(), json.get("model").asText());
        assertTrue(a.source() == null ? json.get("source").isNull() : a.source().equals(json.get("source").asText()));
        JsonNode segments = json.get("segments");
        assertEquals(a.segments().size(), segments.size());
        String text = a.text();
        for (JsonNode s : segments) {
            assertEquals(text.substring(s.get("start").asInt(), s.get("end").asInt()), s.get("text").asText());
            SegmentType type = SegmentType.valueOf(s.get("type").asText());
            assertEquals(type.kind().name(), s.get("kind").asText());
            double score = s.get("score").asDouble();
            assertTrue(score >= 0 && score <= 1);
        }
        JsonNode items = json.get("riskItems");
        assertEquals(a.riskItems().size(), items.size());
        for (JsonNode r : items) {
            assertEquals(text.substring(r.get("start").asInt(), r.get("end").asInt()), r.get("text").asText());
            assertTrue(r.get("segments").size() >= 1 && r.get("categories").size() >= 1);
            for (JsonNode c : r.get("categories")) {
                RiskCategory.valueOf(c.get("id").asText());
            }
        }
    }
}
