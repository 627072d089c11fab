package org.caveat.benchmarks;

import java.util.concurrent.TimeUnit;
import org.caveat.Caveat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading the bundled default model: reading the zip from the jar, checking every entry's SHA-256 and
 * the manifest, and building the weight tables.
 *
 * <p>{@code coldLoad} is the first load in a fresh JVM (ten forks, one load each: what a command-line
 * run pays); {@code warmLoad} is a load in a warmed-up JVM. Run from the project folder:
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ModelLoadBenchmark
 * </pre>
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ModelLoadBenchmark {
    /** @return a freshly loaded analyser, in a fresh JVM */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(value = 10, jvmArgsAppend = "-Xmx256m")
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public Caveat coldLoad() throws org.caveat.InvalidModelException {
        return Caveat.loadDefault();
    }

    /** @return a freshly loaded analyser, in a warm JVM */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Fork(value = 1, jvmArgsAppend = "-Xmx256m")
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public Caveat warmLoad() throws org.caveat.InvalidModelException {
        return Caveat.loadDefault();
    }
}
