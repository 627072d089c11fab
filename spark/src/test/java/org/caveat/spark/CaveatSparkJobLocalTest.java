package org.caveat.spark;

import static org.caveat.spark.TestSpark.assertDocumentRow;
import static org.caveat.spark.TestSpark.assertSameAsLibrary;
import static org.caveat.spark.TestSpark.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.caveat.Analysis;
import org.caveat.Caveat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job on the repository's example filing and on made-up inputs: needs no shared data. */
class CaveatSparkJobLocalTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return CaveatSparkJob.run(TestSpark.session(), JobOptions.parse(args), new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void filesGiveThreeTablesAndABadFileIsRecorded(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path release = Files.copy(CaveatSparkTest.example(), in.resolve("release.txt"));
        Files.write(in.resolve("scan.pdf"), CaveatSparkTest.PNG);
        String o = dir.resolve("out").toString();

        assertEquals(0, run("--out", o, in.toString()), err());
        SparkSession spark = TestSpark.session();
        List<Row> docs = spark.read().parquet(o + "/documents").collectAsList();
        assertEquals(2, docs.size());
        Analysis a = Caveat.loadDefault().analyze(release);
        assertDocumentRow(a, Files.size(release), only(docs, "source", "release.txt"), "release");
        assertSameAsLibrary(a, spark.read().parquet(o + "/segments").collectAsList(),
                spark.read().parquet(o + "/risk_items").collectAsList(), "release");
        Row bad = only(docs, "source", "scan.pdf");
        assertEquals("UnreadableDocumentException", bad.getAs("errorType"));
        String summary = out.toString(StandardCharsets.UTF_8);
        assertTrue(summary.startsWith("caveat-spark: 2 documents, 1 failed; "), summary);
        assertTrue(err().contains("scan.pdf: " + bad.getAs("error")), err());

        assertEquals(2, run("--out", o, in.toString()));
        assertTrue(err().contains(o + " exists: choose another --out, or pass --overwrite"), err());
        assertEquals(0, run("--overwrite", "--glob-filter", "*.txt", "--out", o, in.toString()), err());
        assertEquals(1, spark.read().parquet(o + "/documents").count());
    }

    @Test
    void aJsonLinesTableIsReadWithItsIdAndTextColumns(@TempDir Path dir) throws Exception {
        SparkSession spark = TestSpark.session();
        String text = Files.readString(CaveatSparkTest.example());
        String table = dir.resolve("filings.jsonl").toString();
        spark.createDataFrame(List.of(RowFactory.create("0000950134-07-017021", 2007, text)),
                new StructType().add("accession", DataTypes.StringType).add("year", DataTypes.IntegerType)
                        .add("body", DataTypes.StringType)).write().json(table);
        String o = dir.resolve("out").toString();

        assertEquals(0, run("--input-format", "json", "--id-col", "accession", "--text-col", "body", "--partitions", "2",
                "--out", o, table), err());
        List<Row> segments = spark.read().parquet(o + "/segments").collectAsList();
        assertEquals("accession", spark.read().parquet(o + "/segments").columns()[0]);
        assertSameAsLibrary(Caveat.loadDefault().analyze(text), segments,
                spark.read().parquet(o + "/risk_items").collectAsList(), "json table");

        assertEquals(2, run("--input-format", "json", "--text-col", "body", "--out", dir.resolve("o2").toString(), table));
        assertTrue(err().contains("there is no id column id; the columns are accession, body, year"), err());
    }

    @Test
    void badInputsAndModelsStopTheJobWithTheReason(@TempDir Path dir) throws Exception {
        assertEquals(2, run("--out", dir.resolve("o").toString(), dir.resolve("nowhere").toString()));
        assertTrue(err().contains("Path does not exist"), err());
        Path model = Files.writeString(dir.resolve("model.cvm"), "not a model");
        assertEquals(3, run("--model", model.toString(), "--out", dir.resolve("o").toString(), dir.toString()));
        assertTrue(err().contains("cannot load the model " + model + ": " + model + ": "), err());
    }

    @Test
    void helpListsTheOptions() throws IOException {
        PrintStream saved = System.out;
        ByteArrayOutputStream help = new ByteArrayOutputStream();
        System.setOut(new PrintStream(help, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, CaveatSparkJob.run(TestSpark.session(), "--help"));
        } finally {
            System.setOut(saved);
        }
        assertEquals(JobOptions.USAGE, help.toString(StandardCharsets.UTF_8));
    }
}
