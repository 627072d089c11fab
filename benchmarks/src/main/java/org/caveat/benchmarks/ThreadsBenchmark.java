package org.caveat.benchmarks;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.caveat.Analysis;
import org.caveat.Caveat;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One shared {@link Caveat} instance analysing the HTML 10-K on one thread and on two. JMH reports the
 * total throughput of all threads, so the ratio of the two scores is the scaling. The warm-up is longer
 * than elsewhere: with two busy threads on two cores, the JIT compiler threads get little time, and the
 * two-thread score is still climbing after four 3-second warm-up iterations.
 *
 * <p>Run from the project folder, on a machine with at least two idle cores:
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ThreadsBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 8, time = 3)
@Measurement(iterations = 5, time = 3)
public class ThreadsBenchmark {
    /** {@code generated} for the 10-K built from the training documents, or the path of an HTML filing. */
    @Param("generated")
    public String tenK;

    private Caveat caveat;
    private byte[] bytes;

    /** Loads the one shared instance and the input. */
    @Setup(Level.Trial)
    public void setUp() throws org.caveat.InvalidModelException {
        caveat = Caveat.loadDefault();
        bytes = Inputs.tenK(Path.of("."), tenK);
    }

    /** @return the analysis, one thread */
    @Benchmark
    @Threads(1)
    public Analysis oneThread() throws org.caveat.UnreadableDocumentException {
        return caveat.analyze(bytes, "10-k.htm", null);
    }

    /** @return the analysis, two threads on the same instance */
    @Benchmark
    @Threads(2)
    public Analysis twoThreads() throws org.caveat.UnreadableDocumentException {
        return caveat.analyze(bytes, "10-k.htm", null);
    }
}
