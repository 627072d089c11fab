package org.caveat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.caveat.train.CorpusDocument;
import org.caveat.train.CorpusReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A 50 MB input, analysed for real: varied press-release and risk-factor paragraphs from {@code training-data/}
 * with their years and numbers changed. It must finish within the hostile suite's bound per MB and in the
 * failsafe heap (-Xmx3g); the test prints the time and the highest heap use it saw.
 */
class LargeInputIT {
    private static final int SIZE = 50_000_000;
    private static final long MS_PER_MB = 15_000;

    private static byte[] fiftyMegabytes() throws IOException {
        List<CorpusDocument> docs = CorpusReader.readAll(Path.of("training-data"));
        Random r = new Random(50);
        StringBuilder b = new StringBuilder(SIZE + 100_000);
        while (b.length() < SIZE) {
            String[] paragraphs = docs.get(r.nextInt(docs.size())).text().split("\n\\s*\n");
            int from = r.nextInt(paragraphs.length);
            for (int k = from; k < Math.min(paragraphs.length, from + 1 + r.nextInt(12)); k++) {
                b.append(paragraphs[k].replace("2009", Integer.toString(1990 + r.nextInt(35)))
                        .replace(" 1", " " + r.nextInt(10))).append("\n\n");
            }
        }
        b.setLength(SIZE);
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void fiftyMegabytesAreAnalysedInBoundedTimeAndMemory() throws Exception {
        Caveat caveat = Caveat.loadDefault();
        byte[] input = fiftyMegabytes();
        assertTrue(input.length >= SIZE, input.length + " bytes");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        long[] peak = {before};
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak[0] = Math.max(peak[0], memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watcher.setDaemon(true);
        watcher.start();
        long t0 = System.nanoTime();
        Analysis a = caveat.analyze(input, "fifty.txt", null);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        watcher.interrupt();
        watcher.join();
        System.out.printf("50 MB: %d segments, %d risk items in %d ms (%.2f s/MB); heap before %d MB, highest seen %d MB "
                + "(of -Xmx %d MB)%n", a.segments().size(), a.riskItems().size(), ms, ms / 1000.0 / (input.length / 1e6),
                before >> 20, peak[0] >> 20, Runtime.getRuntime().maxMemory() >> 20);
        assertTrue(ms <= MS_PER_MB * input.length / 1_000_000, "50 MB took " + ms + " ms");
        assertTrue(a.segments().size() > 300_000, a.segments().size() + " segments");
        Contract.checkRecords(a);
    }
}
