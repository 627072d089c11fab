package org.caveat.spark;

import static org.caveat.spark.TestSpark.assertDocumentRow;
import static org.caveat.spark.TestSpark.assertSameAsLibrary;
import static org.caveat.spark.TestSpark.only;
import static org.caveat.spark.TestSpark.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.caveat.Analysis;
import org.caveat.Caveat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job in local[2] mode on the held-out dev filings of the shared folder ({@code ../../shared/corpus/dev}
 * from this module): for every document, the Parquet rows equal the library's own analysis of the file.
 * Skipped when the shared folder is absent, as in a user's clone.
 */
class CaveatSparkJobTest {

    @Test
    void everyDevFilingGivesTheLibrarysSegmentsAndRiskItems(@TempDir Path tmp) throws Exception {
        Path dev = Path.of(System.getProperty("caveat.shared", "../../shared"), "corpus", "dev");
        assumeTrue(Files.isDirectory(dev), "no shared dev corpus at " + dev + ": skipped");
        List<Path> files;
        try (Stream<Path> s = Files.list(dev)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        assumeTrue(!files.isEmpty(), "no *.txt in " + dev + ": skipped");
        String out = tmp.resolve("out").toString();

        assertEquals(0, CaveatSparkJob.run(TestSpark.session(), "--glob-filter", "*.txt", "--out", out, dev.toString()));

        SparkSession spark = TestSpark.session();
        List<Row> documents = spark.read().parquet(out + "/documents").collectAsList();
        List<Row> segments = spark.read().parquet(out + "/segments").collectAsList();
        List<Row> items = spark.read().parquet(out + "/risk_items").collectAsList();
        assertEquals(files.size(), documents.size());
        Caveat caveat = Caveat.loadDefault();
        int segmentCount = 0;
        int itemCount = 0;
        for (Path f : files) {
            String name = f.getFileName().toString();
            Analysis a = caveat.analyze(f);
            Row doc = only(documents, "source", a.source());
            assertEquals(f.toAbsolutePath().normalize().toUri().getPath(), URI.create(doc.getAs("path")).getPath(), name);
            assertDocumentRow(a, Files.size(f), doc, name);
            assertSameAsLibrary(a, where(segments, "source", a.source()), where(items, "source", a.source()), name);
            segmentCount += a.segments().size();
            itemCount += a.riskItems().size();
        }
        assertEquals(segmentCount, segments.size());
        assertEquals(itemCount, items.size());
    }
}
