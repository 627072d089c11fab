package org.caveat.benchmarks;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import edu.stanford.nlp.process.WordToSentenceProcessor;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.caveat.Analysis;
import org.caveat.Caveat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * End-to-end {@code analyze} on a press release, against CoreNLP's tokenizer and sentence splitter
 * alone on the same text (the floor cost of the pipeline).
 *
 * <p>Run from the project root:
 * <pre>
 * mvn -q -DskipTests install &amp;&amp; (cd benchmarks &amp;&amp; mvn -q package) \
 *   &amp;&amp; java -jar benchmarks/target/benchmarks.jar AnalyzeBenchmark -p file=examples/halberd-networks-2007-release.txt
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AnalyzeBenchmark {
    /** The input file, relative to the directory the benchmark runs in. */
    @Param("examples/halberd-networks-2007-release.txt")
    public String file;

    private Caveat caveat;
    private String text;

    /**
     * Loads the model once per trial.
     *
     * @throws IOException if the model or the input cannot be read
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        caveat = Caveat.loadDefault();
        text = Files.readString(Path.of(file));
    }

    /**
     * The whole pipeline on one document.
     *
     * @return the analysis
     */
    @Benchmark
    public Analysis analyze() {
        return caveat.analyze(text);
    }

    /**
     * CoreNLP's PTB tokenizer and sentence splitter alone on the same text, the reference.
     *
     * @param bh consumes the sentences
     */
    @Benchmark
    public void coreNlpTokenizeAndSplit(Blackhole bh) {
        PTBTokenizer<CoreLabel> tok = new PTBTokenizer<>(new StringReader(text), new CoreLabelTokenFactory(),
                "invertible=false,tokenizeNLs=false,ptb3Escaping=false,untokenizable=noneKeep");
        List<CoreLabel> tokens = new ArrayList<>();
        while (tok.hasNext()) {
            tokens.add(tok.next());
        }
        bh.consume(new WordToSentenceProcessor<CoreLabel>().process(tokens));
    }
}
