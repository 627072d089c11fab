package org.caveat.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.caveat.Analysis;
import org.caveat.Caveat;
import org.caveat.CategoryScore;
import org.caveat.SourceFormat;
import org.caveat.RiskItem;
import org.caveat.compare.ChangeStatus;
import org.caveat.compare.RiskDiff;
import org.caveat.train.CorpusReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code Caveat.diff} of two risk-factor sections of about 100 KB each: the older one holds the risk factors
 * that the analyser finds in the training corpus's risk-factor sections, each as a heading line and its body
 * under one "Item 1A. Risk Factors" heading; the newer one a perturbed copy, with one
 * factor in 9 removed, one in 5 edited (a word in 12 replaced, a sentence appended) and a new factor after one
 * in 11. The corpus is analysed once in the set-up; the benchmark is the matching and word diffs alone.
 *
 * <p>Run from the project folder (the inputs are built from {@code training-data/}):
 * <pre>
 * mvn -q -DskipTests install &amp;&amp; (cd benchmarks &amp;&amp; mvn -q package)
 * java -jar benchmarks/target/benchmarks.jar DiffBenchmark -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DiffBenchmark {
    /** The size each section reaches, in characters. */
    static final int SIZE = 100_000;
    private static final String[] WORDS = {"materially", "significant", "adverse", "regulatory", "suppliers",
        "customers", "competition", "liquidity", "interest", "currency", "litigation", "cyber"};

    private Caveat caveat;
    private Analysis older;
    private Analysis newer;

    /** Loads the model, analyses the corpus's risk sections and builds both sections once per trial. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        caveat = Caveat.loadDefault();
        List<Factor> factors = factors(caveat, Path.of("."));
        older = section(factors);
        newer = section(perturbed(factors));
        String a = older.text();
        String b = newer.text();
        RiskDiff d = caveat.diff(older, newer);
        System.out.printf("%ninputs: older %d chars, %d factors; newer %d chars, %d factors; diff: %d added, %d removed, "
                + "%d changed, %d unchanged (%d factors taken from the corpus)%n", a.length(), older.riskItems().size(), b.length(), newer.riskItems().size(),
                d.count(ChangeStatus.ADDED), d.count(ChangeStatus.REMOVED), d.count(ChangeStatus.CHANGED),
                d.count(ChangeStatus.UNCHANGED), factors.size());
    }

    /** @return the risk-factor diff of the two sections */
    @Benchmark
    public RiskDiff diff() {
        return caveat.diff(older, newer);
    }

    /** A risk factor: its heading, its body and its categories. */
    record Factor(String heading, String body, List<CategoryScore> categories) {
    }

    /** The factors of the training corpus's risk sections, as the analyser finds them, up to {@link #SIZE}. */
    static List<Factor> factors(Caveat caveat, Path root) throws IOException {
        List<Path> cavs;
        try (Stream<Path> s = Files.list(root.resolve("training-data/risk"))) {
            cavs = s.filter(p -> p.toString().endsWith(".cav")).sorted().toList();
        }
        List<Factor> out = new ArrayList<>();
        int size = 0;
        for (Path p : cavs) {
            String t;
            try {
                t = CorpusReader.read(p, p.getFileName().toString()).text();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p + "; run the benchmarks from the project folder", e);
            }
            for (RiskItem r : caveat.analyze(t).riskItems()) {
                if (r.isRiskFactor() && size < SIZE) {
                    String body = r.text().substring(r.headingEnd() - r.start()).strip();
                    out.add(new Factor(r.heading().replaceAll("\\s+", " "), body, r.categories()));
                    size += r.text().length() + 4;
                }
            }
        }
        return out;
    }

    /**
     * One Item 1A section, each factor a heading line and its body separated by blank lines, as an analysis
     * whose risk items are exactly those factors. (The structure analyser does not find every factor of so
     * many sections of different styles laid end to end, and the benchmark is about the diff.)
     */
    static Analysis section(List<Factor> factors) {
        StringBuilder b = new StringBuilder("Item 1A. Risk Factors\n\n");
        List<RiskItem> items = new ArrayList<>();
        for (Factor f : factors) {
            int start = b.length();
            b.append(f.heading());
            int headingEnd = b.length();
            b.append("\n\n").append(f.body());
            items.add(new RiskItem(items.size(), start, b.length(), b.substring(start), List.of(), f.categories(),
                    headingEnd));
            b.append("\n\n");
        }
        return new Analysis(null, "benchmark", SourceFormat.PLAIN_TEXT, b.toString(), List.of(), items);
    }

    /** One factor in 9 removed, one in 5 edited, and a new factor after one in 11. */
    static List<Factor> perturbed(List<Factor> factors) {
        Random random = new Random(8);
        List<Factor> out = new ArrayList<>();
        for (int i = 0; i < factors.size(); i++) {
            Factor f = factors.get(i);
            if (i % 9 == 4) {
                continue;
            }
            if (i % 5 == 2) {
                String[] w = f.body().split(" ");
                for (int k = 5; k < w.length; k += 12) {
                    if (!w[k].contains("\n")) {
                        w[k] = WORDS[random.nextInt(WORDS.length)];
                    }
                }
                out.add(new Factor(f.heading(), String.join(" ", w) + " These risks may increase in the coming year.",
                        f.categories()));
            } else {
                out.add(f);
            }
            if (i % 11 == 6) {
                out.add(new Factor("We may be affected by new rules on " + WORDS[random.nextInt(WORDS.length)]
                        + " reporting adopted in " + (1990 + i) + ".",
                    "Regulators proposed rule number " + i + " that would require us to disclose our "
                        + WORDS[random.nextInt(WORDS.length)] + " exposures every quarter. Complying could be costly "
                        + "and could divert the attention of our management from our " + WORDS[random.nextInt(WORDS.length)]
                        + " business.", f.categories()));
            }
        }
        return out;
    }
}
