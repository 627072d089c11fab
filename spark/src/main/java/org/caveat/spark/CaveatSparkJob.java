package org.caveat.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The ready Spark job: analyses a corpus of filings (files, or a Parquet or JSON-lines table) and writes
 * Parquet tables of documents, segments and risk items. {@code --help} lists the options
 * ({@link JobOptions#USAGE}); {@code spark/README.md} shows how to submit it.
 *
 * <pre>{@code
 * spark-submit --class org.caveat.spark.CaveatSparkJob caveat-spark.jar --out s3a://bucket/caveat 's3a://bucket/edgar/*.txt'
 * }</pre>
 *
 * <p>The analysis runs once: its result is persisted (memory, then local disk) while the three tables are
 * written. A document that fails is recorded in {@code documents} with its error and never fails the job.
 */
public final class CaveatSparkJob {
    private CaveatSparkJob() {
    }

    /**
     * Runs the job. Under {@code spark-submit} it uses the session that Spark's configuration describes;
     * otherwise {@code --master} must say where to run (for example {@code local[2]}). Exits with status 2 for
     * bad options or input and 3 for a model that cannot be loaded; returns normally when the tables are
     * written, whether or not some documents failed.
     *
     * @param args the command line ({@code --help} lists it)
     * @throws IOException if the output folder cannot be checked
     */
    public static void main(String[] args) throws IOException {
        JobOptions options;
        try {
            options = JobOptions.parse(args);
        } catch (JobOptions.UsageException e) {
            System.err.println("caveat-spark: " + e.getMessage() + "\n(--help lists the options)");
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(JobOptions.USAGE);
            return;
        }
        SparkSession.Builder builder = SparkSession.builder().appName("caveat");
        if (options.master() != null) {
            builder.master(options.master());
        } else if (!new SparkConf().contains("spark.master")) {
            System.err.println("caveat-spark: no Spark master: run the job with spark-submit, or pass --master local[*] "
                    + "to run it in this JVM\n(--help lists the options)");
            System.exit(2);
            return;
        }
        SparkSession spark = builder.getOrCreate();
        int status;
        try {
            status = run(spark, options, System.out, System.err);
        } finally {
            spark.stop();
        }
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the job in a session of the caller's, for pipelines and tests that have one. {@code --master} is
     * ignored: the session's master applies.
     *
     * @param spark the session to run in; not stopped
     * @param args the command line, as for {@link #main}
     * @return the exit status: 0 when the tables are written (failed documents are recorded in them), 2 for bad
     *     options or input, 3 when the model cannot be loaded; the reason is printed on standard error
     * @throws IOException if the output folder cannot be checked
     */
    public static int run(SparkSession spark, String... args) throws IOException {
        JobOptions options;
        try {
            options = JobOptions.parse(args);
        } catch (JobOptions.UsageException e) {
            System.err.println("caveat-spark: " + e.getMessage() + "\n(--help lists the options)");
            return 2;
        }
        if (options.help()) {
            System.out.print(JobOptions.USAGE);
            return 0;
        }
        return run(spark, options, System.out, System.err);
    }

    static int run(SparkSession spark, JobOptions o, PrintStream out, PrintStream err) throws IOException {
        long t0 = System.nanoTime();
        Path outDir = new Path(o.out());
        FileSystem fs = outDir.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (fs.exists(outDir) && !o.overwrite()) {
            err.println("caveat-spark: " + o.out() + " exists: choose another --out, or pass --overwrite to replace its "
                    + "tables");
            return 2;
        }
        CaveatSpark caveat;
        try {
            caveat = o.model() == null ? CaveatSpark.withDefaultModel() : CaveatSpark.withModel(spark, o.model());
        } catch (IOException e) {
            err.println("caveat-spark: cannot load the model " + o.model() + ": " + e.getMessage());
            return 3;
        }
        caveat = caveat.withMaxInputBytes(o.maxInputBytes()).withDocumentType(o.documentType())
                .withFormatDetection(o.detectFormat());
        String[] inputs = o.inputs().toArray(String[]::new);
        Dataset<Row> analysed;
        try {
            if (o.inputFormat().equals("files")) {
                analysed = caveat.analyzeFiles(CaveatSpark.listFiles(spark, o.sourceOptions(), o.partitions(), inputs));
            } else {
                Dataset<Row> table = spark.read().format(o.inputFormat()).options(o.sourceOptions()).load(inputs);
                analysed = caveat.analyze(table, o.idCol(), o.textCol());   // checks the columns
                if (o.partitions() > 0) {
                    analysed = caveat.analyze(table.select(col(o.idCol()), col(o.textCol())).repartition(o.partitions()),
                            o.idCol(), o.textCol());
                }
            }
        } catch (Exception e) {
            if (e instanceof AnalysisException || e instanceof IllegalArgumentException) {
                err.println("caveat-spark: " + message(e));
                return 2;
            }
            throw e;
        }

        analysed = analysed.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            write(CaveatSpark.documentsOf(analysed), o, "documents");
            write(CaveatSpark.segmentsOf(analysed), o, "segments");
            write(CaveatSpark.riskItemsOf(analysed), o, "risk_items");
            Row totals = analysed.agg(count(lit(1)), count(col("error")), sum(col("inputBytes")),
                    sum(size(col("segments"))), sum(size(col("riskItems")))).first();
            double seconds = (System.nanoTime() - t0) / 1e9;
            long docs = totals.getLong(0);
            long failed = totals.getLong(1);
            double mb = (totals.isNullAt(2) ? 0 : totals.getLong(2)) / 1e6;
            out.printf(Locale.ROOT, "caveat-spark: %d documents, %d failed; %.1f MB in %.1f s (%.1f documents/s, "
                    + "%.2f MB/s); %d segments, %d risk items%n", docs, failed, mb, seconds, docs / seconds, mb / seconds,
                    totals.isNullAt(3) ? 0 : totals.getLong(3), totals.isNullAt(4) ? 0 : totals.getLong(4));
            out.println("caveat-spark: wrote " + o.out() + "/documents, " + o.out() + "/segments, " + o.out()
                    + "/risk_items");
            if (failed > 0) {
                String id = analysed.columns()[0];
                List<Row> first = analysed.filter(col("error").isNotNull()).select(col(id), col("error")).limit(10)
                        .collectAsList();
                for (Row r : first) {
                    err.println("caveat-spark: " + r.get(0) + ": " + r.getString(1));
                }
                if (failed > first.size()) {
                    err.println("caveat-spark: ... and " + (failed - first.size()) + " more: see the error column of "
                            + o.out() + "/documents");
                }
            }
        } finally {
            analysed.unpersist();
        }
        return 0;
    }

    private static void write(Dataset<Row> table, JobOptions o, String name) {
        table.write().mode(o.overwrite() ? SaveMode.Overwrite : SaveMode.ErrorIfExists).parquet(o.out() + "/" + name);
    }

    private static String message(Exception e) {
        String m = e instanceof AnalysisException a ? a.getSimpleMessage() : e.getMessage();
        return m == null ? e.toString() : m;
    }
}
