package org.caveat.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.caveat.Analysis;
import org.caveat.CategoryScore;
import org.caveat.Contribution;
import org.caveat.RiskCategory;
import org.caveat.RiskItem;
import org.caveat.Segment;
import org.caveat.SegmentType;

/**
 * The terminal view: one wrapped block per segment behind its type tag, paragraphs apart, the risk items
 * after the segment they start in, then a summary. With colour, tags are coloured by type and risk items
 * underlined (ANSI escapes); without, the text is plain and each risk item is quoted on its own line.
 */
final class TextReport {
    private static final int WIDTH = 100;
    /** The tag column: "FORWARD_LOOKING 0.97  ". */
    private static final int TAG = 22;
    private static final String INDENT = " ".repeat(TAG);
    /** How many contributions the text view shows per explanation. */
    private static final int WHY = 5;
    private static final String RESET = "\u001b[0m";
    private static final String UNDERLINE = "\u001b[4m";
    private static final String NO_UNDERLINE = "\u001b[24m";
    private static final String DIM = "\u001b[2m";
    private static final String BOLD = "\u001b[1m";
    private static final String CHIP = "\u001b[36m";

    private final Writer out;
    private final boolean color;

    private TextReport(Writer out, boolean color) {
        this.out = out;
        this.color = color;
    }

    static void write(Analysis a, Writer out, boolean color) throws IOException {
        new TextReport(out, color).write(a);
    }

    /** The colour of each type, the terminal's nearest to the HTML report's palette. */
    private static String color(SegmentType t) {
        return switch (t) {
            case SAFE_HARBOR -> "\u001b[33m";
            case COMPANY_PROFILE -> "\u001b[34m";
            case LEGAL_NOTICE -> "\u001b[90m";
            case FORWARD_LOOKING -> "\u001b[35m";
            case FACTUAL -> "\u001b[32m";
        };
    }

    private String paint(String code, String s) {
        return color ? code + s + RESET : s;
    }

    private void write(Analysis a) throws IOException {
        out.write(paint(BOLD, "source") + "  " + (a.source() == null ? "-" : a.source()) + "\n");
        out.write(paint(BOLD, "model") + "   " + a.model() + "\n");
        if (color) {
            StringBuilder legend = new StringBuilder(paint(BOLD, "legend") + "  ");
            for (SegmentType t : SegmentType.values()) {
                legend.append(paint(BOLD + color(t), t.name())).append(' ');
            }
            out.write(legend.append(paint(DIM, " risk items underlined")).append('\n').toString());
        }
        out.write('\n');
        List<List<RiskItem>> startingIn = Summary.itemsByFirstSegment(a);
        String text = a.text();
        int previousEnd = -1;
        for (Segment s : a.segments()) {
            if (previousEnd >= 0 && blankLineBetween(text, previousEnd, s.start())) {
                out.write('\n');
            }
            previousEnd = s.end();
            String tag = String.format(Locale.ROOT, "%-15s %.2f  ", s.type(), s.score());
            out.write(paint(BOLD + color(s.type()), tag.stripTrailing()) + tag.substring(tag.stripTrailing().length()));
            out.write(wrap(s, a.riskItems()));
            out.write('\n');
            if (s.explained()) {
                writeWhy("why " + s.type() + " over " + s.runnerUp() + ":", s.explanation());
            }
            for (RiskItem r : startingIn.get(s.index())) {
                StringBuilder cats = new StringBuilder();
                for (CategoryScore c : r.categories()) {
                    cats.append(cats.length() == 0 ? "" : ", ").append(c.category())
                            .append(String.format(Locale.ROOT, " %.2f", c.score()));
                }
                out.write(INDENT + paint(CHIP, "risk " + r.index() + ": " + cats) + "\n");
                if (!color) {
                    out.write(INDENT + "  \"" + abbreviate(oneLine(r.text()), WIDTH - TAG - 4) + "\"\n");
                }
                for (CategoryScore c : r.categories()) {
                    if (!c.explanation().isEmpty()) {
                        writeWhy("why " + c.category() + ":", c.explanation());
                    }
                }
            }
        }
        writeSummary(a);
    }

    private static boolean blankLineBetween(String text, int from, int to) {
        int newlines = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                newlines++;
            }
        }
        return newlines >= 2;
    }

    private void writeWhy(String head, List<Contribution> why) throws IOException {
        StringBuilder b = new StringBuilder(head);
        for (int k = 0; k < Math.min(WHY, why.size()); k++) {
            Contribution c = why.get(k);
            b.append(k == 0 ? " " : "; ").append(c.feature()).append(String.format(Locale.ROOT, " %+.2f", c.weight()));
        }
        for (String line : lines(b.toString(), WIDTH - TAG - 2)) {
            out.write(INDENT + "  " + paint(DIM, line) + "\n");
        }
    }

    /**
     * The segment's text with runs of whitespace as single spaces, wrapped at {@link #WIDTH} behind the tag
     * column; with colour, the parts that lie in risk items underlined.
     */
    private String wrap(Segment s, List<RiskItem> items) {
        String t = s.text();
        boolean[] inItem = new boolean[t.length()];
        if (color) {
            for (int k : itemsOverlapping(s, items)) {
                RiskItem r = items.get(k);
                for (int i = Math.max(r.start(), s.start()); i < Math.min(r.end(), s.end()); i++) {
                    inItem[i - s.start()] = true;
                }
            }
        }
        StringBuilder b = new StringBuilder(t.length() + 64);
        int column = TAG;
        boolean underlined = false;
        int i = 0;
        boolean first = true;
        while (i < t.length()) {
            int ws = i;
            while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
                i++;
            }
            int a = i;
            while (i < t.length() && !Character.isWhitespace(t.charAt(i))) {
                i++;
            }
            if (a == i) {
                break;
            }
            int len = i - a;
            if (!first && column + 1 + len > WIDTH) {
                if (underlined) {
                    b.append(NO_UNDERLINE);
                    underlined = false;
                }
                b.append('\n').append(INDENT);
                column = TAG;
            } else if (!first) {
                boolean u = a > ws && inItem[ws] && inItem[a];
                if (u != underlined) {
                    b.append(u ? UNDERLINE : NO_UNDERLINE);
                    underlined = u;
                }
                b.append(' ');
                column++;
            }
            for (int c = a; c < i; c++) {
                if (inItem[c] != underlined) {
                    b.append(inItem[c] ? UNDERLINE : NO_UNDERLINE);
                    underlined = inItem[c];
                }
                b.append(t.charAt(c));
            }
            column += len;
            first = false;
        }
        if (underlined) {
            b.append(NO_UNDERLINE);
        }
        return b.toString();
    }

    private static List<Integer> itemsOverlapping(Segment s, List<RiskItem> items) {
        List<Integer> out = new ArrayList<>();
        for (RiskItem r : items) {
            if (r.start() < s.end() && r.end() > s.start()) {
                out.add(r.index());
            }
        }
        return out;
    }

    private void writeSummary(Analysis a) throws IOException {
        Summary sum = new Summary(a);
        out.write("\n" + paint(BOLD, "summary") + "\n");
        out.write(String.format(Locale.ROOT, "  %-17s %8s %8s %6s%n", "type", "segments", "words", "words%"));
        for (SegmentType t : SegmentType.values()) {
            int w = sum.words.get(t);
            String name = String.format(Locale.ROOT, "%-17s", t);
            out.write("  " + paint(BOLD + color(t), name) + String.format(Locale.ROOT, " %8d %8d %5.1f%%%n",
                    sum.segments.get(t), w, sum.totalWords == 0 ? 0.0 : 100.0 * w / sum.totalWords));
        }
        out.write("\nrisk items: " + a.riskItems().size() + "\n");
        for (RiskCategory c : sum.categoriesByCount()) {
            out.write(String.format(Locale.ROOT, "  %-24s %4d%n", c, sum.items.get(c)));
        }
    }

    private static List<String> lines(String s, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ");
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
