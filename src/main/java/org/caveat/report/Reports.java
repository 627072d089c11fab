package org.caveat.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;
import org.caveat.Analysis;
import org.caveat.CategoryScore;
import org.caveat.Contribution;
import org.caveat.RiskItem;
import org.caveat.Segment;
import org.caveat.compare.RiskDiff;

/**
 * Writes an {@link Analysis} as JSON ({@code shared/spec/output.md}, schema {@code caveat/1}), as
 * plain text for reading in a terminal, or as a self-contained HTML page. Stateless and thread-safe.
 */
public final class Reports {
    /** The schema id written into every JSON document. */
    public static final String SCHEMA = "caveat/1";
    /** The schema id written into every risk-factor diff JSON document. */
    public static final String DIFF_SCHEMA = "caveat-diff/1";
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private Reports() {
    }

    /**
     * Writes the JSON form.
     *
     * @param a the analysis
     * @param out where to write (UTF-8); not closed
     * @throws IOException if writing fails
     */
    public static void writeJson(Analysis a, OutputStream out) throws IOException {
        writeJson(a, out, false);
    }

    /**
     * Writes the JSON form, optionally with the explanations: then each segment gets {@code runnerUp}
     * and an {@code explanation} array, and each category an {@code explanation} array, of
     * {@code {"feature": ..., "weight": ...}} objects (largest first). Without explanations the output is
     * byte for byte that of {@link #writeJson(Analysis, OutputStream)}.
     *
     * @param a the analysis; made by {@code Caveat.explaining()} for explanations to have content
     * @param out where to write (UTF-8); not closed
     * @param explanations whether to write the explanation fields
     * @throws IOException if writing fails
     */
    public static void writeJson(Analysis a, OutputStream out, boolean explanations) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json(a, g, explanations);
        }
    }

    /**
     * Writes the JSON form.
     *
     * @param a the analysis
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public static void writeJson(Analysis a, Writer out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json(a, g, false);
        }
    }

    private static void json(Analysis a, JsonGenerator g, boolean explanations) throws IOException {
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("schema", SCHEMA);
        g.writeStringField("source", a.source());
        g.writeStringField("model", a.model());
        g.writeArrayFieldStart("segments");
        boolean boilerplate = a.hasBoilerplateScores();
        for (Segment s : a.segments()) {
            g.writeStartObject();
            g.writeNumberField("index", s.index());
            g.writeNumberField("start", s.start());
            g.writeNumberField("end", s.end());
            g.writeStringField("text", s.text());
            g.writeStringField("kind", s.kind().name());
            g.writeStringField("type", s.type().name());
            g.writeNumberField("score", round(s.score()));
            if (boilerplate) {
                g.writeNumberField("boilerplateScore", round(a.boilerplateScores().get(s.index())));
            }
            if (explanations) {
                g.writeStringField("runnerUp", s.runnerUp().name());
                contributions(g, s.explanation());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("riskItems");
        for (RiskItem r : a.riskItems()) {
            g.writeStartObject();
            g.writeNumberField("index", r.index());
            g.writeNumberField("start", r.start());
            g.writeNumberField("end", r.end());
            g.writeStringField("text", r.text());
            g.writeArrayFieldStart("segments");
            for (int i : r.segments()) {
                g.writeNumber(i);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("categories");
            for (CategoryScore c : r.categories()) {
                g.writeStartObject();
                g.writeStringField("id", c.category().name());
                g.writeNumberField("score", round(c.score()));
                if (explanations) {
                    contributions(g, c.explanation());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void contributions(JsonGenerator g, List<Contribution> why) throws IOException {
        g.writeArrayFieldStart("explanation");
        for (Contribution c : why) {
            g.writeStartObject();
            g.writeStringField("feature", c.feature());
            g.writeNumberField("weight", round(c.weight()));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /**
     * Writes a plain-text report without colour: each segment with its type tag, the risk items after the
     * segment they end in, and a summary.
     *
     * @param a the analysis
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public static void writeText(Analysis a, Writer out) throws IOException {
        TextReport.write(a, out, false);
    }

    /**
     * Writes a report for reading in a terminal: each segment with its type tag, wrapped; the risk items
     * after the segment they end in, with their categories and scores; explanations when the analysis
     * has them; then a summary. With {@code color}, type tags are coloured and risk items underlined with
     * ANSI escapes; without it the text is plain.
     *
     * @param a the analysis
     * @param out where to write; not closed
     * @param color whether to use ANSI colours (for a terminal)
     * @throws IOException if writing fails
     */
    public static void writeText(Analysis a, Writer out, boolean color) throws IOException {
        TextReport.write(a, out, color);
    }

    /**
     * Writes a self-contained HTML page (inline CSS and script, no network access): the text with each
     * segment coloured by type, risk items underlined with their categories as chips, a legend, a
     * summary of words and segments per type and of risk items per category, and a details pane that
     * shows a segment's or category's type, score and, when the analysis has them, explanations.
     *
     * @param a the analysis; made by {@code Caveat.explaining()} for the details pane to say why
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public static void writeHtml(Analysis a, Writer out) throws IOException {
        HtmlReport.write(a, out);
    }

    /**
     * Writes a risk-factor diff as JSON (schema {@link #DIFF_SCHEMA}, described in the README): the two
     * sources, the count per status, and each factor with its status, heading, similarity, older and newer
     * version (null when absent), categories and, for a changed factor, its word edits.
     *
     * @param d the diff
     * @param out where to write (UTF-8); not closed
     * @throws IOException if writing fails
     */
    public static void writeDiffJson(RiskDiff d, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            DiffReport.json(d, g);
        }
    }

    /**
     * Writes a risk-factor diff as a self-contained HTML page (inline CSS, no script or network access): a
     * count per status, then each factor with its status and categories, insertions underlined in green and
     * deletions struck through in red.
     *
     * @param d the diff
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public static void writeDiffHtml(RiskDiff d, Writer out) throws IOException {
        DiffReport.html(d, out);
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
