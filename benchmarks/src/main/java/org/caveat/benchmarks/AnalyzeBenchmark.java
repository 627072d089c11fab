package org.caveat.benchmarks;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import edu.stanford.nlp.process.WordToSentenceProcessor;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.caveat.Analysis;
import org.caveat.Caveat;
import org.caveat.read.DocumentReader;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * End-to-end {@code analyze} against CoreNLP's tokenizer and sentence splitter alone on the same text,
 * the floor cost of the pipeline, for a press release and an HTML 10-K.
 *
 * <p>For the 10-K, {@code analyze} reads the HTML bytes (jsoup included) while the references are given
 * the text that Caveat extracts from it, so their ratio is the strict one: the whole of Caveat against
 * CoreNLP on plain text. Two references: CoreNLP's own pipeline ({@code annotators=tokenize,ssplit},
 * as users run it), and its {@code PTBTokenizer} with {@code WordToSentenceProcessor} called directly
 * with default options, which is a little faster.
 *
 * <p>Run from the project folder (the inputs are built from {@code training-data/}):
 * <pre>
 * mvn -q -DskipTests install &amp;&amp; (cd benchmarks &amp;&amp; mvn -q package)
 * java -jar benchmarks/target/benchmarks.jar AnalyzeBenchmark
 * java -jar benchmarks/target/benchmarks.jar AnalyzeBenchmark -p tenK=path/to/10-k.htm
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
public class AnalyzeBenchmark {
    /** {@code generated} for the 10-K built from the training documents, or the path of an HTML filing. */
    @Param("generated")
    public String tenK;

    private Caveat caveat;
    private String press;
    private byte[] tenKBytes;
    private String tenKText;
    private StanfordCoreNLP pipeline;

    /** Loads the model and the inputs once per trial. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path root = Path.of(".");
        caveat = Caveat.loadDefault();
        press = Inputs.pressRelease(root);
        tenKBytes = Inputs.tenK(root, tenK);
        tenKText = DocumentReader.read(tenKBytes, null).text();
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit");
        pipeline = new StanfordCoreNLP(props);
        System.out.printf("%ninputs: press release %d chars; 10-K %d bytes of HTML, %d chars of text%n",
                press.length(), tenKBytes.length, tenKText.length());
    }

    /** @return the whole pipeline on the press release */
    @Benchmark
    public Analysis analyzePressRelease() {
        return caveat.analyze(press);
    }

    /** @return the whole pipeline on the 10-K's HTML: reading, segmentation, classification, risk items */
    @Benchmark
    public Analysis analyzeTenK() throws org.caveat.UnreadableDocumentException {
        return caveat.analyze(tenKBytes, "10-k.htm", null);
    }

    /** @return CoreNLP's pipeline on the press release */
    @Benchmark
    public CoreDocument coreNlpPipelinePressRelease() {
        CoreDocument d = new CoreDocument(press);
        pipeline.annotate(d);
        return d;
    }

    /** @return CoreNLP's pipeline on the text of the 10-K */
    @Benchmark
    public CoreDocument coreNlpPipelineTenK() {
        CoreDocument d = new CoreDocument(tenKText);
        pipeline.annotate(d);
        return d;
    }

    /** @param bh takes the sentences of CoreNLP's tokenizer and splitter on the press release */
    @Benchmark
    public void coreNlpDirectPressRelease(Blackhole bh) {
        bh.consume(direct(press));
    }

    /** @param bh takes the sentences of CoreNLP's tokenizer and splitter on the text of the 10-K */
    @Benchmark
    public void coreNlpDirectTenK(Blackhole bh) {
        bh.consume(direct(tenKText));
    }

    private static List<List<CoreLabel>> direct(String text) {
        PTBTokenizer<CoreLabel> tok = new PTBTokenizer<>(new StringReader(text), new CoreLabelTokenFactory(), "");
        List<CoreLabel> tokens = new ArrayList<>();
        while (tok.hasNext()) {
            tokens.add(tok.next());
        }
        return new WordToSentenceProcessor<CoreLabel>().process(tokens);
    }
}
