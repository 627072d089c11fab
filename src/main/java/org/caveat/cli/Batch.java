package org.caveat.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.caveat.Analysis;
import org.caveat.Segment;
import org.caveat.SegmentType;

/**
 * The inputs of one {@code analyze} run and the run itself: arguments expanded into files (directories
 * walked, lists read from standard input), analysed on a pool of threads sharing one {@code Caveat},
 * with a progress bar and a closing summary on standard error.
 */
final class Batch {
    /** The file names a directory walk picks up. */
    private static final Set<String> EXTENSIONS = Set.of("txt", "htm", "html", "xhtml", "xml", "sgml", "nc");

    /** One input: the file, and the name its outputs get under {@code --out} (a relative path). */
    record Input(Path path, String argument, String outName) {
    }

    /** What one analysed file adds to the summary. */
    record Counts(long bytes, Map<SegmentType, Integer> segments, int riskItems) {
        static Counts of(long bytes, Analysis a) {
            Map<SegmentType, Integer> m = new EnumMap<>(SegmentType.class);
            for (Segment s : a.segments()) {
                m.merge(s.type(), 1, Integer::sum);
            }
            return new Counts(bytes, m, a.riskItems().size());
        }
    }

    /** Analyses and writes one input; throws with a message naming the problem. */
    @FunctionalInterface
    interface Job {
        Counts run(Input input) throws Exception;
    }

    private Batch() {
    }

    /**
     * Expands the FILE arguments: a directory gives the files under it with the {@link #EXTENSIONS} (not
     * hidden, not our own {@code .analysed.txt}), in sorted order, named under {@code --out} by their path
     * inside the directory; {@code -} and {@code --files-from} read one path a line.
     *
     * @param arguments the FILE arguments
     * @param filesFrom the {@code --files-from} value, or null
     * @param stdin standard input, for {@code -}
     * @return the inputs, in argument order
     * @throws IOException if a directory cannot be walked or a list cannot be read
     */
    static List<Input> expand(List<String> arguments, String filesFrom, InputStream stdin) throws IOException {
        List<String> args = new ArrayList<>();
        boolean readStdin = false;
        for (String a : arguments) {
            if (a.equals("-")) {
                if (!readStdin) {
                    args.addAll(lines(stdin));
                    readStdin = true;
                }
            } else {
                args.add(a);
            }
        }
        if (filesFrom != null) {
            if (filesFrom.equals("-")) {
                if (!readStdin) {
                    args.addAll(lines(stdin));
                }
            } else {
                try (InputStream in = Files.newInputStream(Path.of(filesFrom))) {
                    args.addAll(lines(in));
                } catch (java.nio.file.NoSuchFileException e) {
                    throw new IOException("--files-from " + filesFrom + ": no such file", e);
                }
            }
        }
        List<Input> out = new ArrayList<>();
        for (String a : args) {
            Path p = Path.of(a);
            if (Files.isDirectory(p)) {
                out.addAll(walk(p, a));
            } else {
                out.add(new Input(p, a, p.getFileName() == null ? a : p.getFileName().toString()));
            }
        }
        return out;
    }

    private static List<String> lines(InputStream in) throws IOException {
        List<String> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        return out;
    }

    private static List<Input> walk(Path dir, String argument) throws IOException {
        List<Input> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> wanted(dir.relativize(f)))
                    .map(f -> dir.relativize(f))
                    .sorted()
                    .forEach(rel -> out.add(new Input(dir.resolve(rel), dir.resolve(rel).toString(),
                            rel.toString().replace('\\', '/'))));
        } catch (java.io.UncheckedIOException e) {
            throw new IOException("cannot read folder " + argument + ": " + e.getCause().getMessage(), e.getCause());
        }
        return out;
    }

    private static boolean wanted(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        String name = relative.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1)) && !name.endsWith(".analysed.txt");
    }

    /**
     * Runs the job on every input with {@code threads} threads. A failing input is named on {@code err}
     * as it fails; the others go on.
     *
     * @param inputs the inputs
     * @param threads how many at once
     * @param job analyses and writes one input
     * @param err standard error
     * @param progress whether to draw a progress bar on {@code err}
     * @param summary whether to write the summary on {@code err} at the end
     * @return the number of inputs that failed
     */
    static int run(List<Input> inputs, int threads, Job job, PrintStream err, boolean progress, boolean summary) {
        long totalBytes = 0;
        for (Input in : inputs) {
            try {
                totalBytes += Files.size(in.path());
            } catch (IOException | RuntimeException e) {
                // A missing or unreadable file fails in its job, with a message.
            }
        }
        Progress bar = new Progress(err, inputs.size(), totalBytes, progress);
        Map<SegmentType, Integer> segments = new EnumMap<>(SegmentType.class);
        int items = 0;
        int failed = 0;
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "caveat-analyze");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            List<Future<Counts>> futures = new ArrayList<>();
            for (Input in : inputs) {
                java.util.concurrent.Callable<Counts> task = () -> {
                    try {
                        Counts c = job.run(in);
                        bar.done(c.bytes(), false);
                        return c;
                    } catch (Exception | OutOfMemoryError | StackOverflowError e) {
                        // The failed analysis's memory is garbage now: report the file and go on with the others.
                        bar.message("caveat: " + in.argument() + ": " + message(e));
                        bar.done(0, true);
                        return null;
                    }
                };
                if (pool == null) {
                    futures.add(java.util.concurrent.CompletableFuture.completedFuture(call(task)));
                } else {
                    futures.add(pool.submit(task));
                }
            }
            for (Future<Counts> f : futures) {
                Counts c = get(f);
                if (c == null) {
                    failed++;
                    continue;
                }
                c.segments().forEach((t, n) -> segments.merge(t, n, Integer::sum));
                items += c.riskItems();
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        bar.finish();
        if (summary) {
            double seconds = bar.seconds();
            double mb = bar.doneBytes() / 1e6;
            err.printf(Locale.ROOT, "caveat: %d files, %d failed; %.1f MB in %.1f s (%.2f MB/s, %d thread%s)%n",
                    inputs.size(), failed, mb, seconds, seconds > 0 ? mb / seconds : 0.0, threads, threads == 1 ? "" : "s");
            StringBuilder b = new StringBuilder("caveat: segments");
            int all = 0;
            for (SegmentType t : SegmentType.values()) {
                int n = segments.getOrDefault(t, 0);
                all += n;
                b.append(t.ordinal() == 0 ? " " : ", ").append(t).append(' ').append(n);
            }
            err.println(b.append(" (").append(all).append(" in all); risk items ").append(items));
        }
        return failed;
    }

    private static Counts call(java.util.concurrent.Callable<Counts> task) {
        try {
            return task.call();
        } catch (Exception e) {
            return null;
        }
    }

    private static Counts get(Future<Counts> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static String message(Throwable e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof OutOfMemoryError || e instanceof StackOverflowError) {
            return "ran out of " + (e instanceof OutOfMemoryError ? "memory" : "stack") + " while analysing it; give Java "
                    + "more (for example java -Xmx4g -jar caveat-cli.jar ...), use fewer --threads, or lower "
                    + "--max-input-mb to refuse such files";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /**
     * A one-line progress bar on standard error: files, megabytes, rate and time, redrawn at most ten
     * times a second. Messages printed meanwhile clear the line first. Thread-safe.
     */
    static final class Progress {
        private static final int BAR = 24;
        private final PrintStream err;
        private final int files;
        private final long bytes;
        private final boolean draw;
        private final long t0 = System.nanoTime();
        private int done;
        private int failed;
        private long doneBytes;
        private long lastDraw;
        private int lastWidth;

        Progress(PrintStream err, int files, long bytes, boolean draw) {
            this.err = err;
            this.files = files;
            this.bytes = bytes;
            this.draw = draw;
        }

        synchronized void done(long fileBytes, boolean fail) {
            done++;
            doneBytes += fileBytes;
            if (fail) {
                failed++;
            }
            long now = System.nanoTime();
            if (draw && (now - lastDraw > 100_000_000L || done == files)) {
                lastDraw = now;
                redraw();
            }
        }

        synchronized void message(String line) {
            clear();
            err.println(line);
            if (draw && done > 0) {
                redraw();
            }
        }

        synchronized void finish() {
            if (draw) {
                redraw();
                err.println();
                lastWidth = 0;
            }
        }

        synchronized double seconds() {
            return (System.nanoTime() - t0) / 1e9;
        }

        synchronized long doneBytes() {
            return doneBytes;
        }

        private void clear() {
            if (lastWidth > 0) {
                err.print("\r" + " ".repeat(lastWidth) + "\r");
                lastWidth = 0;
            }
        }

        private void redraw() {
            double s = seconds();
            int filled = files == 0 ? BAR : (int) ((long) BAR * done / files);
            String line = String.format(Locale.ROOT, "[%s%s] %d/%d files  %.1f/%.1f MB  %.2f MB/s  %.1f s%s",
                    "#".repeat(filled), ".".repeat(BAR - filled), done, files, doneBytes / 1e6, bytes / 1e6,
                    s > 0 ? doneBytes / 1e6 / s : 0.0, s, failed > 0 ? "  " + failed + " failed" : "");
            String pad = line.length() < lastWidth ? " ".repeat(lastWidth - line.length()) : "";
            err.print("\r" + line + pad);
            err.flush();
            lastWidth = line.length();
        }
    }
}
