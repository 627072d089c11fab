package org.caveat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int runWithInput(String stdin, String... args) {
        return Main.run(args, new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** A folder tree of filings and of files that are not filings. */
    private static Path tree(Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.txt"), RELEASE);
        Files.writeString(Files.createDirectories(in.resolve("sub/deeper")).resolve("b.htm"),
                "<html><body><p>Acme announced a dividend today.</p><p>Risks include competition; and inflation.</p></body></html>");
        Files.writeString(in.resolve("sub").resolve("c.txt"), RELEASE.replace("Acme", "Zenith"));
        Files.writeString(in.resolve("sub").resolve("c.gold.json"), "{}");
        Files.writeString(in.resolve("notes.tsv"), "x\ty");
        Files.writeString(Files.createDirectories(in.resolve(".hidden")).resolve("d.txt"), RELEASE);
        return in;
    }

    private static java.util.Map<String, String> contents(Path dir) throws IOException {
        java.util.Map<String, String> m = new java.util.TreeMap<>();
        try (var files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString(), Files.readString(p));
            }
        }
        return m;
    }

    @Test
    void aFolderIsWalkedRecursivelyInOrderAndMirroredUnderOut(@TempDir Path dir) throws IOException {
        Path in = tree(dir);
        Path outDir = dir.resolve("out");
        assertEquals(0, run("analyze", "--out", outDir.toString(), in.toString()), err.toString(StandardCharsets.UTF_8));
        assertEquals(java.util.Set.of("a.txt.json", "sub/c.txt.json", "sub/deeper/b.htm.json"), contents(outDir).keySet());
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertTrue(stderr.contains("caveat: 3 files, 0 failed;"), stderr);
        assertTrue(stderr.contains("caveat: segments SAFE_HARBOR "), stderr);
        assertTrue(stderr.contains("risk items 8"), stderr);
        assertFalse(stderr.contains("\r"), "no progress bar when standard error is not a terminal");
    }

    @Test
    void twoThreadsWriteWhatOneThreadWrites(@TempDir Path dir) throws IOException {
        Path in = tree(dir);
        for (String format : new String[] {"json", "html"}) {
            Path one = dir.resolve("one-" + format);
            Path two = dir.resolve("two-" + format);
            assertEquals(0, run("analyze", "--format", format, "--out", one.toString(), in.toString()));
            assertEquals(0, run("analyze", "--format", format, "--threads", "2", "--out", two.toString(), in.toString()));
            assertEquals(contents(one), contents(two));
            assertEquals(3, contents(two).size());
        }
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(", 2 threads)"));
    }

    @Test
    void fileNamesAreReadFromStandardInputAndProgressCanBeForced(@TempDir Path dir) throws IOException {
        Path in = tree(dir);
        Path outDir = dir.resolve("out");
        String list = in.resolve("a.txt") + "\n\n" + in.resolve("sub/c.txt") + "\n" + dir.resolve("missing.txt") + "\n";
        assertEquals(1, runWithInput(list, "analyze", "--progress", "--threads", "2", "--out", outDir.toString(), "-"));
        assertEquals(java.util.Set.of("a.txt.json", "c.txt.json"), contents(outDir).keySet());
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertTrue(stderr.contains("missing.txt: no such file"), stderr);
        assertTrue(stderr.contains("3/3 files") && stderr.contains("MB/s") && stderr.contains("\r["), stderr);
        assertTrue(stderr.contains("caveat: 3 files, 1 failed;"), stderr);
        assertTrue(stderr.contains("caveat: 1 of 3 files failed"), stderr);
    }

    @Test
    void explainAddsExplanationsToJsonOnly(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("release.txt"), RELEASE);
        assertEquals(0, run("analyze", f.toString()));
        String plain = out.toString(StandardCharsets.UTF_8);
        out.reset();
        assertEquals(0, run("analyze", "--explain", f.toString()));
        JsonNode json = new ObjectMapper().readTree(out.toByteArray());
        assertTrue(json.get("segments").get(0).get("explanation").size() > 0);
        assertTrue(json.get("riskItems").get(0).get("categories").get(0).get("explanation").size() > 0);
        assertFalse(plain.contains("explanation"));
    }

    @Test
    void textIsColouredOnlyWhenAsked(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("release.txt"), RELEASE);
        assertEquals(0, run("analyze", "--format", "text", f.toString()));
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("\u001b"), "auto: standard output is not a terminal here");
        out.reset();
        assertEquals(0, run("analyze", "--format", "text", "--color", "always", f.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\u001b[4m"));
        out.reset();
        assertEquals(0, run("analyze", "--format", "text", "--color", "never", f.toString()));
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("\u001b"));
        assertEquals(2, run("analyze", "--color", "sometimes", f.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--color must be auto, always or never, was sometimes"));
    }

    @Test
    void badThreadCountsAndEmptyFoldersSayWhy(@TempDir Path dir) throws IOException {
        assertEquals(2, run("analyze", "--threads", "0", dir.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--threads must be from 1 to 256, was 0"));
        assertEquals(2, run("analyze", "--threads", "two", dir.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--threads takes a whole number, was two"));
        assertEquals(1, run("analyze", "--out", dir.resolve("o").toString(), Files.createDirectories(dir.resolve("empty")).toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no files to analyse"));
    }

    private static final String RELEASE = "Acme Reports Results\n\nNEW YORK, May 1, 2024 -- Acme Corp. today reported revenue of "
            + "$5 million.\n\nThis release contains forward-looking statements. Factors that could cause results to differ "
            + "include competition; supplier shortages; and changes in interest rates.\n";

    @Test
    void oneFileWithoutOutGoesToStandardOutputAsJson(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("release.txt"), RELEASE);
        assertEquals(0, run("analyze", f.toString()), err.toString(StandardCharsets.UTF_8));
        JsonNode json = new ObjectMapper().readTree(out.toByteArray());
        assertEquals("caveat/1", json.get("schema").asText());
        assertEquals("release.txt", json.get("source").asText());
        assertTrue(json.get("model").asText().startsWith("caveat-default"));
        JsonNode seg = json.get("segments").get(0);
        assertEquals(RELEASE.substring(seg.get("start").asInt(), seg.get("end").asInt()), seg.get("text").asText());
        assertEquals(3, json.get("riskItems").size());
        assertTrue(json.get("riskItems").get(0).get("categories").size() >= 1);
    }

    @Test
    void aMissingFileIsNamedAndTheOthersAreStillWritten(@TempDir Path dir) throws IOException {
        Path good = Files.writeString(dir.resolve("good.txt"), RELEASE);
        Path html = Files.writeString(dir.resolve("page.htm"), "<html><body><p>Acme announced a dividend today.</p></body></html>");
        Path missing = dir.resolve("missing.txt");
        Path outDir = dir.resolve("out");
        int status = run("analyze", "--format", "json", "--out", outDir.toString(), "--emit-text", good.toString(),
                missing.toString(), html.toString());
        assertEquals(1, status);
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertTrue(stderr.contains("missing.txt") && stderr.contains("no such file"), stderr);
        assertTrue(Files.exists(outDir.resolve("good.txt.json")));
        assertTrue(Files.exists(outDir.resolve("page.htm.json")));
        assertFalse(Files.exists(outDir.resolve("missing.txt.json")));
        assertEquals("Acme announced a dividend today.", Files.readString(outDir.resolve("page.htm.analysed.txt")));
        try (var files = Files.list(outDir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary files are left");
        }
    }

    /** Two inputs with one file name would write one output file; the second is refused by name, not silently lost. */
    @Test
    void sameFileNameInTwoFoldersIsNotOverwritten(@TempDir Path dir) throws IOException {
        Path a = Files.writeString(Files.createDirectories(dir.resolve("a")).resolve("x.txt"), RELEASE);
        Path b = Files.writeString(Files.createDirectories(dir.resolve("b")).resolve("x.txt"), "Another release.");
        Path outDir = dir.resolve("out");
        assertEquals(1, run("analyze", "--out", outDir.toString(), a.toString(), b.toString()));
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertTrue(stderr.contains(b.toString()) && stderr.contains("would overwrite"), stderr);
        assertTrue(Files.readString(outDir.resolve("x.txt.json")).contains("Acme"));
    }

    @Test
    void textAndHtmlFormatsAreWritten(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("r.txt"), RELEASE);
        Path outDir = dir.resolve("o");
        assertEquals(0, run("analyze", "--format", "html", "--out", outDir.toString(), f.toString()));
        assertTrue(Files.readString(outDir.resolve("r.txt.html")).contains("<span class=\"seg t-SAFE_HARBOR\""));
        assertEquals(0, run("analyze", "--format", "text", "--out", outDir.toString(), f.toString()));
        assertTrue(Files.readString(outDir.resolve("r.txt.txt")).contains("risk items: 3"));
    }

    @Test
    void usageErrorsExitWithTwoAndSayWhy() {
        assertEquals(2, run());
        assertEquals(2, run("analyse", "x.txt"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown command 'analyse'"));
        assertEquals(2, run("analyze", "--format", "pdf", "x.txt"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--format must be json, text or html"));
        assertEquals(2, run("analyze", "a.txt", "b.txt"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("several FILEs need --out DIR"));
    }

    @Test
    void aBadModelFileExitsWithThree(@TempDir Path dir) throws IOException {
        Path model = Files.writeString(dir.resolve("bad.cvm"), "not a model");
        Path f = Files.writeString(dir.resolve("r.txt"), RELEASE);
        assertEquals(3, run("analyze", "--model", model.toString(), f.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("not a Caveat model"), err.toString(StandardCharsets.UTF_8));
    }

    /** A batch with a binary file and an oversized file: both are named with the reason, every other file is written whole. */
    @Test
    void failingFilesAreNamedAndTheOthersAreWrittenWhole(@TempDir Path dir) throws IOException {
        Path first = Files.writeString(dir.resolve("first.txt"), RELEASE);
        Path png = Files.write(dir.resolve("chart.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        Path big = Files.writeString(dir.resolve("big.txt"), RELEASE.repeat(8000));
        Path last = Files.writeString(dir.resolve("last.txt"), RELEASE);
        Path outDir = dir.resolve("out");
        int status = run("analyze", "--max-input-mb", "1", "--out", outDir.toString(), first.toString(), png.toString(),
                big.toString(), last.toString());
        assertEquals(1, status);
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertTrue(stderr.contains(png + ": the input looks like a PNG image"), stderr);
        assertTrue(stderr.contains(big + ": ") && stderr.contains("over the input size limit of 1,048,576 bytes (1 MB)")
                && stderr.contains("--max-input-mb N"), stderr);
        assertTrue(stderr.contains("2 of 4 files failed"), stderr);
        for (Path ok : new Path[] {first, last}) {
            JsonNode json = new ObjectMapper().readTree(outDir.resolve(ok.getFileName() + ".json").toFile());
            assertEquals(ok.getFileName().toString(), json.get("source").asText(), "a whole JSON document");
        }
        try (var files = Files.list(outDir)) {
            assertEquals(java.util.List.of("first.txt.json", "last.txt.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no output, and no temporary file, for a failed input");
        }
        assertEquals(0, run("analyze", "--max-input-mb", "2", "--out", outDir.toString(), big.toString()), "a higher limit reads it");
    }

    @Test
    void maxInputMbMustBeAWholeNumberOfMegabytes() {
        assertEquals(2, run("analyze", "--max-input-mb", "0.5", "x.txt"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--max-input-mb takes a whole number of megabytes from 1 to 2047, was 0.5"));
        assertEquals(2, run("analyze", "--max-input-mb", "4096", "x.txt"));
        assertEquals(2, run("analyze", "x.txt", "--max-input-mb"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--max-input-mb needs a value"));
    }

    @Test
    void helpAfterACommandPrintsTheUsageAndSucceeds() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int status = Main.run(new String[] {"analyze", "--help"}, new java.io.PrintStream(out, true),
                new java.io.PrintStream(err, true));
        org.junit.jupiter.api.Assertions.assertEquals(Main.OK, status);
        org.junit.jupiter.api.Assertions.assertTrue(out.toString().contains("caveat analyze"), out.toString());
        org.junit.jupiter.api.Assertions.assertEquals("", err.toString());
    }

    @Test
    void diffWritesTheKnownChangesAsJsonAndHtml() throws IOException {
        String y1 = "src/test/resources/compare/year1.txt";
        String y2 = "src/test/resources/compare/year2.txt";
        assertEquals(0, run("diff", y1, y2), err.toString(StandardCharsets.UTF_8));
        JsonNode d = new ObjectMapper().readTree(out.toByteArray());
        assertEquals("caveat-diff/1", d.get("schema").asText());
        assertEquals("year1.txt", d.get("older").asText());
        java.util.List<String> statuses = new java.util.ArrayList<>();
        d.get("factors").forEach(f -> statuses.add(f.get("status").asText()));
        assertEquals(java.util.List.of("UNCHANGED", "CHANGED", "REMOVED", "UNCHANGED", "ADDED", "UNCHANGED", "UNCHANGED"),
                statuses);
        assertEquals(1, d.get("counts").get("ADDED").asInt());
        assertTrue(d.get("factors").get(2).get("newer").isNull());
        assertEquals("CUSTOMER_CONCENTRATION", d.get("factors").get(1).get("categories").get(0).get("id").asText());
        out.reset();
        assertEquals(0, run("diff", "--format", "html", y1, y2));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("<ins>Three</ins>"));
        assertEquals(2, run("diff", y1));
        assertEquals(2, run("diff", "--format", "text", y1, y2));
        assertEquals(1, run("diff", y1, "no/such/file.txt"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no/such/file.txt: no such file"));
    }

    @Test
    void indexIsBuiltAndUsedByAnalyze(@TempDir Path dir) throws IOException {
        Path in = tree(dir);
        Path index = dir.resolve("idx/filings.cvbx");
        assertEquals(0, run("index", in.toString(), "-o", index.toString()), err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("indexed 3 documents of 3 companies"),
                out.toString(StandardCharsets.UTF_8));
        out.reset();
        assertEquals(0, run("analyze", "--index", index.toString(), in.resolve("a.txt").toString()));
        JsonNode a = new ObjectMapper().readTree(out.toByteArray());
        a.get("segments").forEach(s -> assertTrue(s.get("boilerplateScore").asDouble() >= 0));
        out.reset();
        assertEquals(0, run("analyze", in.resolve("a.txt").toString()));
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("boilerplateScore"));
        Files.writeString(dir.resolve("bad.cvbx"), "garbage");
        assertEquals(3, run("analyze", "--index", dir.resolve("bad.cvbx").toString(), in.resolve("a.txt").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("not a Caveat boilerplate index"));
        assertEquals(2, run("index", in.toString()));
        assertEquals(1, run("index", dir.resolve("empty-nothing").toString(), "-o", index.toString()));
    }
}
