package org.caveat;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.caveat.read.DocumentReader;
import org.caveat.read.ReadResult;
import org.caveat.segment.SegmentSpan;
import org.caveat.segment.Segmenter;
import org.caveat.train.CorpusDocument;
import org.caveat.train.CorpusReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random inputs for the reader, the segmenter and the whole pipeline: real snippets (HTML, EDGAR SGML, press
 * releases, a 10-K) cut, spliced, flipped and salted with markup, invisible characters and binary bytes.
 * Each input either gives a result that meets output.md or an {@link UnreadableDocumentException}; anything
 * else fails with the seed that reproduces it.
 *
 * <p>Runs are time-bounded (each test {@code caveat.fuzz.seconds}, default 15, set by {@code .ci/run}) and
 * deterministic per input: input {@code i} of a test is made from seed {@code BASE_SEED + i}, so a failure is
 * replayed with {@link #input(long)}. Crashes found here are kept as named tests in {@link HostileInputTest}
 * and the package tests.
 */
class FuzzTest {
    static final long BASE_SEED = 0x5eed_ca7eL;
    private static final long SECONDS = Long.getLong("caveat.fuzz.seconds", 15);
    private static final String[] TOKENS = {"<DOCUMENT>", "</DOCUMENT>", "<TEXT>", "</TEXT>", "<TYPE>EX-99.1\n", "<TYPE>8-K\n",
        "<SEC-DOCUMENT>", "<PAGE>", "<p>", "</p>", "<b>", "</b>", "<div style=\"display:none\">", "<table><tr><td>", "</td><td>",
        "<br>", "<pre>", "</pre>", "<!--", "-->", "<script>", "<ix:header>", "&#8203;", "&nbsp;", "&#x1F4C8;", "&", "<", ">",
        "Item 1A. Risk Factors\n\n", "Item 1B.\n", "Risk Factors\n", "About Acme\n\n", "include:\n", "\u2022 ", "(i) ", "(ii) ",
        "; and ", " such as ", " including ", "Inc. ", "U.S. ", "forward-looking statements", "\n", "\n\n", "\r\n", "\t", "   ",
        "\u0000", "\u0085", "\u00a0", "\u200b", "\u200f", "\u202e", "\u2028", "\ufeff", "\ud83d\udcc8", "\ud83d", "\ude00",
        "\u05e2\u05d1\u05e8", "\u0627\u0644", "$1.2 million", "12%", "ir@acme.com", "www.acme.com", "..........", "----------"};
    private static final List<String> SEEDS = new ArrayList<>();
    private static Caveat caveat;

    @BeforeAll
    static void load() throws IOException {
        caveat = Caveat.loadDefault();
        List<CorpusDocument> docs = CorpusReader.readAll(Path.of("training-data"));
        for (int i = 0; i < docs.size(); i += 12) {
            String t = docs.get(i).text();
            SEEDS.add(t.substring(0, Math.min(t.length(), 3000)));
        }
        SEEDS.add("<html><head><title>t</title></head><body><p><b>Acme Reports Results</b></p><p>Revenue rose 10&nbsp;percent."
                + "<br>Margins improved.</p><table><tr><td>Revenue</td><td>$ 12.1</td></tr></table><ul><li>First</li>"
                + "<li>Second</li></ul><p>Factors include competition; supply; and rates.</p></body></html>");
        SEEDS.add("<SEC-DOCUMENT>0001-24-1.txt\n<SEC-HEADER>\nCONFORMED SUBMISSION TYPE:\t8-K\n</SEC-HEADER>\n<DOCUMENT>\n"
                + "<TYPE>8-K\n<SEQUENCE>1\n<TEXT>\n<html><body><p>FORM 8-K</p></body></html>\n</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n"
                + "<TYPE>EX-99.1\n<SEQUENCE>2\n<TEXT>\nAcme reports a record quarter.\n<PAGE>\nRisks include competition.\n"
                + "</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n");
        SEEDS.add("FORM 10-K\n\nItem 1. Business\n\nAcme makes widgets.\n\nItem 1A. Risk Factors\n\nWe depend on few customers.\n\n"
                + "The loss of a customer would harm us.\n\nCompetition could reduce our margins.\n\nRivals may cut prices.\n\n"
                + "Item 2. Properties\n\nA plant in Ohio.\n");
    }

    /**
     * Makes input {@code seed}: one or two real snippets, mutated a few times.
     *
     * @param seed the input's seed
     * @return the input's bytes
     */
    static byte[] input(long seed) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder(SEEDS.get(r.nextInt(SEEDS.size())));
        int mutations = 1 + r.nextInt(8);
        for (int m = 0; m < mutations; m++) {
            int at = b.length() == 0 ? 0 : r.nextInt(b.length() + 1);
            switch (r.nextInt(7)) {
                case 0 -> b.insert(at, TOKENS[r.nextInt(TOKENS.length)]);
                case 1 -> b.delete(at, Math.min(b.length(), at + r.nextInt(200)));
                case 2 -> { // duplicate a range, sometimes many times
                    int end = Math.min(b.length(), at + r.nextInt(300));
                    String piece = b.substring(at, end);
                    b.insert(at, piece.repeat(1 + (r.nextInt(4) == 0 ? r.nextInt(200) : 1)));
                }
                case 3 -> {
                    String other = SEEDS.get(r.nextInt(SEEDS.size()));
                    int from = r.nextInt(other.length());
                    b.insert(at, other, from, Math.min(other.length(), from + r.nextInt(800)));
                }
                case 4 -> {
                    for (int k = r.nextInt(20); k > 0 && b.length() > 0; k--) {
                        b.setCharAt(r.nextInt(b.length()), (char) r.nextInt(r.nextBoolean() ? 128 : 0x10000));
                    }
                }
                case 5 -> b.insert(at, TOKENS[r.nextInt(TOKENS.length)].repeat(1 + r.nextInt(500)));
                default -> b.setLength(at);
            }
        }
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        if (r.nextInt(10) == 0 && bytes.length > 0) { // raw byte damage: invalid UTF-8, stray NULs
            for (int k = 1 + r.nextInt(10); k > 0; k--) {
                bytes[r.nextInt(bytes.length)] = (byte) r.nextInt(256);
            }
        }
        return bytes;
    }

    private interface Check {
        void run(byte[] input) throws Exception;
    }

    /** Runs the check on inputs BASE_SEED, BASE_SEED + 1, ... until the time is up. */
    private static int fuzz(long salt, Check check) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        int n = 0;
        while (System.nanoTime() < deadline) {
            long seed = BASE_SEED + salt + n;
            byte[] in = input(seed);
            try {
                check.run(in);
            } catch (UnreadableDocumentException refused) {
                assertFalse(refused.getMessage() == null || refused.getMessage().isBlank(), "seed " + seed + ": no message");
            } catch (Throwable t) {
                throw new AssertionError("input of seed " + seed + " (FuzzTest.input(" + seed + "L)) failed: " + t, t);
            }
            n++;
        }
        assertTrue(n > 0);
        System.out.printf("fuzz: %d inputs in %d s (seeds %d..%d)%n", n, SECONDS, BASE_SEED + salt, BASE_SEED + salt + n - 1);
        return n;
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void readerNeverFailsOtherThanAsDocumented() {
        fuzz(0, in -> {
            ReadResult r = DocumentReader.read(in, null);
            assertTrue(r.emphasis() != null && r.text() != null);
        });
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void segmenterCoversEveryText() {
        Segmenter segmenter = new Segmenter();
        fuzz(1_000_000, in -> {
            String text = new String(in, StandardCharsets.UTF_8);
            List<SegmentSpan> spans = segmenter.segment(text);
            boolean[] covered = new boolean[text.length()];
            int last = 0;
            for (SegmentSpan s : spans) {
                assertTrue(s.start() >= last && s.end() > s.start(), "sorted and not overlapping: " + s);
                assertFalse(Contract.isWhitespace(text.charAt(s.start())) || Contract.isWhitespace(text.charAt(s.end() - 1)));
                for (int i = s.start(); i < s.end(); i++) {
                    covered[i] = true;
                }
                last = s.end();
            }
            for (int i = 0; i < text.length(); i++) {
                assertTrue(covered[i] || Contract.isWhitespace(text.charAt(i)), "uncovered character at " + i);
            }
        });
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void analysisMeetsTheContractOrRefusesAsDocumented() {
        fuzz(2_000_000, in -> Contract.check(caveat.analyze(in, "fuzz.txt", null)));
    }
}
