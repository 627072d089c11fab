package org.caveat.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SerializableWritable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.caveat.Caveat;
import org.caveat.InvalidModelException;

/**
 * Runs Caveat on Spark Datasets: one row per document in, one row per document, segment or risk item out,
 * with the fields of the {@code caveat/1} JSON output ({@code shared/spec/output.md}).
 *
 * <pre>{@code
 * CaveatSpark caveat = CaveatSpark.withDefaultModel();
 * Dataset<Row> analysed = caveat.analyze(filings, "accession", "html").persist();   // one row per document
 * CaveatSpark.segmentsOf(analysed).write().parquet("out/segments");
 * CaveatSpark.riskItemsOf(analysed).write().parquet("out/risk_items");
 * CaveatSpark.documentsOf(analysed).filter("error IS NOT NULL").show(false);         // the failed documents
 * }</pre>
 *
 * <p><b>Models.</b> Each executor JVM loads the model once, on its first task, and shares it between its
 * tasks ({@link Caveat} is immutable and thread-safe). The default model is loaded from the classpath (it
 * is inside the caveat jar); a model file given to {@link #withModel(SparkSession, String)} is read once on
 * the driver, checked there, and sent to the executors as a broadcast variable of its bytes.
 *
 * <p><b>Failures.</b> A document that cannot be analysed (binary, over the size limit, an EDGAR submission
 * without the requested document, a file that cannot be read, one that exhausts memory) does not fail the
 * task: its row has the exception's class name in {@code errorType} and its message in {@code error}, and no
 * segments or risk items.
 *
 * <p><b>Thread safety.</b> Instances are immutable and safe to share between threads; each {@code with...}
 * method returns a new instance. The Datasets returned are lazy, like any Dataset: analysis runs when an
 * action (a write, a count) runs, and again for each action unless the Dataset is persisted.
 *
 * <p>Null policy: parameters are non-null unless documented otherwise; absent values are returned as
 * {@link Optional}.
 */
public final class CaveatSpark {
    /** The type of an element of {@code segments}: the fields of a segment in output.md. */
    public static final StructType SEGMENT = new StructType(new StructField[] {
        field("index", DataTypes.IntegerType, false),
        field("start", DataTypes.IntegerType, false),
        field("end", DataTypes.IntegerType, false),
        field("text", DataTypes.StringType, false),
        field("kind", DataTypes.StringType, false),
        field("type", DataTypes.StringType, false),
        field("score", DataTypes.DoubleType, false),
    });
    /** The type of an element of a risk item's {@code categories}: a category id and its score. */
    public static final StructType CATEGORY = new StructType(new StructField[] {
        field("id", DataTypes.StringType, false),
        field("score", DataTypes.DoubleType, false),
    });
    /** The type of an element of {@code riskItems}: the fields of a risk item in output.md. */
    public static final StructType RISK_ITEM = new StructType(new StructField[] {
        field("index", DataTypes.IntegerType, false),
        field("start", DataTypes.IntegerType, false),
        field("end", DataTypes.IntegerType, false),
        field("text", DataTypes.StringType, false),
        field("segments", DataTypes.createArrayType(DataTypes.IntegerType, false), false),
        field("categories", DataTypes.createArrayType(CATEGORY, false), false),
    });
    /** The columns that {@link #analyze} adds after the id column, in order. */
    private static final StructField[] DOCUMENT_FIELDS = {
        field("source", DataTypes.StringType, true),
        field("model", DataTypes.StringType, false),
        field("format", DataTypes.StringType, true),
        field("inputBytes", DataTypes.LongType, true),
        field("chars", DataTypes.IntegerType, true),
        field("segments", DataTypes.createArrayType(SEGMENT, false), false),
        field("riskItems", DataTypes.createArrayType(RISK_ITEM, false), false),
        field("errorType", DataTypes.StringType, true),
        field("error", DataTypes.StringType, true),
    };
    /** Every output column name but the id's, which the id column must not take (compared ignoring case). */
    private static final Set<String> RESERVED = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        for (StructField f : DOCUMENT_FIELDS) {
            RESERVED.add(f.name());
        }
        RESERVED.addAll(Arrays.asList(SEGMENT.fieldNames()));
        RESERVED.addAll(Arrays.asList(RISK_ITEM.fieldNames()));
        RESERVED.addAll(Set.of("segmentCount", "riskItemCount"));
    }

    private final Broadcast<byte[]> modelBytes;
    private final String modelSha256;
    private final String modelFile;
    private final long maxInputBytes;
    private final String documentType;
    private final boolean detectFormat;

    private CaveatSpark(Broadcast<byte[]> modelBytes, String modelSha256, String modelFile, long maxInputBytes,
                        String documentType, boolean detectFormat) {
        this.modelBytes = modelBytes;
        this.modelSha256 = modelSha256;
        this.modelFile = modelFile;
        this.maxInputBytes = maxInputBytes;
        this.documentType = documentType;
        this.detectFormat = detectFormat;
    }

    /**
     * Returns an analyser with Caveat's bundled default model, which each executor loads from its classpath
     * on its first task. Nothing is loaded by this call.
     *
     * @return an analyser with the default settings: the input size limit {@link Caveat#DEFAULT_MAX_INPUT_BYTES},
     *     the default EDGAR document choice, and strings analysed as plain text
     */
    public static CaveatSpark withDefaultModel() {
        return new CaveatSpark(null, null, null, Caveat.DEFAULT_MAX_INPUT_BYTES, null, false);
    }

    /**
     * Returns an analyser with a model file written by {@code caveat train}. The file is read and checked on
     * the driver, then broadcast as bytes; each executor loads it once, on its first task.
     *
     * @param spark the session whose context broadcasts the model
     * @param modelFile a path Spark can read ({@code file:///...}, {@code hdfs://...}, {@code s3a://...}); without
     *     a scheme it is resolved against the default file system, like input paths
     * @return an analyser with that model and otherwise the default settings
     * @throws InvalidModelException if the file is not a valid Caveat model (the message says what is wrong)
     * @throws IOException if the file cannot be read
     */
    public static CaveatSpark withModel(SparkSession spark, String modelFile) throws IOException {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(modelFile, "modelFile");
        Path path = new Path(modelFile);
        FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
        long size = fs.getFileStatus(path).getLen();
        if (size > Integer.MAX_VALUE - 8) {
            throw new InvalidModelException(modelFile + " is " + size + " bytes: too large to be a Caveat model");
        }
        byte[] bytes;
        try (InputStream in = fs.open(path)) {
            bytes = in.readAllBytes();
        }
        try {
            Caveat.load(new ByteArrayInputStream(bytes));
        } catch (InvalidModelException e) {
            throw new InvalidModelException(modelFile + ": " + e.getMessage(), e);
        }
        Broadcast<byte[]> b = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(bytes);
        return new CaveatSpark(b, sha256(bytes), modelFile, Caveat.DEFAULT_MAX_INPUT_BYTES, null, false);
    }

    /**
     * Returns an analyser that refuses documents over a size: they get an {@code UnreadableDocumentException}
     * in the error column (files over the limit are not read at all). Analysis needs about 20 bytes of heap per
     * character of text, times the number of tasks an executor runs at once.
     *
     * @param maxBytes the largest document, in bytes (for a string column, in characters)
     * @return an analyser with that limit and this one's other settings
     * @throws IllegalArgumentException if the limit is not positive or over {@link Caveat#LARGEST_MAX_INPUT_BYTES}
     */
    public CaveatSpark withMaxInputBytes(long maxBytes) {
        if (maxBytes <= 0 || maxBytes > Caveat.LARGEST_MAX_INPUT_BYTES) {
            throw new IllegalArgumentException("the input size limit must be between 1 and "
                    + Caveat.LARGEST_MAX_INPUT_BYTES + " bytes, was " + maxBytes);
        }
        return new CaveatSpark(modelBytes, modelSha256, modelFile, maxBytes, documentType, detectFormat);
    }

    /**
     * Returns an analyser that analyses, in an EDGAR full-submission file, the document of this
     * {@code <TYPE>}. A submission without it gets an {@code UnreadableDocumentException} in the error column.
     * Other inputs are not affected.
     *
     * @param type the document type, for example {@code EX-99.1}; null for the default choice (an 8-K's or
     *     6-K's first EX-99 exhibit, otherwise the primary document)
     * @return an analyser with that choice and this one's other settings
     */
    public CaveatSpark withDocumentType(String type) {
        return new CaveatSpark(modelBytes, modelSha256, modelFile, maxInputBytes, type, detectFormat);
    }

    /**
     * Returns an analyser that reads a string text column as a file's content, recognising HTML and EDGAR
     * submissions as for files (offsets are then into the extracted text, not the string), rather than
     * analysing it as plain text as it is. A binary text column is always read as a file's content.
     *
     * @param detect true to recognise the format of strings, false to analyse them as plain text
     * @return an analyser with that setting and this one's other settings
     */
    public CaveatSpark withFormatDetection(boolean detect) {
        return new CaveatSpark(modelBytes, modelSha256, modelFile, maxInputBytes, documentType, detect);
    }

    /**
     * Returns the model file given to {@link #withModel}.
     *
     * @return the path as given, or empty for the default model
     */
    public Optional<String> modelFile() {
        return Optional.ofNullable(modelFile);
    }

    /**
     * Returns the input size limit.
     *
     * @return the largest document, in bytes
     */
    public long maxInputBytes() {
        return maxInputBytes;
    }

    /**
     * Returns the EDGAR document type chosen by {@link #withDocumentType}.
     *
     * @return the type, or empty for the default choice
     */
    public Optional<String> documentType() {
        return Optional.ofNullable(documentType);
    }

    /**
     * Returns whether strings are read as files' contents ({@link #withFormatDetection}).
     *
     * @return true if the format of strings is recognised
     */
    public boolean detectsFormat() {
        return detectFormat;
    }

    /**
     * Analyses one document per row of a table.
     *
     * <p>The result has one row per input row: the id column (its name, type and value unchanged), then
     * {@code source} (for bytes, and strings with format detection, the id as text, with {@code #TYPE} when
     * a document of an EDGAR submission was chosen; null for plain text), {@code model}, {@code format}
     * ({@code PLAIN_TEXT}, {@code HTML}, ...), {@code inputBytes}, {@code chars} (the analysed text's length),
     * {@code segments} (array of {@link #SEGMENT}), {@code riskItems} (array of {@link #RISK_ITEM}),
     * {@code errorType} and {@code error} (null unless the document failed; then {@code format} and
     * {@code chars} are null and the arrays empty). Other input columns are dropped: join on the id.
     *
     * @param docs the documents
     * @param idCol the column identifying a document, of any type
     * @param textCol the document: a string column (plain text, analysed as it is unless
     *     {@link #withFormatDetection} is on) or a binary column (a file's content: plain text in UTF-8 or
     *     windows-1252, HTML, or an EDGAR submission)
     * @return one row per document, with the schema {@link #documentSchema(StructField)}
     * @throws IllegalArgumentException if a column is missing, the text column is neither string nor binary,
     *     or the id column has the name of an output column
     */
    public Dataset<Row> analyze(Dataset<Row> docs, String idCol, String textCol) {
        Objects.requireNonNull(docs, "docs");
        StructField id = column(docs, idCol, "id");
        StructField text = column(docs, textCol, "text");
        if (!text.dataType().equals(DataTypes.StringType) && !text.dataType().equals(DataTypes.BinaryType)) {
            throw new IllegalArgumentException("the text column " + textCol + " is " + text.dataType().simpleString()
                    + "; it must be string (plain text) or binary (a file's content): cast it, e.g. "
                    + "docs.withColumn(\"" + textCol + "\", col(\"" + textCol + "\").cast(\"string\"))");
        }
        return docs.select(col(idCol), col(textCol)).mapPartitions(function(idCol, textCol),
                Encoders.row(documentSchema(id)));
    }

    /**
     * Analyses files, one document per file, read by Caveat's reader as {@link Caveat#analyze(java.nio.file.Path)}
     * reads them (plain text in UTF-8 or windows-1252, HTML, EDGAR submissions). Spark lists them (as its
     * file sources do: globs, directories, hidden files left out); each task then reads its files itself, so a
     * file that cannot be read, or is over the size limit (which is not read at all), gives an error row
     * instead of failing the job, and an empty file gives a row too.
     *
     * <p>The result is as for {@link #analyze(Dataset, String, String)}, with the id column {@code path} (the
     * file's URI, e.g. {@code file:/data/a%20b.txt}) and {@code source} the file name (with {@code #TYPE} for a
     * document of an EDGAR submission), as in the JSON output.
     *
     * <p>A path that does not exist makes Spark throw its {@link org.apache.spark.sql.AnalysisException}, which,
     * Spark being written in Scala, the method does not declare.
     *
     * @param spark the session
     * @param options options of Spark's file sources, such as {@code recursiveFileLookup=true} or
     *     {@code pathGlobFilter=*.htm}; may be empty
     * @param paths files, directories or globs, of any file system Spark reads
     * @return one row per file
     * @throws IllegalArgumentException if no path is given
     */
    public Dataset<Row> analyzeFiles(SparkSession spark, Map<String, String> options, String... paths) {
        return analyzeFiles(listFiles(spark, options, 0, paths));
    }

    /**
     * Lists files for {@link #analyzeFiles(Dataset)}. The listing is made on the driver, by Spark's file index,
     * and no file is read.
     *
     * @param spark the session
     * @param options options of Spark's file sources, such as {@code recursiveFileLookup=true} or
     *     {@code pathGlobFilter=*.htm}; may be empty
     * @param partitions the number of partitions (tasks) to spread the files over; 0 for the larger of four
     *     per core of the application ({@code spark.default.parallelism}) and one per 100 files
     * @param paths files, directories or globs, of any file system Spark reads
     * @return one row {@code (path string)} per file, sorted by path, the file's URI
     * @throws IllegalArgumentException if no path is given or {@code partitions} is negative; a path that does not
     *     exist makes Spark throw its (undeclared) {@link org.apache.spark.sql.AnalysisException}
     */
    public static Dataset<Row> listFiles(SparkSession spark, Map<String, String> options, int partitions,
                                         String... paths) {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(options, "options");
        if (paths.length == 0) {
            throw new IllegalArgumentException("no input path: give one or more files, directories or globs");
        }
        if (partitions < 0) {
            throw new IllegalArgumentException("the number of partitions must be positive, or 0 for the default; was "
                    + partitions);
        }
        // The binaryFile source's file index lists the files; its scan is not used, because it reads no empty file.
        String[] files = spark.read().format("binaryFile").options(options).load(paths).inputFiles();
        Arrays.sort(files);
        List<Row> rows = new ArrayList<>(files.length);
        for (String f : files) {
            rows.add(RowFactory.create(f));
        }
        int n = partitions > 0 ? partitions
                : Math.max(1, Math.min(files.length, Math.max(4 * spark.sparkContext().defaultParallelism(),
                        (files.length + 99) / 100)));
        StructType schema = new StructType(new StructField[] {field("path", DataTypes.StringType, false)});
        return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, n),
                schema);
    }

    /**
     * Analyses the files of a listing such as {@link #listFiles} makes: as {@link #analyzeFiles(SparkSession, Map,
     * String...)}, in the listing's partitions.
     *
     * @param files one row per file, with a string column {@code path}: the file's URI
     * @return one row per file
     * @throws IllegalArgumentException if {@code files} lacks a string {@code path} column
     */
    public Dataset<Row> analyzeFiles(Dataset<Row> files) {
        Objects.requireNonNull(files, "files");
        StructField path = column(files, "path", "path");
        if (!path.dataType().equals(DataTypes.StringType)) {
            throw new IllegalArgumentException("the path column of a file listing must be string, as CaveatSpark.listFiles "
                    + "gives; this one is " + path.dataType().simpleString());
        }
        SparkSession spark = files.sparkSession();
        Broadcast<SerializableWritable<Configuration>> conf = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(new SerializableWritable<>(spark.sparkContext().hadoopConfiguration()));
        return files.select("path").mapPartitions(new AnalyzePartitions(this, "path", null, conf),
                Encoders.row(documentSchema(path)));
    }

    /**
     * Analyses documents and returns their segments: {@code segmentsOf(analyze(docs, idCol, textCol))}. To get
     * segments and risk items from one analysis, call {@link #analyze}, persist the result and use
     * {@link #segmentsOf} and {@link #riskItemsOf}.
     *
     * @param docs the documents
     * @param idCol the column identifying a document
     * @param textCol the document's text (string) or content (binary)
     * @return one row per segment, as {@link #segmentsOf} gives
     * @throws IllegalArgumentException as {@link #analyze} does
     */
    public Dataset<Row> segments(Dataset<Row> docs, String idCol, String textCol) {
        return segmentsOf(analyze(docs, idCol, textCol));
    }

    /**
     * Analyses documents and returns their risk items: {@code riskItemsOf(analyze(docs, idCol, textCol))}.
     *
     * @param docs the documents
     * @param idCol the column identifying a document
     * @param textCol the document's text (string) or content (binary)
     * @return one row per risk item, as {@link #riskItemsOf} gives
     * @throws IllegalArgumentException as {@link #analyze} does
     */
    public Dataset<Row> riskItems(Dataset<Row> docs, String idCol, String textCol) {
        return riskItemsOf(analyze(docs, idCol, textCol));
    }

    /**
     * Returns the function that {@link #analyze} maps partitions with, for pipelines that call
     * {@code mapPartitions} themselves. Its input rows need the two columns (other columns are ignored); its
     * output rows have the schema {@link #documentSchema(StructField)}.
     *
     * <pre>{@code
     * Dataset<Row> analysed = docs.mapPartitions(caveat.function("id", "text"),
     *         Encoders.row(caveat.documentSchema(docs.schema().apply("id"))));
     * }</pre>
     *
     * <p>The function is serializable and holds no model: each executor loads it once and shares it.
     *
     * @param idCol the column identifying a document
     * @param textCol the document's text (string) or content (binary)
     * @return the function
     */
    public MapPartitionsFunction<Row, Row> function(String idCol, String textCol) {
        return new AnalyzePartitions(this, Objects.requireNonNull(idCol, "idCol"), Objects.requireNonNull(textCol,
                "textCol"), null);
    }

    /**
     * Returns the schema of {@link #analyze}'s result: the id field, then the fields described there.
     *
     * @param idField the input's id column
     * @return the schema
     * @throws IllegalArgumentException if the id column has the name of an output column
     */
    public static StructType documentSchema(StructField idField) {
        Objects.requireNonNull(idField, "idField");
        if (RESERVED.contains(idField.name())) {
            throw new IllegalArgumentException("the id column may not be named " + idField.name() + ", the name of a "
                    + "column of Caveat's output: rename it first, e.g. docs.withColumnRenamed(\"" + idField.name()
                    + "\", \"docId\")");
        }
        StructField[] fields = new StructField[DOCUMENT_FIELDS.length + 1];
        fields[0] = idField;
        System.arraycopy(DOCUMENT_FIELDS, 0, fields, 1, DOCUMENT_FIELDS.length);
        return new StructType(fields);
    }

    /**
     * Returns one row per document of an analysis, without the arrays: the id column, {@code source},
     * {@code model}, {@code format}, {@code inputBytes}, {@code chars}, {@code segmentCount} and
     * {@code riskItemCount} (null for a failed document), {@code errorType} and {@code error}.
     *
     * @param analysed a result of {@link #analyze} or {@link #analyzeFiles}
     * @return the documents
     * @throws IllegalArgumentException if {@code analysed} does not have the schema of an analysis
     */
    public static Dataset<Row> documentsOf(Dataset<Row> analysed) {
        Column id = col(idColumn(analysed));
        Column ok = col("error").isNull();
        return analysed.select(id, col("source"), col("model"), col("format"), col("inputBytes"), col("chars"),
                when(ok, size(col("segments"))).as("segmentCount"), when(ok, size(col("riskItems"))).as("riskItemCount"),
                col("errorType"), col("error"));
    }

    /**
     * Returns one row per segment of an analysis: the id column, {@code source}, {@code model}, then the fields
     * of {@link #SEGMENT} ({@code index}, {@code start}, {@code end}, {@code text}, {@code kind}, {@code type},
     * {@code score}). Failed documents have none.
     *
     * @param analysed a result of {@link #analyze} or {@link #analyzeFiles}
     * @return the segments
     * @throws IllegalArgumentException if {@code analysed} does not have the schema of an analysis
     */
    public static Dataset<Row> segmentsOf(Dataset<Row> analysed) {
        return exploded(analysed, "segments", SEGMENT);
    }

    /**
     * Returns one row per risk item of an analysis: the id column, {@code source}, {@code model}, then the fields
     * of {@link #RISK_ITEM} ({@code index}, {@code start}, {@code end}, {@code text}, {@code segments} (array of
     * segment indices), {@code categories} (array of {@link #CATEGORY}, highest score first)).
     *
     * @param analysed a result of {@link #analyze} or {@link #analyzeFiles}
     * @return the risk items
     * @throws IllegalArgumentException if {@code analysed} does not have the schema of an analysis
     */
    public static Dataset<Row> riskItemsOf(Dataset<Row> analysed) {
        return exploded(analysed, "riskItems", RISK_ITEM);
    }

    private static Dataset<Row> exploded(Dataset<Row> analysed, String array, StructType element) {
        String id = idColumn(analysed);
        Column[] columns = new Column[3 + element.size()];
        columns[0] = col(id);
        columns[1] = col("source");
        columns[2] = col("model");
        String[] names = element.fieldNames();
        for (int i = 0; i < names.length; i++) {
            columns[3 + i] = col("e." + names[i]);
        }
        return analysed.select(col(id), col("source"), col("model"), explode(col(array)).as("e")).select(columns);
    }

    private static String idColumn(Dataset<Row> analysed) {
        Objects.requireNonNull(analysed, "analysed");
        StructField[] fields = analysed.schema().fields();
        boolean ok = fields.length == DOCUMENT_FIELDS.length + 1;
        for (int i = 0; ok && i < DOCUMENT_FIELDS.length; i++) {
            ok = fields[i + 1].name().equals(DOCUMENT_FIELDS[i].name())
                    && sameType(fields[i + 1].dataType(), DOCUMENT_FIELDS[i].dataType());
        }
        if (!ok) {
            throw new IllegalArgumentException("not an analysis made by CaveatSpark.analyze or analyzeFiles: its schema "
                    + "is " + analysed.schema().simpleString());
        }
        return fields[0].name();
    }

    /** Compares types ignoring nullability, which Parquet round trips do not keep. */
    private static boolean sameType(DataType a, DataType b) {
        if (a instanceof ArrayType x && b instanceof ArrayType y) {
            return sameType(x.elementType(), y.elementType());
        }
        if (a instanceof StructType x && b instanceof StructType y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!x.fields()[i].name().equals(y.fields()[i].name())
                        || !sameType(x.fields()[i].dataType(), y.fields()[i].dataType())) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static StructField column(Dataset<Row> docs, String name, String what) {
        Objects.requireNonNull(name, what + "Col");
        for (StructField f : docs.schema().fields()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("there is no " + what + " column " + name + "; the columns are "
                + String.join(", ", docs.columns()));
    }

    private static StructField field(String name, DataType type, boolean nullable) {
        return new StructField(name, type, nullable, org.apache.spark.sql.types.Metadata.empty());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-256", e);
        }
    }

    Broadcast<byte[]> modelBytes() {
        return modelBytes;
    }

    String modelSha256() {
        return modelSha256;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CaveatSpark[model=%s, maxInputBytes=%d, documentType=%s, detectFormat=%b]",
                modelFile == null ? "default" : modelFile, maxInputBytes, documentType == null ? "default" : documentType,
                detectFormat);
    }
}
