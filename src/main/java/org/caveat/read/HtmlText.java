package org.caveat.read;

import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Extracts text from HTML the way a reader sees it: a block element is a paragraph (blank line
 * around it), a table row is one line with its cells separated by tabs, {@code <br>} is a line break,
 * and {@code <pre>} keeps its lines. Scripts, styles, the document head, hidden elements and the hidden
 * inline-XBRL header are dropped. Bold, italic and underlined runs are recorded as {@link Emphasis}.
 */
final class HtmlText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
            "li", "blockquote", "center", "section", "article", "header", "footer", "dl", "dt", "dd", "hr",
            "address", "form", "fieldset", "main", "nav", "aside", "figure", "figcaption", "caption", "body",
            "page", "document", "type", "sequence", "filename", "description", "text");

    private HtmlText() {
    }

    static ReadResult extract(String html, org.caveat.SourceFormat format, String documentType) {
        Document doc = Jsoup.parse(html);
        Visitor v = new Visitor();
        // Skipping what a reader does not see during the one traversal, rather than removing it from
        // the tree first, saves three passes over the tree.
        NodeTraversor.filter(v, doc.body() != null ? doc.body() : doc);
        return new ReadResult(v.out.toString(), format, documentType, v.emphasis.build());
    }

    private static final Set<String> UNSEEN = Set.of("script", "style", "head", "title", "noscript", "template",
            "ix:header");

    /**
     * An element's style attribute, lower-cased with its spaces removed, or "" when it has none or when
     * it cannot hide the element or emphasise it (most styles: those are not copied).
     */
    private static String style(Element e) {
        String style = e.attr("style");
        if (style.isEmpty()) {
            return "";
        }
        String lower = style.toLowerCase(Locale.ROOT); // the same string when there is nothing to lower
        if (!(lower.contains("none") || lower.contains("bold") || lower.contains("700") || lower.contains("800")
                || lower.contains("900") || lower.contains("italic") || lower.contains("underline"))) {
            return "";
        }
        return lower.indexOf(' ') < 0 ? lower : lower.replace(" ", "");
    }

    private static boolean emphatic(String name, String style) {
        switch (name) {
            case "b", "strong", "i", "em", "u" -> {
                return true;
            }
            default -> {
                if (style.isEmpty()) {
                    return false;
                }
                return style.contains("font-weight:bold") || style.contains("font-weight:700")
                        || style.contains("font-weight:800") || style.contains("font-weight:900")
                        || style.contains("font-style:italic") || style.contains("text-decoration:underline");
            }
        }
    }

    /** Builds the text with pending breaks, so that runs of block boundaries collapse into one. */
    private static final class Visitor implements NodeFilter {
        private static final int NONE = 0;
        private static final int SPACE = 1;
        private static final int TAB = 2;
        private static final int LINE = 3;
        private static final int PARAGRAPH = 4;

        final StringBuilder out = new StringBuilder(1 << 16);
        final Emphasis.Builder emphasis = new Emphasis.Builder();
        private int pending = NONE;
        private int emphasisDepth;
        private int preDepth;
        private int rowDepth;

        /** For each open element, whether it is emphatic: decided once, in {@link #head}. */
        private final java.util.BitSet emphaticAt = new java.util.BitSet();

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
                text(t.getWholeText());
            } else if (node instanceof Element e) {
                String name = e.normalName();
                if (UNSEEN.contains(name)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                String style = style(e);
                if (style.contains("display:none")) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                boolean emphatic = emphatic(name, style);
                emphaticAt.set(depth, emphatic);
                if (emphatic) {
                    emphasisDepth++;
                }
                switch (name) {
                    case "br" -> breakAt(rowDepth > 0 ? SPACE : LINE);
                    case "pre" -> {
                        breakAt(PARAGRAPH);
                        preDepth++;
                    }
                    case "table" -> breakAt(PARAGRAPH);
                    case "tr" -> {
                        breakAt(LINE);
                        rowDepth++;
                    }
                    case "td", "th" -> { }
                    default -> {
                        if (BLOCKS.contains(name)) {
                            breakAt(rowDepth > 0 ? SPACE : PARAGRAPH);
                        }
                    }
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element e) {
                String name = e.normalName();
                if (emphaticAt.get(depth)) {
                    emphasisDepth--;
                }
                switch (name) {
                    case "pre" -> {
                        preDepth--;
                        breakAt(PARAGRAPH);
                    }
                    case "table" -> breakAt(PARAGRAPH);
                    case "tr" -> {
                        rowDepth--;
                        breakAt(LINE);
                    }
                    case "td", "th" -> breakAt(TAB);
                    default -> {
                        if (BLOCKS.contains(name)) {
                            breakAt(rowDepth > 0 ? SPACE : PARAGRAPH);
                        }
                    }
                }
            }
            return FilterResult.CONTINUE;
        }

        private void breakAt(int level) {
            pending = Math.max(pending, level);
        }

        private void text(String s) {
            if (preDepth > 0) {
                pre(s);
                return;
            }
            int n = s.length();
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u2007' || c == '\u202f') {
                    breakAt(SPACE);
                    i++;
                    continue;
                }
                int j = i;
                while (j < n) {
                    char d = s.charAt(j);
                    if (Character.isWhitespace(d) || d == '\u00a0' || d == '\u2007' || d == '\u202f') {
                        break;
                    }
                    j++;
                }
                word(s, i, j);
                i = j;
            }
        }

        private void word(CharSequence s, int from, int to) {
            flush();
            int start = out.length();
            out.append(s, from, to);
            if (emphasisDepth > 0) {
                emphasis.add(start, out.length());
            }
        }

        private void pre(String s) {
            String[] lines = s.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
            for (int k = 0; k < lines.length; k++) {
                if (k > 0) {
                    breakAt(lines[k - 1].isBlank() && k > 1 ? PARAGRAPH : LINE);
                }
                String line = lines[k].replace('\u00a0', ' ').stripTrailing();
                if (line.isBlank()) {
                    continue;
                }
                int indent = 0;
                while (indent < line.length() && line.charAt(indent) == ' ') {
                    indent++;
                }
                flush();
                if (out.length() == 0 || out.charAt(out.length() - 1) == '\n') {
                    out.append(line, 0, indent);
                } else {
                    out.append(' ');
                }
                int start = out.length();
                out.append(line, indent, line.length());
                if (emphasisDepth > 0) {
                    emphasis.add(start, out.length());
                }
            }
        }

        private void flush() {
            if (out.length() > 0) {
                switch (pending) {
                    case SPACE -> out.append(' ');
                    case TAB -> out.append('\t');
                    case LINE -> out.append('\n');
                    case PARAGRAPH -> out.append("\n\n");
                    default -> { }
                }
            }
            pending = NONE;
        }
    }
}
