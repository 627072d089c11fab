package org.caveat.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caveat.Caveat;

/** The command line of {@link CaveatSparkJob}, parsed and checked before Spark starts. */
record JobOptions(List<String> inputs, String out, boolean overwrite, String inputFormat, String idCol, String textCol,
                  boolean detectFormat, boolean recursive, String globFilter, String documentType, String model,
                  long maxInputBytes, int partitions, String master, boolean help) {

    /** The default input size limit, in MB: the library's. */
    static final long DEFAULT_MAX_MB = Caveat.DEFAULT_MAX_INPUT_BYTES >> 20;

    static final String USAGE = """
            Usage: spark-submit [SPARK OPTIONS] --class org.caveat.spark.CaveatSparkJob caveat-spark.jar \\
                     [OPTIONS] --out DIR INPUT...

            Analyses filings with Caveat and writes three Parquet tables to DIR:
              DIR/documents   one row per document: id, source, model, format, sizes, counts, errorType, error
              DIR/segments    one row per segment: id, source, model, index, start, end, text, kind, type, score
              DIR/risk_items  one row per risk item: id, source, model, index, start, end, text, segments, categories
            A document that cannot be analysed (binary, too large, unreadable) gets errorType and error in
            DIR/documents and no rows elsewhere; the job goes on.

            INPUT is a file, a directory or a glob (e.g. 'filings/2014/*.txt'), on any file system Spark reads.

            Options:
              --out DIR              where to write the tables (required); it must not exist, unless --overwrite
              --overwrite            replace the tables in DIR
              --input-format F       files (default): one filing per file, read as Caveat reads files: plain text
                                     (UTF-8 or windows-1252), HTML, EDGAR submissions; the id column is path.
                                     parquet or json: a table with one filing per row (json: one object per line)
              --id-col NAME          (tables) the column identifying a document, of any type; default id
              --text-col NAME        (tables) the filing: a string column, analysed as plain text as it is, or a
                                     binary column, read as a file's content; default text
              --detect-format        (tables) read a string text column as a file's content (HTML, EDGAR)
              --recursive            look for files in subdirectories too
              --glob-filter GLOB     only files whose name matches, e.g. '*.txt'
              --document TYPE        in EDGAR submissions, analyse the document of this <TYPE>, e.g. EX-99.1
                                     (default: an 8-K's first EX-99 exhibit, otherwise the primary document)
              --model FILE           a model file written by 'caveat train', on any file system Spark reads;
                                     it is broadcast to the executors (default: the model inside the jar)
              --max-input-mb N       refuse documents over N MB (default 256, at most 2047); executors need
                                     about 20 bytes of heap per character, per task running at once
              --partitions N         analyse in N tasks (default for files: 4 per core or one per 100 files,
                                     whichever is more; for tables: one per split of the input)
              --master URL           the Spark master when not run by spark-submit, e.g. 'local[2]'
              --help                 print this help

            Exit status: 0 done (failed documents are in DIR/documents), 2 bad options or input,
            3 the model could not be loaded.
            """;

    /** A bad command line; the message says what is wrong. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static JobOptions parse(String... args) throws UsageException {
        List<String> inputs = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        boolean overwrite = false;
        boolean detect = false;
        boolean recursive = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> help = true;
                case "--overwrite" -> overwrite = true;
                case "--detect-format" -> detect = true;
                case "--recursive" -> recursive = true;
                case "--out", "--input-format", "--id-col", "--text-col", "--glob-filter", "--document", "--model",
                     "--max-input-mb", "--partitions", "--master" -> {
                    if (i + 1 >= args.length || args[i + 1].isEmpty()) {
                        throw new UsageException(a + " needs a value");
                    }
                    if (values.put(a, args[++i]) != null) {
                        throw new UsageException(a + " is given twice");
                    }
                }
                default -> {
                    if (a.startsWith("-") && !a.equals("-")) {
                        throw new UsageException("unknown option " + a);
                    }
                    inputs.add(a);
                }
            }
        }
        if (help) {
            return new JobOptions(List.of(), null, false, "files", "id", "text", false, false, null, null, null,
                    0, 0, null, true);
        }
        String format = values.getOrDefault("--input-format", "files");
        if (!List.of("files", "parquet", "json").contains(format)) {
            throw new UsageException("--input-format must be files, parquet or json, not " + format);
        }
        if (format.equals("files")) {
            for (String tableOnly : List.of("--id-col", "--text-col")) {
                if (values.containsKey(tableOnly)) {
                    throw new UsageException(tableOnly + " applies to tables (--input-format parquet or json); files "
                            + "are identified by their path");
                }
            }
            if (detect) {
                throw new UsageException("--detect-format applies to string columns of tables (--input-format parquet "
                        + "or json); files are always read with format detection");
            }
        }
        if (inputs.isEmpty()) {
            throw new UsageException("no input: give one or more files, directories or globs"
                    + (format.equals("files") ? "" : " of " + format + " tables"));
        }
        String out = values.get("--out");
        if (out == null) {
            throw new UsageException("--out DIR is required: the folder to write the Parquet tables to");
        }
        long maxMb = positive(values, "--max-input-mb", DEFAULT_MAX_MB, 2047);
        int partitions = (int) positive(values, "--partitions", 0, 1_000_000);
        return new JobOptions(List.copyOf(inputs), out, overwrite, format, values.getOrDefault("--id-col", "id"),
                values.getOrDefault("--text-col", "text"), detect, recursive, values.get("--glob-filter"),
                values.get("--document"), values.get("--model"), maxMb << 20, partitions, values.get("--master"), false);
    }

    private static long positive(Map<String, String> values, String option, long dflt, long max) throws UsageException {
        String v = values.get(option);
        if (v == null) {
            return dflt;
        }
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a whole number, not " + v);
        }
        if (n < 1 || n > max) {
            throw new UsageException(option + " must be between 1 and " + max + ", not " + v);
        }
        return n;
    }

    /** The binaryFile (and table) source options these settings ask for. */
    Map<String, String> sourceOptions() {
        Map<String, String> o = new LinkedHashMap<>();
        if (recursive) {
            o.put("recursiveFileLookup", "true");
        }
        if (globFilter != null) {
            o.put("pathGlobFilter", globFilter);
        }
        return o;
    }
}
