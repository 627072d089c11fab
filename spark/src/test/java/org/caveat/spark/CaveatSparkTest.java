package org.caveat.spark;

import static org.caveat.spark.TestSpark.assertDocumentRow;
import static org.caveat.spark.TestSpark.assertFailedRow;
import static org.caveat.spark.TestSpark.assertSameAsLibrary;
import static org.caveat.spark.TestSpark.only;
import static org.caveat.spark.TestSpark.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.caveat.Analysis;
import org.caveat.Caveat;
import org.caveat.InvalidModelException;
import org.caveat.UnreadableDocumentException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CaveatSpark on in-memory documents and the repository's example filing: needs no shared data. */
class CaveatSparkTest {
    /** An HTML press release written for this test, with a risk list in its safe-harbor paragraph. */
    static final String HTML = """
            <html><head><title>Orrin Valve Corp.</title><style>p { margin: 0 }</style></head><body>
            <h1>Orrin Valve Reports Third Quarter Results</h1>
            <p>HOUSTON, Oct. 30, 2012 -- Orrin Valve Corp. (NYSE: ORV) today reported revenue of $84.2 million for the
            third quarter, up 9 percent from a year earlier. Net income was $6.1 million, or $0.31 per share.</p>
            <p>"Orders from pipeline operators were strong," said Dana Whitcomb, chief executive officer.</p>
            <p>This press release contains forward-looking statements within the meaning of the Private Securities
            Litigation Reform Act of 1995. Risks and uncertainties that could cause actual results to differ include
            the volatility of oil and gas prices; the loss of a major customer; increases in the cost of steel; and
            changes in environmental regulation. Orrin Valve undertakes no obligation to update these statements.</p>
            <p>About Orrin Valve: Orrin Valve Corp. makes industrial valves for the energy industry. For more
            information visit www.orrinvalve.example.</p>
            </body></html>
            """;
    /** The start of a PNG file: binary content that no reader accepts. */
    static final byte[] PNG = png();

    static Caveat caveat;
    static byte[] release;

    @BeforeAll
    static void load() throws IOException {
        caveat = Caveat.loadDefault();
        release = Files.readAllBytes(example());
    }

    static Path example() {
        return Path.of(System.getProperty("caveat.examples", "../examples"), "halberd-networks-2007-release.txt");
    }

    private static byte[] png() {
        byte[] b = new byte[512];
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(head, 0, b, 0, head.length);
        for (int i = head.length; i < b.length; i++) {
            b[i] = (byte) (i * 37);
        }
        return b;
    }

    /** The library's own outcome for an input: an analysis, or the exception it throws. */
    private static Object library(byte[] content, String name) {
        try {
            return caveat.analyze(content, name, null);
        } catch (UnreadableDocumentException e) {
            return e;
        }
    }

    @Test
    void binaryColumnGivesTheLibrarysRowsAndRecordsFailures() {
        SparkSession spark = TestSpark.session();
        Map<String, byte[]> docs = new LinkedHashMap<>();
        docs.put("release", release);
        docs.put("html", HTML.getBytes(StandardCharsets.UTF_8));
        docs.put("empty", new byte[0]);
        docs.put("png", PNG);
        List<Row> rows = new ArrayList<>();
        docs.forEach((id, b) -> rows.add(RowFactory.create(id, b)));
        rows.add(RowFactory.create("missing", null));
        StructType schema = new StructType().add("docId", DataTypes.StringType).add("content", DataTypes.BinaryType);
        Dataset<Row> input = spark.createDataFrame(rows, schema).repartition(2);

        Dataset<Row> analysed = CaveatSpark.withDefaultModel().analyze(input, "docId", "content").cache();
        List<Row> documents = CaveatSpark.documentsOf(analysed).collectAsList();
        List<Row> segments = CaveatSpark.segmentsOf(analysed).collectAsList();
        List<Row> items = CaveatSpark.riskItemsOf(analysed).collectAsList();
        analysed.unpersist();

        assertEquals(5, documents.size());
        for (Map.Entry<String, byte[]> d : docs.entrySet()) {
            String id = d.getKey();
            Object expected = library(d.getValue(), id);
            Row doc = only(documents, "docId", id);
            if (expected instanceof Analysis a) {
                assertDocumentRow(a, d.getValue().length, doc, id);
                assertSameAsLibrary(a, where(segments, "docId", id), where(items, "docId", id), id);
            } else {
                assertFailedRow((Exception) expected, doc, id);
                assertTrue(where(segments, "docId", id).isEmpty(), id);
            }
        }
        // The checks above must have compared real output and a real failure.
        Analysis html = (Analysis) library(docs.get("html"), "html");
        assertEquals("HTML", only(documents, "docId", "html").getAs("format"));
        assertFalse(html.riskItems().isEmpty(), "the HTML release has a risk list");
        assertEquals("UnreadableDocumentException", only(documents, "docId", "png").getAs("errorType"));
        assertTrue(((String) only(documents, "docId", "png").getAs("error")).contains("PNG image"),
                (String) only(documents, "docId", "png").getAs("error"));
        Row missing = only(documents, "docId", "missing");
        assertEquals("IllegalArgumentException", missing.getAs("errorType"));
        assertEquals("the text column content is null", missing.getAs("error"));
        assertTrue(segments.size() > 20, "segments: " + segments.size());
    }

    @Test
    void stringColumnIsPlainTextAndTheIdKeepsItsType() throws IOException {
        SparkSession spark = TestSpark.session();
        String text = new String(release, StandardCharsets.UTF_8);
        List<Row> rows = List.of(RowFactory.create(7L, text), RowFactory.create(8L, HTML), RowFactory.create(9L, ""));
        StructType schema = new StructType().add("n", DataTypes.LongType, false).add("body", DataTypes.StringType);
        Dataset<Row> input = spark.createDataFrame(rows, schema);

        CaveatSpark plain = CaveatSpark.withDefaultModel();
        Dataset<Row> segments = plain.segments(input, "n", "body");
        assertEquals(DataTypes.LongType, segments.schema().apply("n").dataType());
        List<Row> segs = segments.collectAsList();
        List<Row> items = plain.riskItems(input, "n", "body").collectAsList();
        assertSameAsLibrary(caveat.analyze(text), where(segs, "n", 7L), where(items, "n", 7L), "plain text");
        // HTML in a string column is plain text unless format detection is on: the tags are in the segments.
        assertSameAsLibrary(caveat.analyze(HTML), where(segs, "n", 8L), where(items, "n", 8L), "HTML as plain text");
        assertTrue(where(segs, "n", 8L).stream().anyMatch(r -> ((String) r.getAs("text")).contains("<p>")));
        assertSameAsLibrary(caveat.analyze(""), where(segs, "n", 9L), where(items, "n", 9L), "empty text");

        CaveatSpark detecting = plain.withFormatDetection(true);
        List<Row> docs = CaveatSpark.documentsOf(detecting.analyze(input, "n", "body")).collectAsList();
        Analysis html = caveat.analyze(HTML.getBytes(StandardCharsets.UTF_8), "8", null);
        assertDocumentRow(html, HTML.getBytes(StandardCharsets.UTF_8).length, only(docs, "n", 8L), "detected HTML");
        assertEquals("HTML", only(docs, "n", 8L).getAs("format"));
        assertSameAsLibrary(html, where(detecting.segments(input, "n", "body").collectAsList(), "n", 8L),
                where(detecting.riskItems(input, "n", "body").collectAsList(), "n", 8L), "detected HTML");
    }

    @Test
    void filesAreReadAsTheLibraryReadsThem(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("halberd release.txt"), release);
        Files.writeString(dir.resolve("orrin.htm"), HTML);
        Files.write(dir.resolve("empty.txt"), new byte[0]);
        Files.write(dir.resolve("chart.png"), PNG);
        Files.createDirectories(dir.resolve("2013"));
        Files.writeString(dir.resolve("2013/orrin-2013.htm"), HTML.replace("2012", "2013"));

        Dataset<Row> analysed = CaveatSpark.withDefaultModel()
                .analyzeFiles(TestSpark.session(), Map.of("recursiveFileLookup", "true"), dir.toString()).cache();
        List<Row> documents = CaveatSpark.documentsOf(analysed).collectAsList();
        List<Row> segments = CaveatSpark.segmentsOf(analysed).collectAsList();
        List<Row> items = CaveatSpark.riskItemsOf(analysed).collectAsList();
        analysed.unpersist();

        assertEquals(5, documents.size());
        assertEquals("path", analysed.columns()[0]);
        for (String name : List.of("halberd release.txt", "orrin.htm", "empty.txt", "chart.png", "orrin-2013.htm")) {
            Path file = name.equals("orrin-2013.htm") ? dir.resolve("2013").resolve(name) : dir.resolve(name);
            Row doc = only(documents, "source", name);
            assertEquals(file.toUri().getPath(), java.net.URI.create(doc.getAs("path")).getPath());
            try {
                Analysis a = caveat.analyze(file);
                assertDocumentRow(a, Files.size(file), doc, name);
                assertSameAsLibrary(a, where(segments, "source", name), where(items, "source", name), name);
            } catch (UnreadableDocumentException e) {
                assertFailedRow(e, doc, name);
            }
        }
        assertEquals("UnreadableDocumentException", only(documents, "source", "chart.png").getAs("errorType"));
        assertFalse(where(items, "source", "orrin.htm").isEmpty());
    }

    @Test
    void filesOverTheLimitAreRecordedNotRead(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("release.txt"), release);
        Files.write(dir.resolve("short.txt"), "Revenue rose 4 percent in the quarter.\n".getBytes(StandardCharsets.UTF_8));
        CaveatSpark small = CaveatSpark.withDefaultModel().withMaxInputBytes(1000);
        List<Row> documents = CaveatSpark.documentsOf(small.analyzeFiles(TestSpark.session(), Map.of(),
                dir.resolve("*.txt").toString())).collectAsList();

        Row big = only(documents, "source", "release.txt");
        assertEquals("UnreadableDocumentException", big.getAs("errorType"));
        assertEquals((long) release.length, (long) big.getAs("inputBytes"));
        String error = big.getAs("error");
        assertTrue(error.contains("is " + String.format("%,d", release.length) + " bytes, over the input size limit of 1,000 "
                + "bytes") && error.contains("--max-input-mb"), error);
        assertEquals(1, (int) only(documents, "source", "short.txt").getAs("segmentCount"));
    }

    @Test
    void aModelFileIsBroadcastAndGivesItsOwnAnalyses(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("copy.cvm");
        try (InputStream in = Caveat.class.getResourceAsStream("/org/caveat/model/default.cvm")) {
            Files.copy(in, model);
        }
        SparkSession spark = TestSpark.session();
        CaveatSpark fromFile = CaveatSpark.withModel(spark, model.toString());
        assertEquals(model.toString(), fromFile.modelFile().orElseThrow());
        Dataset<Row> input = spark.createDataFrame(List.of(RowFactory.create("r", release)),
                new StructType().add("id", DataTypes.StringType).add("text", DataTypes.BinaryType));
        Analysis expected = Caveat.load(model).analyze(release, "r", null);
        assertSameAsLibrary(expected, fromFile.segments(input, "id", "text").collectAsList(),
                fromFile.riskItems(input, "id", "text").collectAsList(), "broadcast model");

        Path broken = dir.resolve("broken.cvm");
        Files.write(broken, Arrays.copyOf(Files.readAllBytes(model), 5000));
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> CaveatSpark.withModel(spark, broken.toString()));
        assertTrue(e.getMessage().startsWith(broken + ": "), e.getMessage());
        assertThrows(IOException.class, () -> CaveatSpark.withModel(spark, dir.resolve("none.cvm").toString()));
    }

    @Test
    void theFunctionWorksInAUsersOwnMapPartitions() throws IOException {
        SparkSession spark = TestSpark.session();
        StructType schema = new StructType().add("extra", DataTypes.IntegerType).add("id", DataTypes.StringType)
                .add("text", DataTypes.BinaryType);
        Dataset<Row> docs = spark.createDataFrame(List.of(RowFactory.create(1, "r", release)), schema);
        CaveatSpark c = CaveatSpark.withDefaultModel();
        Dataset<Row> analysed = docs.mapPartitions(c.function("id", "text"),
                Encoders.row(CaveatSpark.documentSchema(docs.schema().apply("id"))));
        Analysis expected = caveat.analyze(release, "r", null);
        assertSameAsLibrary(expected, CaveatSpark.segmentsOf(analysed).collectAsList(),
                CaveatSpark.riskItemsOf(analysed).collectAsList(), "user's mapPartitions");
    }

    @Test
    void badColumnsAreRefusedWithTheReason() {
        SparkSession spark = TestSpark.session();
        StructType schema = new StructType().add("type", DataTypes.StringType).add("n", DataTypes.IntegerType)
                .add("text", DataTypes.StringType);
        Dataset<Row> docs = spark.createDataFrame(List.of(RowFactory.create("a", 1, "x")), schema);
        CaveatSpark c = CaveatSpark.withDefaultModel();

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> c.analyze(docs, "id", "text"));
        assertEquals("there is no id column id; the columns are type, n, text", missing.getMessage());
        IllegalArgumentException number = assertThrows(IllegalArgumentException.class, () -> c.analyze(docs, "type", "n"));
        assertTrue(number.getMessage().startsWith("the text column n is int; it must be string (plain text) or binary"),
                number.getMessage());
        IllegalArgumentException reserved = assertThrows(IllegalArgumentException.class,
                () -> c.analyze(docs, "type", "text"));
        assertTrue(reserved.getMessage().startsWith("the id column may not be named type, the name of a column of "
                + "Caveat's output: rename it first"), reserved.getMessage());
        IllegalArgumentException notAnalysis = assertThrows(IllegalArgumentException.class,
                () -> CaveatSpark.segmentsOf(docs));
        assertTrue(notAnalysis.getMessage().startsWith("not an analysis made by CaveatSpark.analyze"),
                notAnalysis.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.withMaxInputBytes(0));
    }
}
