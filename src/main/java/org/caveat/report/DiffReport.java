package org.caveat.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import org.caveat.CategoryScore;
import org.caveat.RiskItem;
import org.caveat.compare.ChangeStatus;
import org.caveat.compare.FactorChange;
import org.caveat.compare.RiskDiff;
import org.caveat.compare.WordEdit;

/** The JSON and HTML forms of a {@link RiskDiff}. */
final class DiffReport {
    private DiffReport() {
    }

    static void json(RiskDiff d, JsonGenerator g) throws IOException {
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeStringField("schema", Reports.DIFF_SCHEMA);
        g.writeStringField("older", d.older());
        g.writeStringField("newer", d.newer());
        g.writeObjectFieldStart("counts");
        for (ChangeStatus s : ChangeStatus.values()) {
            g.writeNumberField(s.name(), d.count(s));
        }
        g.writeEndObject();
        g.writeArrayFieldStart("factors");
        for (FactorChange c : d.changes()) {
            g.writeStartObject();
            g.writeStringField("status", c.status().name());
            g.writeStringField("heading", c.heading());
            g.writeNumberField("similarity", Reports.round(c.similarity()));
            item(g, "older", c.older());
            item(g, "newer", c.newer());
            g.writeArrayFieldStart("categories");
            for (CategoryScore s : c.categories()) {
                g.writeStartObject();
                g.writeStringField("id", s.category().name());
                g.writeNumberField("score", Reports.round(s.score()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("edits");
            for (WordEdit e : c.edits()) {
                g.writeStartObject();
                g.writeStringField("op", e.op().name());
                g.writeStringField("text", e.text());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void item(JsonGenerator g, String name, RiskItem r) throws IOException {
        if (r == null) {
            g.writeNullField(name);
            return;
        }
        g.writeObjectFieldStart(name);
        g.writeNumberField("index", r.index());
        g.writeNumberField("start", r.start());
        g.writeNumberField("end", r.end());
        g.writeStringField("text", r.text());
        g.writeEndObject();
    }

    static void html(RiskDiff d, Writer w) throws IOException {
        w.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Risk-factor changes</title>\n"
                + "<style>body{font:15px/1.5 sans-serif;max-width:60em;margin:2em auto;color:#222}"
                + "ins{background:#d7f5dd;color:#05601a;text-decoration:underline}"
                + "del{background:#fbdada;color:#8a1010}.f{border-left:4px solid #ccc;padding:.2em 1em;margin:1em 0}"
                + ".ADDED{border-color:#2a9d4a}.REMOVED{border-color:#c0392b}.CHANGED{border-color:#e6a700}"
                + ".s{font-weight:bold;font-size:12px}.c{font-size:12px;color:#555}p{white-space:pre-wrap}</style>"
                + "</head><body>\n");
        w.write("<h1>Risk-factor changes</h1>\n<p>" + esc(String.valueOf(d.older())) + " &rarr; "
                + esc(String.valueOf(d.newer())) + "<br>");
        for (ChangeStatus s : ChangeStatus.values()) {
            w.write(s.name().toLowerCase(Locale.ROOT) + ": " + d.count(s) + " ");
        }
        w.write("</p>\n");
        for (FactorChange c : d.changes()) {
            w.write("<div class=\"f " + c.status().name() + "\"><div class=\"s\">" + c.status().name()
                    + (c.status() == ChangeStatus.CHANGED ? String.format(Locale.ROOT, " (similarity %.2f)", c.similarity())
                    : "") + "</div><div class=\"c\">");
            for (CategoryScore s : c.categories()) {
                w.write(s.category().name() + " ");
            }
            w.write("</div><p>");
            switch (c.status()) {
                case ADDED -> w.write("<ins>" + esc(c.newer().text().strip()) + "</ins>");
                case REMOVED -> w.write("<del>" + esc(c.older().text().strip()) + "</del>");
                case UNCHANGED -> w.write(esc(c.newer().text().strip()));
                case CHANGED -> {
                    for (WordEdit e : c.edits()) {
                        String t = esc(e.text());
                        w.write(switch (e.op()) {
                            case KEEP -> t;
                            case INSERT -> "<ins>" + t + "</ins>";
                            case DELETE -> "<del>" + t + "</del>";
                        });
                        w.write(' ');
                    }
                }
                default -> throw new AssertionError(c.status());
            }
            w.write("</p></div>\n");
        }
        w.write("</body></html>\n");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
