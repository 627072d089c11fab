package org.caveat.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.caveat.CategoryScore;
import org.caveat.classify.ClassifiedSegments;
import org.caveat.classify.SegmentClassifier;
import org.caveat.model.CaveatModel;
import org.caveat.model.ModelIO;
import org.caveat.read.DocumentReader;
import org.caveat.read.ReadResult;
import org.caveat.risk.CategoryTagger;
import org.caveat.risk.ItemSpan;
import org.caveat.risk.RiskItemFinder;
import org.caveat.segment.SegmentSpan;
import org.caveat.segment.Segmenter;
import org.caveat.structure.DocumentStructure;
import org.caveat.structure.StructureAnalyzer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Each stage of the pipeline on its own, on the HTML 10-K: reading (HTML to text), segmentation,
 * structure with features and classification, and risk items with their categories. Each stage is
 * given the previous stage's output, computed once in setup.
 *
 * <p>Run from the project folder:
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar StageBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class StageBenchmark {
    /** {@code generated} for the 10-K built from the training documents, or the path of an HTML filing. */
    @Param("generated")
    public String tenK;

    private byte[] bytes;
    private ReadResult read;
    private List<SegmentSpan> spans;
    private DocumentStructure structure;
    private ClassifiedSegments classified;
    private final Segmenter segmenter = new Segmenter();
    private SegmentClassifier classifier;
    private CategoryTagger tagger;

    /** Loads the model and runs the stages once, so that each benchmark has its input. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        CaveatModel model;
        try (var in = org.caveat.Caveat.class.getResourceAsStream("/org/caveat/model/default.cvm")) {
            model = ModelIO.read(in);
        }
        classifier = new SegmentClassifier(model.segmentTypes(), model.transitions());
        tagger = new CategoryTagger(model);
        bytes = Inputs.tenK(Path.of("."), tenK);
        read = DocumentReader.read(bytes, null);
        spans = segmenter.segment(read.text());
        structure = StructureAnalyzer.analyze(read.text(), spans, read.emphasis());
        classified = classifier.classify(structure);
    }

    /** @return the text and emphasis read from the HTML */
    @Benchmark
    public ReadResult read() throws org.caveat.UnreadableDocumentException {
        return DocumentReader.read(bytes, null);
    }

    /** @return the segments: line grouping, CoreNLP tokenizing and sentence splitting */
    @Benchmark
    public List<SegmentSpan> segment() {
        return segmenter.segment(read.text());
    }

    /** @return the segment types: document structure, features, the linear model and Viterbi decoding */
    @Benchmark
    public ClassifiedSegments classify() {
        return classifier.classify(StructureAnalyzer.analyze(read.text(), spans, read.emphasis()));
    }

    /** @return the risk items, each with its categories */
    @Benchmark
    public List<List<CategoryScore>> riskItems() {
        List<ItemSpan> items = RiskItemFinder.find(structure, classified);
        List<List<CategoryScore>> out = new ArrayList<>(items.size());
        for (ItemSpan it : items) {
            out.add(tagger.tag(read.text(), it));
        }
        return out;
    }
}
