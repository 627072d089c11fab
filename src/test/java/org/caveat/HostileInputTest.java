package org.caveat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken, huge and adversarial inputs (issue 6). Each gives a result that meets output.md
 * ({@link Contract}) or a documented exception whose message says what to do, within a time bounded per MB
 * of input. The 50 MB input is in {@code LargeInputIT}; random inputs are in {@code FuzzTest}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileInputTest {
    /**
     * Time allowed per MB of input, on top of {@link #BASE_MS}. Ordinary filings take about 2.5 s/MB on a
     * shared two-core machine; the quadratic paths this suite found took 30 to 140 s/MB.
     */
    private static final long MS_PER_MB = 15_000;
    private static final long BASE_MS = 3_000;
    private static Caveat caveat;

    @BeforeAll
    static void load() throws IOException {
        caveat = Caveat.loadDefault();
        caveat.analyze(sentences(200_000, 1)); // warm up the JIT, so the time bounds measure the algorithm
    }

    /** Analyses bytes as a file's content within the time bound, and checks the result against output.md. */
    private static Analysis analyze(byte[] input) throws UnreadableDocumentException {
        long t0 = System.nanoTime();
        Analysis a = caveat.analyze(input, "input", null);
        assertInTime(t0, input.length);
        return Contract.check(a);
    }

    private static Analysis analyze(String input) throws UnreadableDocumentException {
        return analyze(input.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertInTime(long t0, long bytes) {
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long allowed = BASE_MS + MS_PER_MB * bytes / 1_000_000;
        assertTrue(ms <= allowed, bytes + " bytes took " + ms + " ms; allowed " + allowed + " ms");
    }

    private static UnreadableDocumentException refused(byte[] input) {
        long t0 = System.nanoTime();
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> caveat.analyze(input, "input", null));
        assertInTime(t0, input.length);
        return e;
    }

    /** Press-release sentences (varied words and numbers) up to about {@code chars} characters. */
    static String sentences(int chars, long seed) {
        String[] subjects = {"Revenue", "Net income", "The company", "Acme", "Operating margin", "Our backlog", "Management"};
        String[] verbs = {"rose", "fell", "expects", "reported", "may decline", "increased", "could be harmed by"};
        String[] objects = {"competition in its markets", "demand for widgets", "interest rates", "supplier shortages",
            "new regulation", "currency movements", "the loss of key customers"};
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder(chars + 200);
        while (b.length() < chars) {
            int n = 2 + r.nextInt(5);
            for (int k = 0; k < n; k++) {
                b.append(subjects[r.nextInt(subjects.length)]).append(' ').append(verbs[r.nextInt(verbs.length)]).append(' ')
                        .append(objects[r.nextInt(objects.length)]).append(" by ").append(r.nextInt(100)).append(" percent. ");
            }
            b.append("\n\n");
        }
        return b.toString();
    }

    // --- Empty input ---

    @Test
    void emptyInputGivesNoSegments() throws IOException {
        assertTrue(analyze(new byte[0]).segments().isEmpty());
        assertTrue(Contract.check(caveat.analyze("")).segments().isEmpty());
    }

    @Test
    void whitespaceOnlyGivesNoSegments() throws IOException {
        assertTrue(analyze(" \n\t\r\n\u00a0\u2003\u3000\n \f").segments().isEmpty());
        assertTrue(analyze(" ".repeat(100_000) + "\n".repeat(100_000)).segments().isEmpty());
    }

    // --- Binary files ---

    @Test
    void pngIsRefusedAsAnImage() {
        byte[] png = new byte[4096];
        new Random(1).nextBytes(png);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, 0, png, 0, 8);
        String m = refused(png).getMessage();
        assertTrue(m.contains("PNG image") && m.contains("Caveat reads plain text, HTML and EDGAR submission files"), m);
    }

    @Test
    void pdfIsRefusedWithHowToExtractItsText() {
        byte[] pdf = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog >> endobj\nstream\nx\u009c\u0001endstream\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        String m = refused(pdf).getMessage();
        assertTrue(m.contains("PDF") && m.contains("pdftotext"), m);
    }

    @Test
    void randomBinaryIsRefusedWithWhatItLooksLike() {
        byte[] noise = new byte[1 << 16];
        new Random(2).nextBytes(noise);
        String m = refused(noise).getMessage();
        assertTrue(m.contains("binary data") && m.contains("control bytes"), m);
    }

    // --- Encodings ---

    @Test
    void invalidUtf8IsReadAsWindows1252() throws IOException {
        byte[] bytes = "Acme\u2019s \u201cnew\u201d plan \u2013 fiscal 1999 results rose.\n".repeat(200)
                .getBytes(Charset.forName("windows-1252"));
        Analysis a = analyze(bytes);
        assertTrue(a.text().startsWith("Acme\u2019s \u201cnew\u201d plan"), a.text().substring(0, 40));
    }

    @Test
    void truncatedAndOverlongUtf8SequencesDoNotFail() throws IOException {
        byte[] bytes = {'R', 'e', 'v', (byte) 0xE2, (byte) 0x82, ' ', 'r', 'o', 's', 'e', '.', ' ', (byte) 0xC0, (byte) 0xAF,
            'x', ' ', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'y', '.', (byte) 0xF0, (byte) 0x9F};
        Analysis a = analyze(bytes);
        assertFalse(a.segments().isEmpty());
    }

    @Test
    void utf16WithByteOrderMarkIsDecoded() throws IOException {
        String text = "Acme Reports Results\n\nRevenue rose 10 percent. Emoji \ud83d\udcc8 and \u05e2\u05d1\u05e8\u05d9\u05ea.\n";
        for (Charset cs : List.of(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
            byte[] body = text.getBytes(cs);
            byte[] bom = cs == StandardCharsets.UTF_16BE ? new byte[] {(byte) 0xFE, (byte) 0xFF} : new byte[] {(byte) 0xFF, (byte) 0xFE};
            byte[] bytes = new byte[body.length + 2];
            System.arraycopy(bom, 0, bytes, 0, 2);
            System.arraycopy(body, 0, bytes, 2, body.length);
            assertEquals(text, analyze(bytes).text(), cs.name());
        }
    }

    /** Regression: UTF-16 without a byte-order mark was refused as "binary data (50% control bytes)". */
    @Test
    void utf16WithoutByteOrderMarkIsDecoded() throws IOException {
        String text = "Acme Reports Results\n\nRevenue rose 10 percent from a year earlier.\n";
        assertEquals(text, analyze(text.getBytes(StandardCharsets.UTF_16LE)).text());
        assertEquals(text, analyze(text.getBytes(StandardCharsets.UTF_16BE)).text());
    }

    @Test
    void binaryBehindAUtf16ByteOrderMarkIsRefused() {
        byte[] bytes = new byte[8192];
        new Random(3).nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        String m = refused(bytes).getMessage();
        assertTrue(m.contains("UTF-16 byte-order mark but is not UTF-16 text"), m);
    }

    @Test
    void nulAndControlCharactersAreKeptAndCovered() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            b.append("Rev\u0000enue rose\u0007 ten\u001b percent.\u0001 Costs\u0008 fell\u007f.\u000b\n");
        }
        Analysis a = analyze(b.toString());
        assertEquals(b.toString(), a.text(), "plain text is analysed as it is");
        assertTrue(a.text().indexOf('\u0000') >= 0);
    }

    @Test
    void mostlyNulBytesAreRefusedAsBinary() {
        byte[] bytes = new byte[10_000];
        bytes[0] = 'A';
        String m = refused(bytes).getMessage();
        assertTrue(m.contains("binary data"), m);
    }

    // --- Long runs ---

    @Test
    void aHundredThousandCharacterSentenceWithoutPunctuation() throws IOException {
        String[] words = {"revenue", "growth", "the", "company", "risk", "market", "and", "of", "Acme", "customers"};
        Random r = new Random(4);
        StringBuilder b = new StringBuilder();
        while (b.length() < 100_000) {
            b.append(words[r.nextInt(words.length)]).append(' ');
        }
        Analysis a = analyze(b.toString().trim());
        assertTrue(a.segments().size() >= 20, "a run-on sentence is cut into bounded segments");
        assertTrue(a.segments().stream().allMatch(s -> s.text().length() <= 5000));
    }

    /** Regression (Cues): one word of 1,000,000 characters took 18.6 s (regexes backtracking per character). */
    @Test
    void aMillionCharacterWord() throws IOException {
        analyze("abcdefghij".repeat(100_000));
        analyze("1234567890".repeat(100_000));
    }

    @Test
    void linesOfOneMegabyte() throws IOException {
        StringBuilder b = new StringBuilder();
        Random r = new Random(5);
        for (int line = 0; line < 3; line++) {
            int end = b.length() + 1_000_000;
            while (b.length() < end) {
                b.append("word").append(r.nextInt(1000)).append(r.nextInt(10) == 0 ? ". " : " ");
            }
            b.append('\n');
        }
        Analysis a = analyze(b.toString());
        assertTrue(a.segments().size() > 200);
    }

    // --- HTML ---

    @Test
    void htmlNestedTenThousandLevelsDeep() throws IOException {
        for (String tag : List.of("div", "b", "span", "table><tr><td", "ul><li", "p")) {
            String open = "<" + tag + ">";
            String close = "</" + tag.replaceAll("><.*", "") + ">";
            String html = "<html><body><p>Acme Reports Results</p>" + open.repeat(10_000) + "Revenue rose at depth."
                    + close.repeat(10_000) + "<p>Revenue fell later.</p></body></html>";
            Analysis a = analyze(html);
            assertEquals(SourceFormat.HTML, a.format());
            assertTrue(a.text().contains("Revenue rose at depth.") && a.text().contains("Revenue fell later."), tag);
        }
    }

    @Test
    void unclosedAndBrokenTags() throws IOException {
        String html = "<html><body><p>Revenue rose <b>ten percent <i>in 2020 <div><table><tr><td>cell <td>next"
                + "<p>Second paragraph <a href=\"x\">link <span style=\"font-weight:bold\">bold <!-- comment never closed"
                + " <script>var x = '<p>not text</p>'";
        Analysis a = analyze(html);
        assertTrue(a.text().contains("Revenue rose ten percent in 2020"), a.text());
        assertFalse(a.text().contains("<"), "no markup in the analysed text: " + a.text());
        analyze("<html><body>" + "<p>Paragraph <b>unclosed ".repeat(20_000));
        analyze("<".repeat(100_000));
        analyze("<html>" + "<<>><</>&#x;&#99999999;&amp&lt;".repeat(10_000));
    }

    // --- EDGAR submissions ---

    private static final String HEADER = "<SEC-DOCUMENT>0000000000-24-000001.txt : 20240101\n<SEC-HEADER>\n"
            + "CONFORMED SUBMISSION TYPE:\t8-K\n</SEC-HEADER>\n";

    @Test
    void edgarDocumentUnclosedToTheEndOfTheFile() throws IOException {
        String sgml = HEADER + "<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<TEXT>\nAcme announced results today. Revenue rose.\n";
        Analysis a = Contract.check(caveat.analyze(sgml.getBytes(StandardCharsets.UTF_8), "s.txt", null));
        assertEquals("s.txt#8-K", a.source());
        assertEquals("Acme announced results today. Revenue rose.\n", a.text());
    }

    /** Regression: an unclosed {@code <DOCUMENT>} swallowed the next one, tags and all, and its exhibit could not be chosen. */
    @Test
    void edgarDocumentUnclosedBeforeTheNextOne() throws IOException {
        String sgml = HEADER + "<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<TEXT>\nFORM 8-K cover page.\n"
                + "<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<TEXT>\nAcme reports a record quarter. Revenue rose.\n</TEXT>\n</DOCUMENT>\n";
        byte[] bytes = sgml.getBytes(StandardCharsets.UTF_8);
        Analysis exhibit = Contract.check(caveat.analyze(bytes, "s.txt", null));
        assertEquals("s.txt#EX-99.1", exhibit.source(), "an 8-K's default is its EX-99 exhibit");
        assertEquals("Acme reports a record quarter. Revenue rose.\n", exhibit.text());
        Analysis cover = Contract.check(caveat.analyze(bytes, "s.txt", "8-K"));
        assertEquals("FORM 8-K cover page.\n", cover.text());
    }

    @Test
    void edgarSubmissionWithoutDocumentsOrWithoutTheRequestedOne() {
        UnreadableDocumentException none = assertThrows(UnreadableDocumentException.class,
                () -> caveat.analyze((HEADER + "</SEC-DOCUMENT>\n").getBytes(StandardCharsets.UTF_8), "s.txt", null));
        assertTrue(none.getMessage().contains("holds no <DOCUMENT> block"), none.getMessage());
        String sgml = HEADER + "<DOCUMENT>\n<TYPE>8-K\n<TEXT>\nCover.\n</TEXT>\n</DOCUMENT>\n";
        UnreadableDocumentException missing = assertThrows(UnreadableDocumentException.class,
                () -> caveat.analyze(sgml.getBytes(StandardCharsets.UTF_8), "s.txt", "EX-99.1"));
        assertTrue(missing.getMessage().contains("no document of type EX-99.1; it has: 8-K"), missing.getMessage());
    }

    /** Regression: every unclosed block was searched to the end of the file for its close tag. */
    @Test
    void edgarSubmissionOfManyUnclosedDocuments() throws IOException {
        StringBuilder b = new StringBuilder(HEADER.replace("8-K", "10-K"));
        for (int i = 0; i < 20_000; i++) {
            b.append("<DOCUMENT>\n<TYPE>EX-").append(i).append("\n<TEXT>\nExhibit ").append(i).append(" text.\n");
        }
        Analysis a = analyze(b.toString());
        assertEquals("Exhibit 0 text.\n", a.text());
    }

    // --- 10-K structure ---

    private static String tenK(String... sections) {
        StringBuilder b = new StringBuilder("UNITED STATES SECURITIES AND EXCHANGE COMMISSION\n\nFORM 10-K\n\nPART I\n\n"
                + "Item 1. Business\n\nAcme makes widgets for industrial customers. It was founded in 1950.\n\n");
        for (String s : sections) {
            b.append(s);
        }
        return b.append("Item 2. Properties\n\nAcme owns a plant in Ohio.\n").toString();
    }

    private static final String RISK_SECTION = "Item 1A. Risk Factors\n\n"
            + "We depend on a small number of customers.\n\n"
            + "The loss of any of our largest customers would reduce our revenue and could harm our results of operations.\n\n"
            + "Competition could reduce our margins.\n\n"
            + "Our competitors are larger than we are and may cut prices, which would force us to lower ours.\n\n"
            + "Changes in interest rates may raise our costs.\n\n"
            + "We borrow under a floating-rate credit facility, so higher rates would increase our interest expense.\n\n";

    @Test
    void tenKWithoutItem1A() throws IOException {
        Analysis a = analyze(tenK("Item 1B. Unresolved Staff Comments\n\nNone.\n\n"));
        assertTrue(a.riskItems().isEmpty(), () -> "no risk factors without Item 1A: " + a.riskItems());
    }

    @Test
    void tenKWithItem1ATwice() throws IOException {
        Analysis once = analyze(tenK(RISK_SECTION));
        assertEquals(3, once.riskItems().size(), () -> once.riskItems().toString());
        String shortSection = "Item 1A. Risk Factors\n\nSee our risk factors in the annual report.\n\n"
                + "Item 1B. Unresolved Staff Comments\n\nNone.\n\n";
        Analysis twice = analyze(tenK(shortSection, RISK_SECTION));
        assertEquals(3, twice.riskItems().size(), "the longer Item 1A is the risk section");
        assertTrue(twice.riskItems().get(0).text().startsWith("We depend on a small number of customers."));
        Analysis repeated = analyze(tenK(RISK_SECTION, RISK_SECTION));
        assertTrue(repeated.riskItems().size() >= 3, () -> repeated.riskItems().toString());
    }

    /** Regression (StructureAnalyzer): each "Item 1A" heading scanned forward to the next item: 1 MB of them took 45 s. */
    @Test
    void thousandsOfItem1AHeadings() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            b.append("Item 1A. Risk Factors\n\nWe may lose customers ").append(i).append(".\n\n");
        }
        analyze(b.toString());
    }

    /**
     * Checking whether a pre-2005 "Factors That May Affect Future Results" title opens a risk section
     * counts the long paragraphs after it; counting them from every title would take quadratic time.
     */
    @Test
    void thousandsOfOldStyleRiskTitles() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            b.append("Factors That May Affect Future Results\n\nWe may lose customers ").append(i).append(".\n\n");
        }
        Analysis a = analyze(b.toString());
        assertTrue(a.segments().size() >= 40_000, () -> "segments: " + a.segments().size());
    }

    // --- Scripts ---

    @Test
    void emojiAndRightToLeftText() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            b.append("Revenue \ud83d\udcc8 rose \ud83d\ude80 ten percent. \u05d4\u05db\u05e0\u05e1\u05d5\u05ea \u05e2\u05dc\u05d5. "
                    + "\u0627\u0644\u0625\u064a\u0631\u0627\u062f\u0627\u062a \u0627\u0631\u062a\u0641\u0639\u062a.\u200f "
                    + "\u202eevig\u202c \ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67 family\n\n");
        }
        b.append("\ud83d\udcc8".repeat(3000)).append('\n').append("\ud83d\udcc8 ".repeat(3000));
        Analysis a = analyze(b.toString());
        assertTrue(a.segments().size() > 300);
    }

    /** Regression (Segmenter): a zero-width space or stray BOM at a segment's edge was left out of every segment. */
    @Test
    void invisibleCharactersAreCovered() throws IOException {
        analyze("Revenue rose.\n\u200bAbout Acme\n\nAcme makes widgets. \u200bIt sells them.\ufeff\n\u2060\u200d\n\u00ad");
        analyze("Sales rose.\u0085Costs fell.\u0085\u2028Margins held.\u2029");
    }

    // --- Many segments in one paragraph ---

    /** Regression (SegmentFeatures): paragraph context was quadratic in a paragraph's segments (50,000 rows: 83 s). */
    @Test
    void aTableOfFiftyThousandRowsWithoutBlankLines() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            b.append("Item ").append(i).append('\t').append(i * 3).append('\t').append(i % 7).append('\n');
        }
        assertEquals(50_000, analyze(b.toString()).segments().size());
    }

    @Test
    void fortyThousandBulletsInOneList() throws IOException {
        StringBuilder b = new StringBuilder("Factors that could cause results to differ include:\n");
        for (int i = 0; i < 40_000; i++) {
            b.append("\u2022 risk number ").append(i).append(";\n");
        }
        analyze(b.toString());
    }

    // --- Size limit ---

    @Test
    void inputsOverTheLimitAreRefusedWithTheSizeTheLimitAndHowToRaiseIt(@TempDir Path dir) throws IOException {
        Caveat small = caveat.withMaxInputBytes(1000);
        assertEquals(1000, small.maxInputBytes());
        assertEquals(Caveat.DEFAULT_MAX_INPUT_BYTES, caveat.maxInputBytes(), "the original is unchanged");
        assertSame(caveat, caveat.withMaxInputBytes(Caveat.DEFAULT_MAX_INPUT_BYTES));
        byte[] big = sentences(2000, 6).substring(0, 2000).getBytes(StandardCharsets.UTF_8);
        String m = assertThrows(UnreadableDocumentException.class, () -> small.analyze(big, "big.txt", null)).getMessage();
        assertTrue(m.startsWith("big.txt is 2,000 bytes, over the input size limit of 1,000 bytes")
                && m.contains("Caveat.withMaxInputBytes(long)") && m.contains("--max-input-mb"), m);
        Path file = Files.write(dir.resolve("big.txt"), big);
        m = assertThrows(UnreadableDocumentException.class, () -> small.analyze(file)).getMessage();
        assertTrue(m.contains("big.txt is 2,000 bytes, over the input size limit of 1,000 bytes"), m);
        m = assertThrows(IllegalArgumentException.class, () -> small.analyze(new String(big, StandardCharsets.UTF_8)))
                .getMessage();
        assertTrue(m.contains("the text is 2,000 characters, over the input size limit"), m);
        Contract.check(small.analyze(Arrays.copyOf(big, 1000), "fits.txt", null));
        assertEquals(Caveat.DEFAULT_MAX_INPUT_BYTES, 256L << 20, "the documented default");
        m = assertThrows(IllegalArgumentException.class, () -> caveat.withMaxInputBytes(0)).getMessage();
        assertTrue(m.contains("between 1 and"), m);
        assertThrows(IllegalArgumentException.class, () -> caveat.withMaxInputBytes(Caveat.LARGEST_MAX_INPUT_BYTES + 1));
    }

    /** A path that never ends (a device, a pipe) is read only to one byte past the limit, not until memory runs out. */
    @Test
    void anEndlessStreamIsCutAtTheLimit() throws IOException {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zero), "no /dev/zero on this system");
        String m = assertThrows(UnreadableDocumentException.class, () -> caveat.withMaxInputBytes(1 << 20).analyze(zero))
                .getMessage();
        assertTrue(m.contains("1,048,577 bytes or more, over the input size limit of 1,048,576 bytes (1 MB)"), m);
    }
}
