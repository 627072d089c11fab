package org.caveat.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.caveat.train.CorpusReader;

/**
 * The benchmark inputs, built from the project's own training documents so that the benchmarks run in
 * any clone: a press release of about 10 KB, and an HTML 10-K of about 2 MB (290 KB of text) laid out the way EDGAR's
 * inline-XBRL filings are (a hidden XBRL header, a span with inline styles around every run of text,
 * bold risk-factor headings, and many financial tables whose cells hold tagged numbers). A real filing
 * can be given instead with {@code -p tenK=PATH}.
 */
final class Inputs {
    /** The press release: a 2019 product launch with a long safe harbor, about 9.5 KB of text. */
    static final String PRESS_RELEASE = "training-data/press/w10_01_lumivex-health-sciences-2019.cav";
    private static final String SPAN = "<span style=\"color:#000000;font-family:'Times New Roman',sans-serif;"
            + "font-size:10pt;font-weight:400;line-height:120%\">";
    private static final String BOLD = "<span style=\"color:#000000;font-family:'Times New Roman',sans-serif;"
            + "font-size:10pt;font-weight:700;line-height:120%\">";
    private static final String DIV = "<div style=\"margin-top:6pt;text-align:justify\">";

    private Inputs() {
    }

    /**
     * @param root the project folder
     * @return the text of the benchmark press release
     */
    static String pressRelease(Path root) {
        return text(root.resolve(PRESS_RELEASE));
    }

    /**
     * Reads the 10-K input: a file, or the generated filing when {@code spec} is {@code generated}.
     *
     * @param root the project folder
     * @param spec {@code generated} or a path to an HTML filing
     * @return the filing's bytes
     */
    static byte[] tenK(Path root, String spec) {
        try {
            if (!spec.equals("generated")) {
                return Files.readAllBytes(root.resolve(spec));
            }
            return generateTenK(root).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Path cav) {
        try {
            return CorpusReader.read(cav, cav.getFileName().toString()).text();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + cav + "; run the benchmarks from the project folder", e);
        }
    }

    private static List<Path> cavs(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".cav")).sorted().toList();
        }
    }

    /** An inline-XBRL-style 10-K: cover, business, risk factors, MD&A and statements with tables. */
    static String generateTenK(Path root) throws IOException {
        Random random = new Random(20240927);
        StringBuilder h = new StringBuilder(1 << 21);
        h.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" "
                + "xmlns:ix=\"http://www.xbrl.org/2013/inlineXBRL\"><head><title>form10-k</title>"
                + "<meta http-equiv=\"Content-Type\" content=\"text/html\"/></head><body>");
        h.append("<div style=\"display:none\"><ix:header><ix:hidden>");
        for (int i = 0; i < 400; i++) {
            h.append("<ix:nonNumeric name=\"dei:Fact").append(i).append("\" contextRef=\"c-").append(i)
                    .append("\">hidden fact ").append(i).append("</ix:nonNumeric>");
        }
        h.append("</ix:hidden></ix:header></div>");
        paragraph(h, BOLD, "UNITED STATES SECURITIES AND EXCHANGE COMMISSION");
        paragraph(h, BOLD, "FORM 10-K");
        paragraph(h, SPAN, "ANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934");
        paragraph(h, BOLD, "PART I");
        paragraph(h, BOLD, "Item 1. Business");
        List<Path> press = cavs(root.resolve("training-data/press"));
        for (int k = 0; k < 10; k++) {
            body(h, text(press.get((k * 7) % press.size())));
        }
        paragraph(h, BOLD, "Item 1A. Risk Factors");
        List<Path> risk = cavs(root.resolve("training-data/risk"));
        for (int k = 0; k < 8; k++) {
            riskSection(h, text(risk.get((k * 5) % risk.size())));
        }
        paragraph(h, BOLD, "Item 1B. Unresolved Staff Comments");
        paragraph(h, SPAN, "None.");
        paragraph(h, BOLD, "Item 7. Management's Discussion and Analysis of Financial Condition and Results of Operations");
        for (int k = 0; k < 16; k++) {
            if (k % 2 == 0) {
                body(h, text(press.get((k * 11 + 3) % press.size())));
            }
            table(h, random, 12 + random.nextInt(14), 3 + random.nextInt(4));
        }
        paragraph(h, BOLD, "Item 8. Financial Statements and Supplementary Data");
        for (int k = 0; k < 6; k++) {
            table(h, random, 20 + random.nextInt(20), 4 + random.nextInt(3));
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void paragraph(StringBuilder h, String span, String text) {
        h.append(DIV).append(span).append(escape(text)).append("</span></div>\n");
    }

    /** Blank-line paragraphs, each as a styled division. */
    private static void body(StringBuilder h, String text) {
        for (String p : text.split("\n\\s*\n")) {
            String t = p.strip().replaceAll("\\s+", " ");
            if (!t.isEmpty()) {
                paragraph(h, SPAN, t);
            }
        }
    }

    /** A risk-factor section: its short unpunctuated lines become bold headings. */
    private static void riskSection(StringBuilder h, String text) {
        for (String p : text.split("\n\\s*\n")) {
            String t = p.strip().replaceAll("\\s+", " ");
            if (t.isEmpty()) {
                continue;
            }
            boolean heading = t.length() < 300 && !t.endsWith(".") || t.length() < 250 && t.endsWith(".")
                    && t.split(" ").length < 30 && Character.isUpperCase(t.charAt(0)) && !t.contains(". ");
            paragraph(h, heading ? BOLD : SPAN, t);
        }
    }

    private static final String[] LINES = {"Net sales", "Cost of sales", "Gross margin", "Research and development",
        "Selling, general and administrative", "Total operating expenses", "Operating income",
        "Other income/(expense), net", "Income before provision for income taxes", "Provision for income taxes",
        "Net income", "Cash and cash equivalents", "Accounts receivable, net", "Inventories",
        "Property, plant and equipment, net", "Total assets", "Accounts payable", "Deferred revenue",
        "Term debt", "Total liabilities", "Retained earnings", "Total shareholders' equity"};

    private static void table(StringBuilder h, Random random, int rows, int columns) {
        h.append("<div style=\"margin-top:12pt\"><table style=\"border-collapse:collapse;display:inline-table;"
                + "margin-bottom:5pt;vertical-align:text-bottom;width:100.000%\"><tr>");
        h.append("<td style=\"width:1.0%\"></td><td style=\"width:40.0%\"></td>");
        for (int c = 0; c < columns; c++) {
            h.append("<td style=\"padding:2px 1pt;text-align:center;vertical-align:bottom\" colspan=\"3\">")
                    .append(BOLD).append(2024 - c).append("</span></td>");
        }
        h.append("</tr>");
        for (int r = 0; r < rows; r++) {
            h.append("<tr><td colspan=\"2\" style=\"padding:2px 1pt;text-align:left;vertical-align:top\">")
                    .append(SPAN).append(escape(LINES[(r + rows) % LINES.length])).append("</span></td>");
            for (int c = 0; c < columns; c++) {
                long v = 100 + random.nextInt(400_000);
                h.append("<td style=\"padding:2px 0 2px 1pt;text-align:left;vertical-align:bottom\">").append(SPAN)
                        .append(r == 0 ? "$" : "").append("</span></td>")
                        .append("<td style=\"padding:2px 0;text-align:right;vertical-align:bottom\">").append(SPAN)
                        .append("<ix:nonFraction unitRef=\"usd\" contextRef=\"c-").append(c).append("\" decimals=\"-6\" "
                                + "name=\"us-gaap:Line").append(r).append("\" format=\"ixt:num-dot-decimal\" scale=\"6\">")
                        .append(String.format("%,d", v)).append("</ix:nonFraction></span></td>")
                        .append("<td style=\"padding:2px 1pt 2px 0;text-align:right;vertical-align:bottom\"></td>");
            }
            h.append("</tr>");
        }
        h.append("</table></div>\n");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Prints the sizes of the inputs: {@code java -cp benchmarks.jar org.caveat.benchmarks.Inputs}.
     *
     * @param args unused
     * @throws IOException if the training documents cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(".");
        byte[] tenK = tenK(root, args.length > 0 ? args[0] : "generated");
        String text = org.caveat.read.DocumentReader.read(tenK, null).text();
        List<String> out = new ArrayList<>();
        out.add("press release: " + pressRelease(root).length() + " chars");
        out.add("10-K: " + tenK.length + " bytes of HTML, " + text.length() + " chars of text");
        out.forEach(System.out::println);
        if (args.length > 1) {
            Files.write(Path.of(args[1]), tenK);
        }
    }
}
