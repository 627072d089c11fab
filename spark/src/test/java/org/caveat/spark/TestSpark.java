package org.caveat.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.caveat.Analysis;
import org.caveat.CategoryScore;
import org.caveat.RiskItem;
import org.caveat.Segment;

/**
 * One local[2] session for all the tests of this JVM (Spark allows one SparkContext per JVM), with no UI and
 * its warehouse in a temporary folder, and the comparison of Spark's rows with the library's own analysis.
 */
final class TestSpark {
    private static SparkSession spark;

    private TestSpark() {
    }

    static synchronized SparkSession session() {
        if (spark == null) {
            Path warehouse;
            try {
                warehouse = Files.createTempDirectory("caveat-spark-warehouse");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            spark = SparkSession.builder().master("local[2]").appName("caveat-spark-test")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.sql.warehouse.dir", warehouse.toUri().toString())
                    .config("spark.sql.shuffle.partitions", "4")
                    .getOrCreate();
        }
        return spark;
    }

    /**
     * Asserts that one document's segment and risk-item rows (in any order) hold exactly the library's
     * analysis: the fields of output.md, with scores equal to the last bit.
     */
    static void assertSameAsLibrary(Analysis expected, List<Row> segmentRows, List<Row> itemRows, String what) {
        List<Row> segments = sorted(segmentRows);
        assertEquals(expected.segments().size(), segments.size(), what + ": segments");
        for (int i = 0; i < segments.size(); i++) {
            Segment s = expected.segments().get(i);
            Row r = segments.get(i);
            String at = what + " segment " + i;
            assertEquals(s.index(), (int) r.getAs("index"), at);
            assertEquals(s.start(), (int) r.getAs("start"), at);
            assertEquals(s.end(), (int) r.getAs("end"), at);
            assertEquals(s.text(), r.getAs("text"), at);
            assertEquals(s.kind().name(), r.getAs("kind"), at);
            assertEquals(s.type().name(), r.getAs("type"), at);
            assertEquals(s.score(), (double) r.getAs("score"), 0.0, at);
            assertEquals(expected.source(), r.getAs("source"), at);
            assertEquals(expected.model(), r.getAs("model"), at);
        }
        List<Row> items = sorted(itemRows);
        assertEquals(expected.riskItems().size(), items.size(), what + ": risk items");
        for (int i = 0; i < items.size(); i++) {
            RiskItem it = expected.riskItems().get(i);
            Row r = items.get(i);
            String at = what + " risk item " + i;
            assertEquals(it.index(), (int) r.getAs("index"), at);
            assertEquals(it.start(), (int) r.getAs("start"), at);
            assertEquals(it.end(), (int) r.getAs("end"), at);
            assertEquals(it.text(), r.getAs("text"), at);
            assertEquals(it.segments(), r.getList(r.fieldIndex("segments")), at);
            List<Row> categories = r.getList(r.fieldIndex("categories"));
            assertEquals(it.categories().size(), categories.size(), at + " categories");
            for (int k = 0; k < categories.size(); k++) {
                CategoryScore c = it.categories().get(k);
                assertEquals(c.category().name(), categories.get(k).getAs("id"), at + " category " + k);
                assertEquals(c.score(), (double) categories.get(k).getAs("score"), 0.0, at + " category " + k);
            }
            assertEquals(expected.source(), r.getAs("source"), at);
        }
    }

    /** Asserts that a document row of the documents table describes the library's analysis of it. */
    static void assertDocumentRow(Analysis expected, long inputBytes, Row doc, String what) {
        assertEquals(expected.source(), doc.getAs("source"), what);
        assertEquals(expected.model(), doc.getAs("model"), what);
        assertEquals(expected.format().name(), doc.getAs("format"), what);
        assertEquals(inputBytes, (long) doc.getAs("inputBytes"), what);
        assertEquals(expected.text().length(), (int) doc.getAs("chars"), what);
        assertEquals(expected.segments().size(), (int) doc.getAs("segmentCount"), what);
        assertEquals(expected.riskItems().size(), (int) doc.getAs("riskItemCount"), what);
        assertNull(doc.getAs("errorType"), what);
        assertNull(doc.getAs("error"), what);
    }

    /** Asserts that a row of the documents table records a failure with the library's exception. */
    static void assertFailedRow(Exception expected, Row doc, String what) {
        assertEquals(expected.getClass().getSimpleName(), doc.getAs("errorType"), what);
        assertEquals(expected.getMessage(), doc.getAs("error"), what);
        assertNull(doc.getAs("format"), what);
        assertNull(doc.getAs("segmentCount"), what);
        assertNull(doc.getAs("riskItemCount"), what);
    }

    /** The rows whose column equals a value. */
    static List<Row> where(List<Row> rows, String column, Object value) {
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            if (value.equals(r.getAs(column))) {
                out.add(r);
            }
        }
        return out;
    }

    /** The one row whose column equals a value. */
    static Row only(List<Row> rows, String column, Object value) {
        List<Row> found = where(rows, column, value);
        assertTrue(found.size() == 1, "one row with " + column + " = " + value + ", found " + found.size());
        return found.get(0);
    }

    private static List<Row> sorted(List<Row> rows) {
        List<Row> s = new ArrayList<>(rows);
        s.sort(Comparator.comparingInt(r -> (int) r.getAs("index")));
        return s;
    }
}
