package org.caveat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.commons.text.StringEscapeUtils;
import org.caveat.report.Reports;
import org.caveat.train.CorpusDocument;
import org.caveat.train.CorpusReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One shared {@link Caveat} on 8 threads gives, for every document, exactly the JSON that a single thread
 * gives. The documents are every training document as plain text, a third of them again as HTML (another
 * reader path), and the example filing: over 200 in all.
 */
class ConcurrencyIT {
    private static final int THREADS = 8;

    private record Input(String name, byte[] bytes) {
    }

    private static List<Input> inputs() throws IOException {
        List<Input> inputs = new ArrayList<>();
        List<CorpusDocument> docs = CorpusReader.readAll(Path.of("training-data"));
        for (int i = 0; i < docs.size(); i++) {
            CorpusDocument d = docs.get(i);
            inputs.add(new Input(d.name(), d.text().getBytes(StandardCharsets.UTF_8)));
            if (i % 3 == 0) {
                StringBuilder html = new StringBuilder("<html><body>");
                for (String p : d.text().split("\n\\s*\n")) {
                    html.append(i % 2 == 0 ? "<p><b>" : "<div>").append(StringEscapeUtils.escapeHtml4(p))
                            .append(i % 2 == 0 ? "</b></p>\n" : "</div>\n");
                }
                inputs.add(new Input(d.name() + ".html", html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8)));
            }
        }
        try (var examples = Files.list(Path.of("examples"))) {
            for (Path p : examples.sorted().toList()) {
                inputs.add(new Input(p.getFileName().toString(), Files.readAllBytes(p)));
            }
        }
        return inputs;
    }

    private static String json(Caveat caveat, Input in) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Reports.writeJson(caveat.analyze(in.bytes(), in.name(), null), out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(in.name(), e);
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void eightThreadsOnOneSharedInstanceGiveTheSingleThreadOutput() throws Exception {
        Caveat caveat = Caveat.loadDefault();
        List<Input> inputs = inputs();
        assertTrue(inputs.size() >= 200, inputs.size() + " documents");
        long t0 = System.nanoTime();
        List<String> single = new ArrayList<>();
        for (Input in : inputs) {
            single.add(json(caveat, in));
        }
        long t1 = System.nanoTime();
        // The pool's threads start together (the latch), and take the documents in a shuffled order, so that
        // different documents are analysed side by side on the one instance.
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(8));
            List<Future<String>> results = new ArrayList<>(Collections.nCopies(inputs.size(), null));
            for (int i : order) {
                results.set(i, pool.submit(() -> {
                    start.await();
                    return json(caveat, inputs.get(i));
                }));
            }
            start.countDown();
            for (int i = 0; i < inputs.size(); i++) {
                assertEquals(single.get(i), results.get(i).get(), inputs.get(i).name());
            }
        } finally {
            pool.shutdownNow();
        }
        long t2 = System.nanoTime();
        System.out.printf("concurrency: %d documents, 1 thread %d ms, %d threads %d ms%n", inputs.size(),
                (t1 - t0) / 1_000_000, THREADS, (t2 - t1) / 1_000_000);
    }
}
