package org.caveat.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.caveat.Analysis;
import org.caveat.Caveat;
import org.caveat.compare.BoilerplateIndex;
import org.caveat.compare.RiskDiff;
import org.caveat.model.CaveatModel;
import org.caveat.report.Reports;
import org.caveat.train.CorpusDocument;
import org.caveat.train.CorpusReader;
import org.caveat.train.Evaluation;
import org.caveat.train.Evaluator;
import org.caveat.train.Trainer;
import org.caveat.train.TrainingConfig;

/**
 * The command line: {@code analyze}, {@code diff}, {@code index}, {@code train} and {@code evaluate}. Run without arguments for usage.
 *
 * <p>Exit status: 0 when everything succeeded; 1 when one or more input files failed (each is named
 * on standard error, the others are still written); 2 for a usage error; 3 when the model cannot be
 * loaded or training fails.
 */
public final class Main {
    static final int OK = 0;
    static final int FILE_FAILED = 1;
    static final int USAGE = 2;
    static final int MODEL_FAILED = 3;

    private static final String USAGE_TEXT = """
            usage:
              caveat analyze [--format json|text|html] [--out DIR] [--emit-text] [--document TYPE] [--model FILE]
                             [--explain] [--color auto|always|never] [--threads N] [--progress]
                             [--max-input-mb N] [--files-from LIST] FILE|FOLDER|-...
                  Analyse filings (plain text, HTML or EDGAR submission files). With one FILE and no --out the
                  result goes to standard output; with --out DIR each FILE gives DIR/<file name>.json (.txt, .html),
                  and --emit-text also writes the analysed text to DIR/<file name>.analysed.txt.
                  A FOLDER gives its .txt, .htm, .html, .xhtml, .xml, .sgml and .nc files, recursively and sorted,
                  written under DIR by their path inside the folder. - (or --files-from -) reads file names from
                  standard input, one a line; --files-from LIST reads them from a file.
                  --document TYPE picks the document of an EDGAR submission (for example EX-99.1).
                  --format html writes one self-contained page per file; text is a terminal view.
                  --explain adds to JSON and text the features that weighed most in each decision.
                  --color colours the text view (auto: when writing to a terminal).
                  --threads N analyses N files at once. A progress bar goes to standard error when it is a
                  terminal (--progress forces it), and a summary when there are several files.
                  --max-input-mb N refuses larger files (default 256); analysis needs about 20 MB of heap per MB
                  of text, so raise -Xmx with it.
                  --index FILE adds to JSON a cross-filing boilerplate score per segment (boilerplateScore).
              caveat diff [--format json|html] [--model FILE] OLD NEW
                  Compare the risk factors of two filings: each one ADDED, REMOVED, CHANGED (with a word diff)
                  or UNCHANGED, written to standard output (JSON schema caveat-diff/1, or a self-contained page).
              caveat index [--share X] FILE|FOLDER... -o FILE
                  Build a boilerplate index (4-gram document frequencies, repeated paragraphs per company) from
                  filings and labelled .cav files; folders are read recursively. A 4-gram is boilerplate when it
                  occurs in at least the share X of the documents (default 0.3, as Lang and Stice-Lawrence).
              caveat train [--data DIR] [--out FILE] [--seed N] [SETTINGS]
                  Train a model from the labelled corpus (default DIR training-data, FILE caveat-model.cvm).
              caveat evaluate [--data DIR] [--folds N] [--seed N] [SETTINGS]
                  Cross-validate on the labelled corpus: per-type and per-category precision/recall/F1 and
                  a confusion matrix on held-out folds.
              SETTINGS: --lambda-types X --lambda-categories X --transition-weight X (defaults: the bundled model's)
            exit status: 0 success, 1 some input files failed, 2 usage error, 3 model or training failure
            """;

    private Main() {
    }

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command line without exiting.
     *
     * @param args the arguments
     * @param out standard output
     * @param err standard error
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    /**
     * Runs the command line without exiting, with a given standard input (for {@code analyze -}).
     *
     * @param args the arguments
     * @param in standard input
     * @param out standard output
     * @param err standard error
     * @return the exit status
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help")) {
            (args.length == 0 ? err : out).print(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
            out.print(USAGE_TEXT); // "caveat analyze --help" asks for help, not for a file named --help
            return OK;
        }
        String command = args[0];
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", command.equals("analyze") ? "warn" : "info");
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        try {
            Options o = Options.parse(args);
            return switch (command) {
                case "analyze" -> analyze(o, in, out, err);
                case "diff" -> diff(o, out, err);
                case "index" -> index(o, out, err);
                case "train" -> train(o, out, err);
                case "evaluate" -> evaluate(o, out, err);
                default -> throw new UsageException("unknown command '" + command + "'");
            };
        } catch (UsageException e) {
            err.println("caveat: " + e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        }
    }

    private static int analyze(Options o, InputStream in, PrintStream out, PrintStream err) throws UsageException {
        if (o.files.isEmpty() && !o.has("--files-from")) {
            throw new UsageException("analyze needs at least one FILE, a folder, or a list of files (- or --files-from)");
        }
        String format = o.value("--format", "json").toLowerCase(Locale.ROOT);
        if (!List.of("json", "text", "html").contains(format)) {
            throw new UsageException("--format must be json, text or html, was " + format);
        }
        String colorOption = o.value("--color", "auto").toLowerCase(Locale.ROOT);
        if (!List.of("auto", "always", "never").contains(colorOption)) {
            throw new UsageException("--color must be auto, always or never, was " + colorOption);
        }
        int threads;
        try {
            threads = Integer.parseInt(o.value("--threads", "1"));
        } catch (NumberFormatException e) {
            throw new UsageException("--threads takes a whole number, was " + o.value("--threads", null));
        }
        if (threads < 1 || threads > 256) {
            throw new UsageException("--threads must be from 1 to 256, was " + threads);
        }
        Path outDir = o.has("--out") ? Path.of(o.value("--out", null)) : null;
        if (outDir == null && o.has("--emit-text")) {
            throw new UsageException("--emit-text needs --out DIR");
        }
        long maxBytes = Caveat.DEFAULT_MAX_INPUT_BYTES;
        if (o.has("--max-input-mb")) {
            String v = o.value("--max-input-mb", null);
            try {
                maxBytes = Long.parseLong(v) << 20;
            } catch (NumberFormatException e) {
                maxBytes = -1;
            }
            if (maxBytes < 1 || maxBytes > Caveat.LARGEST_MAX_INPUT_BYTES) {
                throw new UsageException("--max-input-mb takes a whole number of megabytes from 1 to "
                        + (Caveat.LARGEST_MAX_INPUT_BYTES >> 20) + ", was " + v);
            }
        }
        List<Batch.Input> inputs;
        try {
            inputs = Batch.expand(o.files, o.value("--files-from", null), in);
        } catch (IOException e) {
            err.println("caveat: " + message(e));
            return FILE_FAILED;
        }
        if (inputs.isEmpty()) {
            err.println("caveat: no files to analyse (a folder gives its .txt, .htm, .html, .xhtml, .xml, .sgml and .nc files)");
            return FILE_FAILED;
        }
        if (outDir == null && inputs.size() > 1) {
            throw new UsageException("several FILEs need --out DIR (the arguments give " + inputs.size() + " files)");
        }
        boolean terminal = System.console() != null;
        boolean color = colorOption.equals("always") || colorOption.equals("auto") && terminal && outDir == null;
        boolean explain = o.has("--explain");
        Caveat caveat = loadModel(o, err);
        if (caveat == null) {
            return MODEL_FAILED;
        }
        // The HTML report's details pane says why, so it always explains; JSON and text only when asked.
        Caveat analyser = (explain || format.equals("html") ? caveat.explaining() : caveat).withMaxInputBytes(maxBytes);
        if (o.has("--index")) {
            try {
                analyser = analyser.withIndex(BoilerplateIndex.read(Path.of(o.value("--index", null))));
            } catch (IOException e) {
                err.println("caveat: cannot load the boilerplate index: " + message(e));
                return MODEL_FAILED;
            }
        }
        if (outDir != null) {
            try {
                Files.createDirectories(outDir);
            } catch (IOException e) {
                err.println("caveat: cannot create output folder " + outDir + ": " + e.getMessage());
                return FILE_FAILED;
            }
        }
        String extension = format.equals("text") ? ".txt" : "." + format;
        int failed = 0;
        java.util.Map<String, String> written = new java.util.HashMap<>();
        List<Batch.Input> accepted = new ArrayList<>();
        for (Batch.Input input : inputs) {
            String earlier = written.putIfAbsent(input.outName(), input.argument());
            if (outDir != null && earlier != null) {
                err.println("caveat: " + input.argument() + ": its output would overwrite that of " + earlier
                        + " (same file name); analyse it in a separate run or with another --out folder");
                failed++;
                continue;
            }
            accepted.add(input);
        }
        String documentType = o.value("--document", null);
        Caveat finalAnalyser = analyser;
        Batch.Job job = input -> {
            long bytes = Files.size(input.path());
            Analysis a = finalAnalyser.analyze(input.path(), documentType);
            if (outDir == null) {
                synchronized (out) {
                    write(a, format, explain, color, out);
                    out.flush();
                }
            } else {
                Path target = outDir.resolve(input.outName() + extension);
                Path parent = target.getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                writeAtomically(target, stream -> write(a, format, explain, color, stream));
                if (o.has("--emit-text")) {
                    writeAtomically(outDir.resolve(input.outName() + ".analysed.txt"),
                            stream -> stream.write(a.text().getBytes(StandardCharsets.UTF_8)));
                }
            }
            return Batch.Counts.of(bytes, a);
        };
        boolean progress = o.has("--progress") || terminal && inputs.size() > 1;
        boolean summary = inputs.size() > 1 || o.has("--progress");
        failed += Batch.run(accepted, threads, job, err, progress, summary);
        if (failed > 0) {
            err.println("caveat: " + failed + " of " + inputs.size() + " files failed");
            return FILE_FAILED;
        }
        return OK;
    }

    private static int diff(Options o, PrintStream out, PrintStream err) throws UsageException {
        if (o.files.size() != 2) {
            throw new UsageException("diff takes two files, OLD and NEW; the arguments give " + o.files.size());
        }
        String format = o.value("--format", "json").toLowerCase(Locale.ROOT);
        if (!List.of("json", "html").contains(format)) {
            throw new UsageException("--format for diff must be json or html, was " + format);
        }
        Caveat caveat = loadModel(o, err);
        if (caveat == null) {
            return MODEL_FAILED;
        }
        Analysis[] both = new Analysis[2];
        for (int i = 0; i < 2; i++) {
            try {
                both[i] = caveat.analyze(Path.of(o.files.get(i)));
            } catch (NoSuchFileException e) {
                err.println("caveat: " + o.files.get(i) + ": no such file");
                return FILE_FAILED;
            } catch (IOException | RuntimeException e) {
                err.println("caveat: " + o.files.get(i) + ": " + message(e));
                return FILE_FAILED;
            }
        }
        RiskDiff d = caveat.diff(both[0], both[1]);
        try {
            if (format.equals("json")) {
                Reports.writeDiffJson(d, out);
                out.write('\n');
            } else {
                Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                Reports.writeDiffHtml(d, w);
                w.flush();
            }
            out.flush();
        } catch (IOException e) {
            err.println("caveat: cannot write the diff: " + e.getMessage());
            return FILE_FAILED;
        }
        return OK;
    }

    private static int index(Options o, PrintStream out, PrintStream err) throws UsageException {
        if (o.files.isEmpty()) {
            throw new UsageException("index needs at least one FILE or FOLDER to index");
        }
        if (!o.has("-o")) {
            throw new UsageException("index needs -o FILE, the index file to write");
        }
        Path target = Path.of(o.value("-o", null));
        BoilerplateIndex.Builder b = BoilerplateIndex.builder();
        if (o.has("--share")) {
            try {
                b.documentShare(Double.parseDouble(o.value("--share", null)));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--share takes a number more than 0 and at most 1, was " + o.value("--share", null));
            }
        }
        try {
            b.addFiles(o.files.stream().map(Path::of).toList());
        } catch (NoSuchFileException e) {
            err.println("caveat: " + e.getFile() + ": no such file");
            return FILE_FAILED;
        } catch (IOException | RuntimeException e) {
            err.println("caveat: " + message(e));
            return FILE_FAILED;
        }
        if (b.documents() == 0) {
            err.println("caveat: no document to index under " + o.files + " (looked for " + BoilerplateIndex.Builder.EXTENSIONS
                    + " files)");
            return FILE_FAILED;
        }
        BoilerplateIndex index = b.build();
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            writeAtomically(target, index::write);
        } catch (IOException e) {
            err.println("caveat: cannot write " + target + ": " + e.getMessage());
            return FILE_FAILED;
        }
        out.printf(Locale.ROOT, "indexed %d documents of %d companies: %d boilerplate 4-grams (in %.0f%% of the documents or "
                + "more); wrote %s%n", index.documents(), index.companies().size(), index.boilerplateNgrams(),
                index.documentShare() * 100, target);
        return OK;
    }

    /** Loads the model of {@code --model}, or the default one; on failure says why on {@code err} and returns null. */
    private static Caveat loadModel(Options o, PrintStream err) {
        try {
            return o.has("--model") ? Caveat.load(Path.of(o.value("--model", null))) : Caveat.loadDefault();
        } catch (IOException e) {
            err.println("caveat: cannot load the model: " + e.getMessage());
            return null;
        }
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** Writes to a temporary file beside the target, then renames it, so no half-written file is left behind. */
    private static void writeAtomically(Path target, Body body) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Thread.currentThread().getId() + ".part");
        try {
            try (OutputStream os = Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE)) {
                body.write(os);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void write(Analysis a, String format, boolean explain, boolean color, OutputStream os) throws IOException {
        if (format.equals("json")) {
            Reports.writeJson(a, os, explain);
            os.write('\n');
            return;
        }
        Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
        if (format.equals("text")) {
            Reports.writeText(a, w, color);
        } else {
            Reports.writeHtml(a, w);
        }
        w.flush();
    }

    private static int train(Options o, PrintStream out, PrintStream err) throws UsageException {
        TrainingConfig config = config(o);
        Path data = Path.of(o.value("--data", "training-data"));
        Path target = Path.of(o.value("--out", "caveat-model.cvm"));
        try {
            List<CorpusDocument> docs = CorpusReader.readAll(data);
            Trainer trainer = new Trainer(config);
            CaveatModel model = trainer.train(docs);
            byte[] bytes = trainer.toBytes(model);
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            writeAtomically(target, stream -> stream.write(bytes));
            out.printf(Locale.ROOT, "trained %s %s on %d documents (%s items); wrote %s (%d bytes)%n", model.name(),
                    model.version(), docs.size(), model.provenance().get("trainingData.riskItems"), target, bytes.length);
            return OK;
        } catch (IOException | RuntimeException e) {
            err.println("caveat: training failed: " + message(e));
            return MODEL_FAILED;
        }
    }

    private static int evaluate(Options o, PrintStream out, PrintStream err) throws UsageException {
        TrainingConfig config = config(o);
        Path data = Path.of(o.value("--data", "training-data"));
        try {
            List<CorpusDocument> docs = CorpusReader.readAll(data);
            Evaluation e = new Evaluator(config).crossValidate(docs);
            out.printf(Locale.ROOT, "%d-fold cross-validation on %s%n", config.folds(), data);
            out.print(e.format());
            return OK;
        } catch (IOException | RuntimeException e) {
            err.println("caveat: evaluation failed: " + message(e));
            return MODEL_FAILED;
        }
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static TrainingConfig config(Options o) throws UsageException {
        TrainingConfig c = TrainingConfig.defaults();
        try {
            if (o.has("--seed")) {
                c = c.withSeed(Long.parseLong(o.value("--seed", null)));
            }
            if (o.has("--folds")) {
                c = c.withFolds(Integer.parseInt(o.value("--folds", null)));
            }
            if (o.has("--lambda-types") || o.has("--lambda-categories") || o.has("--transition-weight")) {
                c = c.withModelSettings(Double.parseDouble(o.value("--lambda-types", c.typeLambda() + "")),
                        Double.parseDouble(o.value("--lambda-categories", c.categoryLambda() + "")),
                        Double.parseDouble(o.value("--transition-weight", c.transitionWeight() + "")));
            }
        } catch (NumberFormatException e) {
            throw new UsageException("--seed and --folds take whole numbers, the lambdas and --transition-weight numbers");
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return c;
    }

    /** A command-line mistake; its message says what to change. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** Parsed options: {@code --name value} pairs, flags, and the remaining file arguments. */
    private static final class Options {
        private static final List<String> WITH_VALUE = List.of("--format", "--out", "--document", "--model", "--data",
                "--seed", "--folds", "--lambda-types", "--lambda-categories", "--transition-weight",
                "--threads", "--color", "--files-from", "--max-input-mb", "--index", "-o", "--share");
        private static final List<String> FLAGS = List.of("--emit-text", "--explain", "--progress");
        final java.util.Map<String, String> values = new java.util.HashMap<>();
        final List<String> files = new ArrayList<>();

        static Options parse(String[] args) throws UsageException {
            Options o = new Options();
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                if (WITH_VALUE.contains(a)) {
                    if (i + 1 >= args.length) {
                        throw new UsageException(a + " needs a value");
                    }
                    o.values.put(a, args[++i]);
                } else if (FLAGS.contains(a)) {
                    o.values.put(a, "true");
                } else if (a.startsWith("--")) {
                    throw new UsageException("unknown option " + a);
                } else {
                    o.files.add(a);
                }
            }
            return o;
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        String value(String name, String fallback) {
            return values.getOrDefault(name, fallback);
        }
    }
}
