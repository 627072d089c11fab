package org.caveat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.caveat.classify.ClassifiedSegments;
import org.caveat.classify.SegmentClassifier;
import org.caveat.compare.BoilerplateIndex;
import org.caveat.compare.RiskDiff;
import org.caveat.model.CaveatModel;
import org.caveat.model.ModelIO;
import org.caveat.read.DocumentReader;
import org.caveat.read.Emphasis;
import org.caveat.read.ReadResult;
import org.caveat.risk.CategoryTagger;
import org.caveat.risk.ItemSpan;
import org.caveat.risk.RiskItemFinder;
import org.caveat.segment.SegmentSpan;
import org.caveat.segment.Segmenter;
import org.caveat.structure.DocumentStructure;
import org.caveat.structure.StructureAnalyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point: analyses a financial disclosure into typed segments and tagged risk items.
 *
 * <pre>{@code
 * Caveat caveat = Caveat.loadDefault();
 * Analysis result = caveat.analyze(Path.of("release.txt"));
 * result.segmentsOf(SegmentType.SAFE_HARBOR).forEach(s -> System.out.println(s.text()));
 * }</pre>
 *
 * <p>A {@code Caveat} is immutable and thread-safe: load it once and share it between threads.
 * Loading costs far more than one analysis.
 *
 * <p>{@link #explaining()} gives a view of the same model whose analyses also say why: each segment and
 * each assigned category carries the features that contributed most ({@link Segment#explanation()},
 * {@link CategoryScore#explanation()}). The types, scores, items and categories are the same as without
 * explanations; explaining costs about twice the time of an analysis, and only explaining views pay it.
 *
 * <p>Inputs larger than {@link #maxInputBytes()} (by default {@link #DEFAULT_MAX_INPUT_BYTES}, 256 MB) are
 * refused before they are read. Analysis needs about 20 bytes of heap per character of analysed text (a
 * 50 MB document needs about 1 GB), so a service with a small heap should lower the limit:
 * <pre>{@code
 * Caveat caveat = Caveat.loadDefault().withMaxInputBytes(16L << 20);   // 16 MB
 * }</pre>
 */
public final class Caveat {
    /** The default largest input, in bytes: 256 MB. */
    public static final long DEFAULT_MAX_INPUT_BYTES = 256L << 20;
    /**
     * The default largest input, in bytes.
     *
     * @deprecated the limit is configurable; use {@link #DEFAULT_MAX_INPUT_BYTES} for the default and
     *     {@link #maxInputBytes()} for an instance's limit
     */
    @Deprecated
    public static final long MAX_INPUT_BYTES = DEFAULT_MAX_INPUT_BYTES;
    /** The largest limit: the size of the largest Java byte array. */
    public static final long LARGEST_MAX_INPUT_BYTES = Integer.MAX_VALUE - 8;
    /** How many contributions {@link #explaining()} keeps per segment and per category. */
    public static final int EXPLANATION_SIZE = 8;
    private static final String DEFAULT_MODEL = "/org/caveat/model/default.cvm";
    private static final Logger LOG = LoggerFactory.getLogger(Caveat.class);

    private final CaveatModel model;
    private final Segmenter segmenter;
    private final SegmentClassifier classifier;
    private final CategoryTagger tagger;
    private final org.caveat.classify.FactorStarts factorStarts;
    /** Contributions kept per explanation; 0 when this view does not explain. */
    private final int explain;
    private final long maxInputBytes;
    /** The boilerplate index whose scores analyses carry; null for none. */
    private final BoilerplateIndex index;

    private Caveat(CaveatModel model) {
        this.model = model;
        this.segmenter = new Segmenter();
        this.classifier = new SegmentClassifier(model.segmentTypes(), model.transitions(),
                model.calibration().typeTemperature());
        this.tagger = new CategoryTagger(model);
        this.factorStarts = model.factorStarts() == null ? null : new org.caveat.classify.FactorStarts(model.factorStarts());
        this.explain = 0;
        this.maxInputBytes = DEFAULT_MAX_INPUT_BYTES;
        this.index = null;
    }

    private Caveat(Caveat base, int explain, long maxInputBytes, BoilerplateIndex index) {
        this.model = base.model;
        this.factorStarts = base.factorStarts;
        this.segmenter = base.segmenter;
        this.classifier = base.classifier;
        this.tagger = base.tagger;
        this.explain = explain;
        this.maxInputBytes = maxInputBytes;
        this.index = index;
    }

    /**
     * Returns a view of this analyser that explains its decisions: in its analyses each segment carries
     * the features that contributed most to its type over the runner-up type, and each assigned category
     * the features of the risk item that contributed most to it ({@link #EXPLANATION_SIZE} at most, largest
     * first). Everything else in the analysis is as {@code this} gives it. The view shares the model, is
     * immutable and thread-safe like this one, and costs nothing to make.
     *
     * <pre>{@code
     * Analysis a = caveat.explaining().analyze(Path.of("release.txt"));
     * a.segments().get(0).explanation().forEach(c -> System.out.println(c.feature() + " " + c.weight()));
     * }</pre>
     *
     * @return an explaining analyser; {@code this} when it explains already
     */
    public Caveat explaining() {
        return explain > 0 ? this : new Caveat(this, EXPLANATION_SIZE, maxInputBytes, index);
    }

    /**
     * Returns whether this analyser's results carry explanations.
     *
     * @return true for a view made by {@link #explaining()}
     */
    public boolean explains() {
        return explain > 0;
    }

    /**
     * Returns an analyser with the same model and another input size limit. This instance is unchanged;
     * the two share the loaded model, so this costs nothing.
     *
     * @param maxBytes the largest input to accept, in bytes, from 1 to {@link #LARGEST_MAX_INPUT_BYTES}; for
     *     {@link #analyze(String)} the limit counts characters
     * @return an analyser that refuses larger inputs
     * @throws IllegalArgumentException if {@code maxBytes} is not in that range
     */
    public Caveat withMaxInputBytes(long maxBytes) {
        if (maxBytes < 1 || maxBytes > LARGEST_MAX_INPUT_BYTES) {
            throw new IllegalArgumentException("the input size limit must be between 1 and " + LARGEST_MAX_INPUT_BYTES
                    + " bytes, was " + maxBytes);
        }
        return maxBytes == maxInputBytes ? this : new Caveat(this, explain, maxBytes, index);
    }

    /**
     * Returns a view of this analyser whose analyses carry a cross-filing boilerplate score per segment
     * ({@link Analysis#boilerplateScores()}): the share of the segment's words in 4-grams that occur in at
     * least 30% of the index's documents, raised to 1 when the segment's paragraph occurs in two or more of the
     * same company's indexed filings ({@link BoilerplateIndex#scores}). The company of a file is
     * {@link BoilerplateIndex#companyOf}; text and bytes analysed without a file use the 4-gram score only, unless
     * they hold an EDGAR header. Types, scores and items are unchanged: the classifier does not use the index.
     * The view shares the model, is immutable and thread-safe, and costs nothing to make.
     *
     * <pre>{@code
     * BoilerplateIndex index = BoilerplateIndex.read(Path.of("filings.cvbx"));
     * Analysis a = caveat.withIndex(index).analyze(Path.of("release.txt"));
     * }</pre>
     *
     * @param index the index, or null for a view without boilerplate scores
     * @return an analyser that scores segments against the index
     */
    public Caveat withIndex(BoilerplateIndex index) {
        return index == this.index ? this : new Caveat(this, explain, maxInputBytes, index);
    }

    /**
     * Returns the boilerplate index this analyser scores segments against.
     *
     * @return the index set by {@link #withIndex}, or empty
     */
    public Optional<BoilerplateIndex> index() {
        return Optional.ofNullable(index);
    }

    /**
     * Compares the risk factors of two analysed filings: each factor of either comes out added, removed,
     * changed (with a word-level diff) or unchanged, with its categories. See {@link RiskDiff} for the matching.
     *
     * <pre>{@code
     * RiskDiff d = caveat.diff(caveat.analyze(Path.of("10-k-2022.htm")), caveat.analyze(Path.of("10-k-2023.htm")));
     * d.withStatus(ChangeStatus.ADDED).forEach(c -> System.out.println(c.heading()));
     * }</pre>
     *
     * @param older the older filing's analysis
     * @param newer the newer filing's analysis
     * @return the changes, in the newer filing's order
     */
    public RiskDiff diff(Analysis older, Analysis newer) {
        return RiskDiff.of(older, newer);
    }

    /**
     * Reads, analyses and compares the risk factors of two filings.
     *
     * @param older the older filing
     * @param newer the newer filing
     * @return the changes, in the newer filing's order
     * @throws UnreadableDocumentException if a file is binary, too large or lacks a document
     * @throws IOException if a file cannot be read
     */
    public RiskDiff diff(Path older, Path newer) throws IOException {
        Objects.requireNonNull(older, "older");
        Objects.requireNonNull(newer, "newer");
        return diff(analyze(older), analyze(newer));
    }

    /**
     * Returns the largest input this analyser accepts.
     *
     * @return the limit in bytes; {@link #DEFAULT_MAX_INPUT_BYTES} unless set with {@link #withMaxInputBytes(long)}
     */
    public long maxInputBytes() {
        return maxInputBytes;
    }

    /**
     * Loads the default model bundled in the jar.
     *
     * @return an analyser using the default model
     * @throws InvalidModelException if the bundled model is missing or damaged (a broken build)
     */
    public static Caveat loadDefault() throws InvalidModelException {
        try (InputStream in = Caveat.class.getResourceAsStream(DEFAULT_MODEL)) {
            if (in == null) {
                throw new InvalidModelException("the default model " + DEFAULT_MODEL + " is not on the class path; "
                        + "build the jar with 'mvn package' or load a model file with Caveat.load(Path)");
            }
            return load(in);
        } catch (InvalidModelException e) {
            throw e;
        } catch (IOException e) {
            throw new InvalidModelException("the default model could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Loads a model file written by the {@code train} command.
     *
     * @param modelFile the model file
     * @return an analyser using that model
     * @throws InvalidModelException if the file is not a valid Caveat model; the message names the problem
     * @throws IOException if the file cannot be read
     */
    public static Caveat load(Path modelFile) throws IOException {
        Objects.requireNonNull(modelFile, "modelFile");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(modelFile))) {
            return load(in);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(modelFile.toString(), null, "model file not found");
        }
    }

    /**
     * Loads a model from a stream holding a model file.
     *
     * @param in the model file's bytes; not closed
     * @return an analyser using that model
     * @throws InvalidModelException if the data is not a valid Caveat model
     * @throws IOException if reading fails
     */
    public static Caveat load(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        long t0 = System.nanoTime();
        CaveatModel m = ModelIO.read(in);
        LOG.debug("loaded model {} {} in {} ms", m.name(), m.version(), (System.nanoTime() - t0) / 1_000_000);
        return new Caveat(m);
    }

    /**
     * Returns the model's name and version, as written in the JSON output.
     *
     * @return for example {@code "caveat-default 1.1.0"}
     */
    public String modelName() {
        return model.name() + " " + model.version();
    }

    /**
     * Analyses plain text. The text is analysed as it is; offsets in the result point into it.
     *
     * @param text the document's text
     * @return the analysis, with no source name
     * @throws IllegalArgumentException if the text has more characters than {@link #maxInputBytes()}
     */
    public Analysis analyze(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > maxInputBytes) {
            throw new IllegalArgumentException(tooLarge("the text", text.length(), "characters"));
        }
        return analyze(new ReadResult(text, SourceFormat.PLAIN_TEXT, null, Emphasis.NONE), null, null);
    }

    /**
     * Reads and analyses a file: plain text (UTF-8, or windows-1252 when not valid UTF-8), HTML, or an
     * EDGAR submission (for an 8-K or 6-K, its first EX-99 exhibit; otherwise its primary document).
     *
     * @param file the file
     * @return the analysis; its source is the file name
     * @throws UnreadableDocumentException if the file is binary, larger than {@link #maxInputBytes()}, or lacks
     *     a document
     * @throws IOException if the file cannot be read
     */
    public Analysis analyze(Path file) throws IOException {
        return analyze(file, null);
    }

    /**
     * Reads and analyses a file, choosing a document of an EDGAR submission by its type.
     *
     * @param file the file
     * @param documentType the {@code <TYPE>} of the document to analyse (for example {@code EX-99.1}),
     *     or null for the default choice
     * @return the analysis; its source is the file name, with {@code #TYPE} for an EDGAR submission
     * @throws UnreadableDocumentException if the file is binary, larger than {@link #maxInputBytes()}, or lacks
     *     the document
     * @throws IOException if the file cannot be read
     */
    public Analysis analyze(Path file, String documentType) throws IOException {
        Objects.requireNonNull(file, "file");
        long size = Files.size(file);
        if (size > maxInputBytes) {
            throw new UnreadableDocumentException(tooLarge(file.toString(), size, "bytes"));
        }
        // Read at most one byte past the limit: a pipe or device reports no size, and must not fill the heap.
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes((int) maxInputBytes + 1);
        }
        if (content.length > maxInputBytes) {
            throw new UnreadableDocumentException(tooLarge(file.toString(), content.length, "bytes or more"));
        }
        return analyze(content, file.getFileName() == null ? file.toString() : file.getFileName().toString(), documentType,
                index == null ? null : BoilerplateIndex.companyOf(content, file));
    }

    /**
     * Reads and analyses an input held in memory.
     *
     * @param content the input's bytes, of any supported format
     * @param sourceName the name to report as the source, or null
     * @param documentType for an EDGAR submission, the type of the document to analyse, or null
     * @return the analysis
     * @throws UnreadableDocumentException if the input is binary, larger than {@link #maxInputBytes()}, or lacks
     *     the document
     */
    public Analysis analyze(byte[] content, String sourceName, String documentType) throws UnreadableDocumentException {
        Objects.requireNonNull(content, "content");
        String company = null;
        if (index != null) {
            String c = BoilerplateIndex.companyOf(content, null);
            company = c.equals("unknown") ? null : c;
        }
        return analyze(content, sourceName, documentType, company);
    }

    private Analysis analyze(byte[] content, String sourceName, String documentType, String company)
            throws UnreadableDocumentException {
        if (content.length > maxInputBytes) {
            throw new UnreadableDocumentException(tooLarge(sourceName == null ? "the input" : sourceName, content.length,
                    "bytes"));
        }
        ReadResult read = DocumentReader.read(content, documentType);
        String source = sourceName;
        if (sourceName != null && read.documentType() != null) {
            source = sourceName + "#" + read.documentType();
        }
        return analyze(read, source, company);
    }

    private String tooLarge(String what, long size, String unit) {
        return String.format(Locale.ROOT, "%s is %,d %s, over the input size limit of %,d bytes (%s); split it, or raise "
                + "the limit with Caveat.withMaxInputBytes(long) (on the command line: --max-input-mb N)",
                what, size, unit, maxInputBytes, megabytes(maxInputBytes));
    }

    private static String megabytes(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MB" : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    private Analysis analyze(ReadResult read, String source, String company) {
        String text = read.text();
        List<SegmentSpan> spans = segmenter.segment(text);
        DocumentStructure doc = StructureAnalyzer.analyze(text, spans, read.emphasis(), factorStarts);
        ClassifiedSegments classified = classifier.classify(doc);
        List<SegmentClassifier.Explained> why = explain > 0 ? classifier.explain(doc, classified.types(), explain) : null;
        List<Segment> segments = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            SegmentSpan s = spans.get(i);
            if (why == null) {
                segments.add(new Segment(i, s.start(), s.end(), text.substring(s.start(), s.end()),
                        classified.types()[i], classified.scores()[i]));
            } else {
                segments.add(new Segment(i, s.start(), s.end(), text.substring(s.start(), s.end()),
                        classified.types()[i], classified.scores()[i], why.get(i).contributions(), why.get(i).runnerUp()));
            }
        }
        List<ItemSpan> found = RiskItemFinder.find(doc, classified);
        List<RiskItem> items = new ArrayList<>(found.size());
        int first = 0;
        for (ItemSpan it : found) {
            while (first < spans.size() && spans.get(first).end() <= it.start()) {
                first++;
            }
            List<Integer> overlapped = new ArrayList<>();
            for (int k = first; k < spans.size() && spans.get(k).start() < it.end(); k++) {
                overlapped.add(k);
            }
            items.add(new RiskItem(items.size(), it.start(), it.end(), text.substring(it.start(), it.end()),
                    overlapped, tagger.tag(text, it, explain), Math.max(it.start(), Math.min(it.headingEnd(), it.end()))));
        }
        List<Double> boilerplate = index == null ? List.of() : index.scores(text, segments, company);
        return new Analysis(source, modelName(), read.format(), text, segments, items, boilerplate);
    }

    /**
     * Returns this library's version.
     *
     * @return the version of the jar, for example {@code 0.1.0}
     */
    public static String libraryVersion() {
        try (InputStream in = Caveat.class.getResourceAsStream("/org/caveat/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
