package org.caveat.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.text.StringEscapeUtils;
import org.caveat.Analysis;
import org.caveat.CategoryScore;
import org.caveat.Contribution;
import org.caveat.RiskCategory;
import org.caveat.RiskItem;
import org.caveat.Segment;
import org.caveat.SegmentType;

/**
 * The HTML report: one self-contained page with inline CSS and a small inline script, no network
 * access. The document's text is written once, each segment as one {@code span.seg} coloured by a class
 * per type; risk items are underlined ({@code span.ri}) with their categories as chips
 * ({@code span.chip}) after them. Scores and explanations travel in one JSON block that the script reads
 * when a segment or chip is hovered or clicked, so a 10-K gives a few thousand elements, not one per
 * character, and renders quickly.
 */
final class HtmlReport {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    /** Okabe-Ito colours (safe for colour-blind readers): a strong one for marks, a light tint for backgrounds. */
    private static final String[][] PALETTE = {
        {"SAFE_HARBOR", "#E69F00", "#FBE5B6"},
        {"COMPANY_PROFILE", "#0072B2", "#CFE4F3"},
        {"LEGAL_NOTICE", "#6E6E6E", "#E2E2E2"},
        {"FORWARD_LOOKING", "#CC79A7", "#F5DCEA"},
        {"FACTUAL", "#009E73", "#DDF2EA"},
    };

    private static final String[] DESCRIPTIONS = {
        "cautionary language about forward-looking statements",
        "the standard \u201cAbout the company\u201d paragraph",
        "trademarks, notices, contacts",
        "a claim about this company\u2019s future",
        "a claim about the past or present",
    };

    private HtmlReport() {
    }

    private static final String CSS = """
            *{box-sizing:border-box}
            body{margin:0;font:15px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1d1d1d;background:#fafafa}
            header{padding:14px 24px 10px;background:#fff;border-bottom:1px solid #ddd}
            header>*{max-width:1180px;margin-left:auto;margin-right:auto}
            h1{font-size:19px;margin:0 0 2px;word-break:break-all}
            h2{font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:#555;margin:0 0 6px}
            .meta{color:#555;font-size:13px;margin:0 0 8px}
            .legend{display:flex;flex-wrap:wrap;gap:6px 14px;font-size:13px;align-items:center}
            .legend label{display:inline-flex;align-items:center;gap:5px;cursor:pointer;user-select:none}
            .legend .kind{color:#555;font-weight:600;margin-left:6px}
            .sw{display:inline-block;width:26px;height:15px;border-radius:3px;border-left:4px solid}
            .ul{text-decoration:underline 2px #A33F00;text-underline-offset:3px}
            .layout{display:flex;align-items:flex-start;justify-content:center;gap:20px;padding:16px 24px}
            main{flex:1 1 auto;min-width:0;max-width:52em;background:#fff;border:1px solid #ddd;border-radius:6px;padding:18px 22px}
            .doc{white-space:pre-wrap;overflow-wrap:anywhere}
            aside{flex:0 0 380px;position:sticky;top:10px;max-height:calc(100vh - 20px);overflow:auto}
            .panel{background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px 14px;margin-bottom:12px;font-size:13px}
            table{border-collapse:collapse;width:100%}
            td,th{padding:2px 4px;text-align:right;border-bottom:1px solid #eee;font-variant-numeric:tabular-nums}
            td:first-child,th:first-child{text-align:left;white-space:nowrap}
            th{color:#555;font-weight:600;white-space:nowrap}
            td[data-pos]::after{content:" " attr(data-pos);color:#888;font-size:11px}
            tr[data-jump]{cursor:pointer}tr[data-jump]:hover td{background:#f3f3f3}
            .bar{display:inline-block;height:8px;border-radius:2px;vertical-align:middle}
            .seg{border-left:3px solid;padding:1px 1px 1px 3px;border-radius:2px;cursor:pointer}
            .seg:hover{outline:1px solid #444}
            .seg.sel,.chip.sel{outline:2px solid #111}
            .ri{text-decoration:underline 2px #A33F00;text-underline-offset:3px;text-decoration-skip-ink:none}
            .chip{display:inline-block;white-space:nowrap;font:600 11px/1.5 system-ui,sans-serif;color:#7a2e00;background:#fff;
              border:1px solid #D55E00;border-radius:9px;padding:0 7px;margin:0 0 0 4px;vertical-align:1px;cursor:pointer}
            .chip b{font-weight:400;color:#555}
            #why{min-height:120px}
            #why .t{font-size:15px;font-weight:700}
            #why ol{margin:6px 0 0;padding-left:0;list-style:none}
            #why li{display:flex;justify-content:space-between;gap:8px;border-bottom:1px solid #f0f0f0;padding:1px 0}
            #why li span:first-child{overflow-wrap:anywhere}
            .pos{color:#0b6b3a;font-variant-numeric:tabular-nums}.neg{color:#a4262c;font-variant-numeric:tabular-nums}
            .hint{color:#666}
            @media (max-width:900px){.layout{flex-direction:column}aside{position:static;max-height:none;width:100%;flex-basis:auto}}
            """;

    /**
     * Hover shows a segment or chip in the details pane; a click pins it until the next click; the
     * legend's boxes switch a type's colour off. The body's data attributes record what the script
     * counted in the DOM, for the browser check.
     */
    private static final String SCRIPT = """
            (function(){
            var D=JSON.parse(document.getElementById('data').textContent),T=D.types,C=D.categories;
            var why=document.getElementById('why'),pinned=null;
            function esc(s){return s.replace(/[&<>"]/g,function(c){return {'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c];});}
            function list(w){if(!w||!w.length)return '<p class=hint>No explanation: analysed without explanations.</p>';
              var h='<ol>';for(var k=0;k<w.length;k++){var v=w[k][1];
              h+='<li><span>'+esc(w[k][0])+'</span><span class='+(v<0?'neg':'pos')+'>'+(v>0?'+':'')+v.toFixed(2)+'</span></li>';}
              return h+'</ol>';}
            function showSeg(i){var s=D.segments[i];
              why.innerHTML='<div class=t>'+T[s[0]]+' <span class=hint>'+s[1].toFixed(2)+'</span></div>'
                +'<div class=hint>segment '+i+(s[3]&&s[3].length?'; why '+T[s[0]]+' rather than '+T[s[2]]+' (log-odds):':'')+'</div>'+list(s[3]);}
            function showChip(r,c){var cat=D.items[r][c];
              why.innerHTML='<div class=t>'+C[cat[0]]+' <span class=hint>'+cat[1].toFixed(2)+'</span></div>'
                +'<div class=hint>risk item '+r+(cat[2]&&cat[2].length?'; what raised this category (log-odds):':'')+'</div>'+list(cat[2]);}
            function show(el){if(el.classList.contains('chip'))showChip(+el.dataset.r,+el.dataset.c);else showSeg(+el.dataset.i);}
            function target(e){return e.target.closest?e.target.closest('.chip')||e.target.closest('.seg'):null;}
            var doc=document.getElementById('doc');
            doc.addEventListener('mouseover',function(e){var el=target(e);if(el&&!pinned)show(el);});
            doc.addEventListener('click',function(e){var el=target(e);if(!el)return;
              if(pinned)pinned.classList.remove('sel');
              if(pinned===el){pinned=null;return;}
              pinned=el;el.classList.add('sel');show(el);e.stopPropagation();});
            document.querySelectorAll('.legend input').forEach(function(b){b.addEventListener('change',function(){
              document.querySelectorAll('.t-'+b.value).forEach(function(s){s.classList.toggle('off',!b.checked);});});});
            var cursor={};
            document.querySelectorAll('tr[data-jump]').forEach(function(row){row.addEventListener('click',function(){
              var sel=row.dataset.jump,all=doc.querySelectorAll(sel);if(!all.length)return;
              var k=((cursor[sel]===undefined?-1:cursor[sel])+1)%all.length;cursor[sel]=k;var el=all[k];
              if(pinned)pinned.classList.remove('sel');pinned=el;el.classList.add('sel');show(el);
              el.scrollIntoView({block:'center'});row.querySelector('td:last-child').dataset.pos=(k+1)+'/'+all.length;});});
            var m=/^#s(\\d+)$/.exec(location.hash);
            if(m){var el=document.querySelector('.seg[data-i="'+m[1]+'"]');if(el){pinned=el;el.classList.add('sel');show(el);}}
            document.body.dataset.segments=doc.querySelectorAll('.seg').length;
            document.body.dataset.chips=doc.querySelectorAll('.chip').length;
            document.body.dataset.ready='1';
            })();
            """;

    static void write(Analysis a, Writer out) throws IOException {
        String title = a.source() == null ? "Caveat analysis" : a.source();
        Summary sum = new Summary(a);
        StringBuilder css = new StringBuilder(CSS);
        for (String[] p : PALETTE) {
            css.append(".t-").append(p[0]).append("{background:").append(p[2]).append(";border-color:").append(p[1]).append("}\n");
            css.append(".sw.t-").append(p[0]).append("{background:").append(p[2]).append("}\n");
        }
        css.append(".seg.off{background:none;border-color:transparent}\n");
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<title>" + esc("Caveat: " + title) + "</title>\n<style>\n" + css + "</style></head>\n<body>\n");
        out.write("<header><h1>" + esc(title) + "</h1>\n<p class=meta>" + a.segments().size() + " segments, "
                + sum.totalWords + " words, " + a.riskItems().size() + " risk items. Model " + esc(a.model())
                + ". Hover over a segment or a category chip to see why; click to pin.</p>\n");
        writeLegend(out);
        out.write("</header>\n<div class=layout>\n<main><div id=doc class=doc>");
        writeText(a, out);
        out.write("</div></main>\n<aside>\n<section class=panel><h2>Details</h2><div id=why>"
                + "<p class=hint>Hover over a segment to see its type, its score and the features that weighed most; "
                + "hover over a chip for a risk category.</p></div></section>\n");
        writeSummary(a, sum, out);
        out.write("</aside>\n</div>\n<script type=\"application/json\" id=data>");
        out.write(data(a));
        out.write("</script>\n<script>\n" + SCRIPT + "</script>\n</body></html>\n");
    }

    private static void writeLegend(Writer out) throws IOException {
        StringBuilder b = new StringBuilder("<div class=legend>");
        String kind = null;
        for (SegmentType t : SegmentType.values()) {
            if (!t.kind().name().equals(kind)) {
                kind = t.kind().name();
                b.append("<span class=kind>").append(kind.charAt(0)).append(kind.substring(1).toLowerCase(Locale.ROOT))
                        .append(":</span>");
            }
            b.append("<label title=\"").append(esc(DESCRIPTIONS[t.ordinal()])).append("\"><input type=checkbox checked value=")
                    .append(t).append("><span class=\"sw t-").append(t).append("\"></span>").append(t).append("</label>");
        }
        b.append("<span class=kind>Risk item:</span><span><span class=ul>underlined</span><span class=chip>CATEGORY <b>score</b></span></span>");
        out.write(b.append("</div>\n").toString());
    }

    /**
     * The text with one span per segment. A risk item is underlined where it lies in its first segment (all
     * of an enumerated item; the heading of an Item 1A risk factor), and its chips follow the underlined part.
     */
    private static void writeText(Analysis a, Writer out) throws IOException {
        String text = a.text();
        List<List<RiskItem>> startingIn = Summary.itemsByFirstSegment(a);
        int pos = 0;
        for (Segment s : a.segments()) {
            out.write(esc(text.substring(pos, s.start())));
            out.write("<span class=\"seg t-" + s.type() + "\" data-i=" + s.index() + " title=\""
                    + s.type() + String.format(Locale.ROOT, " %.2f", s.score()) + "\">");
            int at = s.start();
            for (RiskItem r : startingIn.get(s.index())) {
                int from = Math.max(Math.max(r.start(), s.start()), at);
                int to = Math.min(r.end(), s.end());
                if (from > at) {
                    out.write(esc(text.substring(at, from)));
                }
                if (to > from) {
                    out.write("<span class=ri data-r=" + r.index() + ">" + esc(text.substring(from, to)) + "</span>");
                    at = to;
                } else {
                    at = Math.max(at, from);
                }
                for (int c = 0; c < r.categories().size(); c++) {
                    CategoryScore cs = r.categories().get(c);
                    out.write("<span class=chip data-r=" + r.index() + " data-c=" + c + " data-k=" + cs.category().ordinal() + ">" + cs.category()
                            + String.format(Locale.ROOT, " <b>%.2f</b>", cs.score()) + "</span>");
                }
            }
            out.write(esc(text.substring(at, s.end())));
            out.write("</span>");
            pos = s.end();
        }
        out.write(esc(text.substring(pos)));
    }

    private static void writeSummary(Analysis a, Summary sum, Writer out) throws IOException {
        StringBuilder b = new StringBuilder("<section class=panel><h2>Segments per type</h2><p class=hint style=\"margin:0 0 4px\">Click a row to jump to the next one.</p><table>"
                + "<tr><th>type</th><th>segments</th><th>words</th><th title=\"share of the words\">%</th></tr>");
        for (SegmentType t : SegmentType.values()) {
            int w = sum.words.get(t);
            double share = sum.totalWords == 0 ? 0 : 100.0 * w / sum.totalWords;
            b.append("<tr data-jump=\".seg.t-").append(t).append("\" title=\"click: next ").append(t).append(" segment\"><td><span class=\"sw t-").append(t).append("\"></span> ").append(t).append("</td><td>")
                    .append(sum.segments.get(t)).append("</td><td>").append(w).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.1f%%", share)).append("</td></tr>");
        }
        b.append("<tr><th>all</th><th>").append(a.segments().size()).append("</th><th>").append(sum.totalWords)
                .append("</th><th></th></tr></table></section>\n");
        b.append("<section class=panel><h2>Risk items per category (").append(a.riskItems().size())
                .append(" items)</h2>");
        if (sum.items.isEmpty()) {
            b.append("<p class=hint>No risk items found.</p>");
        } else {
            int max = sum.items.values().stream().mapToInt(Integer::intValue).max().orElse(1);
            b.append("<table><tr><th>category</th><th>items</th><th></th></tr>");
            for (RiskCategory c : sum.categoriesByCount()) {
                int n = sum.items.get(c);
                b.append("<tr data-jump=\".chip[data-k=&quot;").append(c.ordinal()).append("&quot;]\" title=\"").append(esc(c.group()))
                        .append("; click: next item of this category\"><td>").append(c).append("</td><td>").append(n)
                        .append("</td><td style=\"text-align:left;width:35%\"><span class=bar style=\"background:#D55E00;width:")
                        .append(Math.max(2, 100 * n / max)).append("%\"></span></td></tr>");
            }
            b.append("</table>");
        }
        out.write(b.append("</section>\n").toString());
    }

    /** Types, scores and explanations for the script: small arrays rather than one attribute per element. */
    private static String data(Analysis a) throws IOException {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(sw)) {
            g.writeStartObject();
            g.writeArrayFieldStart("types");
            for (SegmentType t : SegmentType.values()) {
                g.writeString(t.name());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("categories");
            for (RiskCategory c : RiskCategory.values()) {
                g.writeString(c.name());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("segments");
            for (Segment s : a.segments()) {
                g.writeStartArray();
                g.writeNumber(s.type().ordinal());
                g.writeNumber(Reports.round(s.score()));
                g.writeNumber(s.runnerUp().ordinal());
                contributions(g, s.explanation());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("items");
            for (RiskItem r : a.riskItems()) {
                g.writeStartArray();
                for (CategoryScore c : r.categories()) {
                    g.writeStartArray();
                    g.writeNumber(c.category().ordinal());
                    g.writeNumber(Reports.round(c.score()));
                    contributions(g, c.explanation());
                    g.writeEndArray();
                }
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        // Inside a script element "</script" or "<!--" would end or upset it; "<" occurs only in strings.
        return sw.toString().replace("<", "\\u003c");
    }

    private static void contributions(JsonGenerator g, List<Contribution> why) throws IOException {
        g.writeStartArray();
        for (Contribution c : why) {
            g.writeStartArray();
            g.writeString(c.feature());
            g.writeNumber(Math.round(c.weight() * 1000) / 1000.0);
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    private static String esc(String s) {
        return StringEscapeUtils.escapeHtml4(s);
    }
}
