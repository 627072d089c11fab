package org.caveat.spark;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SerializableWritable;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.caveat.Analysis;
import org.caveat.Caveat;
import org.caveat.CategoryScore;
import org.caveat.RiskItem;
import org.caveat.Segment;
import scala.collection.JavaConverters;

/**
 * Analyses the documents of one partition, one at a time as the iterator is consumed, with the model of
 * this JVM ({@link Models}). Each input row gives one output row of {@link CaveatSpark#documentSchema}; a
 * document that fails (binary, over the size limit, unreadable, or one that exhausts memory or stack) gives
 * a row with {@code errorType} and {@code error} set instead of failing the task.
 *
 * <p>Input rows are {@code (id, text)} where text is a {@code String} (plain text, or a file's content when
 * format detection is on) or a {@code byte[]} (a file's content), or for files {@code (path)}, the file's URI.
 */
final class AnalyzePartitions implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<byte[]> model;
    private final String modelSha256;
    private final long maxInputBytes;
    private final String documentType;
    private final boolean detectFormat;
    private final String idCol;
    private final String textCol;
    /** Set for files: the Hadoop configuration to open them with. */
    private final Broadcast<SerializableWritable<Configuration>> hadoopConf;

    AnalyzePartitions(CaveatSpark settings, String idCol, String textCol,
                      Broadcast<SerializableWritable<Configuration>> hadoopConf) {
        this.model = settings.modelBytes();
        this.modelSha256 = settings.modelSha256();
        this.maxInputBytes = settings.maxInputBytes();
        this.documentType = settings.documentType().orElse(null);
        this.detectFormat = settings.detectsFormat();
        this.idCol = idCol;
        this.textCol = textCol;
        this.hadoopConf = hadoopConf;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        Caveat caveat = Models.get(model, modelSha256).withMaxInputBytes(maxInputBytes);
        return new Iterator<>() {
            private int id = -1;
            private int text = -1;

            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                Row row = rows.next();
                if (id < 0) {
                    id = row.schema() == null ? 0 : row.fieldIndex(idCol);
                    text = row.schema() == null || textCol == null ? 1 : row.fieldIndex(textCol);
                }
                return hadoopConf == null ? analyze(caveat, row.get(id), row.get(text)) : analyzeFile(caveat, row.getString(id));
            }
        };
    }

    private Row analyze(Caveat caveat, Object id, Object text) {
        Long bytes = null;
        try {
            Analysis a;
            if (text == null) {
                throw new IllegalArgumentException("the text column " + textCol + " is null");
            } else if (text instanceof String s && !detectFormat) {
                bytes = utf8Length(s);
                a = caveat.analyze(s);
            } else {
                byte[] content = text instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) text;
                bytes = (long) content.length;
                a = caveat.analyze(content, id == null ? null : id.toString(), documentType);
            }
            return row(id, a, bytes);
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            return failed(id, caveat, null, bytes, e);
        }
    }

    private Row analyzeFile(Caveat caveat, String file) {
        Path path;
        try {
            path = new Path(new URI(file));
        } catch (URISyntaxException e) {
            path = new Path(file);
        }
        Long length = null;
        try {
            FileSystem fs = path.getFileSystem(hadoopConf.value().value());
            length = fs.getFileStatus(path).getLen();
            if (length > maxInputBytes) {
                return failed(file, caveat, path.getName(), length, "UnreadableDocumentException", String.format(Locale.ROOT,
                        "%s is %,d bytes, over the input size limit of %,d bytes; split it, or raise the limit with "
                        + "--max-input-mb N (CaveatSpark.withMaxInputBytes) and give the executors about 20 bytes of heap "
                        + "per character of text", path, length, maxInputBytes));
            }
            byte[] content;
            try (InputStream in = fs.open(path)) {
                // One byte past the limit at most: a file that grew since it was measured must not fill the heap.
                content = in.readNBytes((int) maxInputBytes + 1);
            }
            return row(file, caveat.analyze(content, path.getName(), documentType), (long) content.length);
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            return failed(file, caveat, path.getName(), length, e);
        }
    }

    private static Row row(Object id, Analysis a, Long bytes) {
        List<Row> segments = new ArrayList<>(a.segments().size());
        for (Segment s : a.segments()) {
            segments.add(RowFactory.create(s.index(), s.start(), s.end(), s.text(), s.kind().name(), s.type().name(),
                    s.score()));
        }
        List<Row> items = new ArrayList<>(a.riskItems().size());
        for (RiskItem r : a.riskItems()) {
            List<Row> categories = new ArrayList<>(r.categories().size());
            for (CategoryScore c : r.categories()) {
                categories.add(RowFactory.create(c.category().name(), c.score()));
            }
            items.add(RowFactory.create(r.index(), r.start(), r.end(), r.text(), seq(r.segments()), seq(categories)));
        }
        return RowFactory.create(id, a.source(), a.model(), a.format().name(), bytes, a.text().length(), seq(segments),
                seq(items), null, null);
    }

    private static Row failed(Object id, Caveat caveat, String source, Long bytes, Throwable e) {
        String message;
        if (e instanceof OutOfMemoryError || e instanceof StackOverflowError) {
            // The failed analysis's memory is garbage now: record the document and go on with the others.
            message = "ran out of " + (e instanceof OutOfMemoryError ? "memory" : "stack") + " while analysing it; give "
                    + "the executors more (spark.executor.memory, or -Xss in spark.executor.extraJavaOptions), run fewer "
                    + "tasks per executor (spark.executor.cores), or lower --max-input-mb to refuse such documents";
        } else {
            message = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        return failed(id, caveat, source, bytes, e.getClass().getSimpleName(), message);
    }

    private static Row failed(Object id, Caveat caveat, String source, Long bytes, String errorType, String error) {
        return RowFactory.create(id, source, caveat.modelName(), null, bytes, null, seq(List.of()), seq(List.of()),
                errorType, error);
    }

    /** A Scala view of a list: the external type of an array column in a {@link Row}. */
    private static <T> scala.collection.Seq<T> seq(List<T> list) {
        return JavaConverters.asScalaBuffer(list);
    }

    /** The length of the string in UTF-8, without encoding it. */
    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
