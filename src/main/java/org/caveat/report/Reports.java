package org.caveat.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.Locale;
import org.apache.commons.text.StringEscapeUtils;
import org.caveat.Analysis;
import org.caveat.CategoryScore;
import org.caveat.RiskItem;
import org.caveat.Segment;

/**
 * Writes an {@link Analysis} as JSON ({@code shared/spec/output.md}, schema {@code caveat/1}), as
 * plain text for reading in a terminal, or as a self-contained HTML page. Stateless and thread-safe.
 */
public final class Reports {
    /** The schema id written into every JSON document. */
    public static final String SCHEMA = "caveat/1";
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
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json(a, g);
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
            json(a, g);
        }
    }

    private static void json(Analysis a, JsonGenerator g) throws IOException {
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("schema", SCHEMA);
        g.writeStringField("source", a.source());
        g.writeStringField("model", a.model());
        g.writeArrayFieldStart("segments");
        for (Segment s : a.segments()) {
            g.writeStartObject();
            g.writeNumberField("index", s.index());
            g.writeNumberField("start", s.start());
            g.writeNumberField("end", s.end());
            g.writeStringField("text", s.text());
            g.writeStringField("kind", s.kind().name());
            g.writeStringField("type", s.type().name());
            g.writeNumberField("score", round(s.score()));
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
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * Writes a plain-text report: one line per segment with its type, then the risk items.
     *
     * @param a the analysis
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public static void writeText(Analysis a, Writer out) throws IOException {
        out.write("source: " + (a.source() == null ? "-" : a.source()) + "\nmodel:  " + a.model() + "\n\n");
        for (Segment s : a.segments()) {
            out.write(String.format(Locale.ROOT, "%4d %-15s %.2f  %s%n", s.index(), s.type(), s.score(), oneLine(s.text())));
        }
        out.write("\nrisk items: " + a.riskItems().size() + "\n");
        for (RiskItem r : a.riskItems()) {
            StringBuilder cats = new StringBuilder();
            for (CategoryScore c : r.categories()) {
                cats.append(cats.length() == 0 ? "" : ", ").append(c.category()).append(String.format(Locale.ROOT, " %.2f", c.score()));
            }
            out.write(String.format(Locale.ROOT, "%4d [%s]%n     %s%n", r.index(), cats, abbreviate(oneLine(r.text()), 300)));
        }
    }

    /**
     * Writes a self-contained HTML page: the text with each segment coloured by type, then a table of
     * the risk items.
     *
     * @param a the analysis
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public static void writeHtml(Analysis a, Writer out) throws IOException {
        String title = a.source() == null ? "Caveat analysis" : "Caveat: " + a.source();
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title>\n<style>"
                + "body{font:15px/1.5 system-ui,sans-serif;max-width:60em;margin:2em auto;color:#222}"
                + "pre{white-space:pre-wrap;font:inherit}.SAFE_HARBOR{background:#fde2e2}.COMPANY_PROFILE{background:#e2ecfd}"
                + ".LEGAL_NOTICE{background:#eee}.FORWARD_LOOKING{background:#fff3c4}.FACTUAL{background:#e3f6e3}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px;vertical-align:top}"
                + "</style></head><body>\n<h1>" + esc(title) + "</h1>\n<p>Model " + esc(a.model()) + ". Legend: "
                + "<span class=SAFE_HARBOR>SAFE_HARBOR</span> <span class=COMPANY_PROFILE>COMPANY_PROFILE</span> "
                + "<span class=LEGAL_NOTICE>LEGAL_NOTICE</span> <span class=FORWARD_LOOKING>FORWARD_LOOKING</span> "
                + "<span class=FACTUAL>FACTUAL</span></p>\n<pre>");
        String text = a.text();
        int pos = 0;
        for (Segment s : a.segments()) {
            out.write(esc(text.substring(pos, s.start())));
            out.write("<span class=\"" + s.type() + "\" title=\"" + s.type()
                    + String.format(Locale.ROOT, " %.2f", s.score()) + "\">" + esc(s.text()) + "</span>");
            pos = s.end();
        }
        out.write(esc(text.substring(pos)));
        out.write("</pre>\n<h2>Risk items (" + a.riskItems().size() + ")</h2>\n<table><tr><th>#</th><th>categories</th><th>text</th></tr>\n");
        for (RiskItem r : a.riskItems()) {
            StringBuilder cats = new StringBuilder();
            for (CategoryScore c : r.categories()) {
                cats.append(esc(c.category().name())).append(String.format(Locale.ROOT, " %.2f", c.score())).append("<br>");
            }
            out.write("<tr><td>" + r.index() + "</td><td>" + cats + "</td><td>" + esc(abbreviate(r.text(), 600)) + "</td></tr>\n");
        }
        out.write("</table></body></html>\n");
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    private static String esc(String s) {
        return StringEscapeUtils.escapeHtml4(s);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ");
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
