package org.caveat.segment;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import edu.stanford.nlp.process.WordToSentenceProcessor;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits text into sentence-sized segments with exact offsets.
 *
 * <p>Lines are first grouped into units: the lines of a hard-wrapped paragraph are joined back
 * together (a line continues when the next line's first word would not have fitted on it, or when
 * the next line starts in lower case), while headings, bullet items and table rows stay units of
 * their own. CoreNLP's PTB tokenizer and sentence splitter then split each unit into sentences.
 * Segments start and end on non-whitespace and together cover every non-whitespace character.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Segmenter {
    /** Segments longer than this are cut at a space, so that no single segment grows without bound. */
    static final int MAX_SEGMENT_CHARS = 5000;

    private static final String TOKENIZER_OPTIONS =
            "invertible=false,tokenizeNLs=false,ptb3Escaping=false,untokenizable=noneKeep,splitHyphenated=false";
    private static final Pattern BULLET = Pattern.compile(
            "^[ \\t]*(?:[•●▪◦·‣⁃○■□◆►✓➢§*]|[-–—](?=[ \\t])|\\(?[0-9]{1,2}[.)](?=[ \\t])|\\(?[a-zA-Z][.)](?=[ \\t])"
                    + "|\\((?:[ivxIVX]{1,5}|[a-zA-Z]|[0-9]{1,2})\\))[ \\t]*");

    private final WordToSentenceProcessor<CoreLabel> splitter = new WordToSentenceProcessor<>();

    /**
     * Segments a text.
     *
     * @param text the analysed text
     * @return the segments in document order
     */
    public List<SegmentSpan> segment(String text) {
        Lines lines = new Lines(text);
        List<SegmentSpan> out = new ArrayList<>();
        // One tokenizer over the whole text, read unit by unit: only the current unit's tokens are held,
        // so memory does not grow with the number of tokens in the document.
        PTBTokenizer<CoreLabel> tokenizer = new PTBTokenizer<>(new StringReader(text), new CoreLabelTokenFactory(),
                TOKENIZER_OPTIONS);
        CoreLabel next = tokenizer.hasNext() ? tokenizer.next() : null;
        List<CoreLabel> tokens = new ArrayList<>();
        int unitIndex = 0;
        int n = lines.count;
        int i = 0;
        while (i < n) {
            if (lines.blank(i)) {
                i++;
                continue;
            }
            int first = i;
            int last = i;
            boolean table = lines.table(i);
            if (!table) {
                while (last + 1 < n && !lines.blank(last + 1) && lines.continues(last)) {
                    last++;
                }
            }
            int start = lines.start[first];
            int end = lines.end[last];
            while (next != null && next.beginPosition() < start) {
                next = tokenizer.hasNext() ? tokenizer.next() : null;
            }
            tokens.clear();
            while (next != null && next.beginPosition() < end) {
                tokens.add(next);
                next = tokenizer.hasNext() ? tokenizer.next() : null;
            }
            Shape shape = table ? Shape.TABLE_ROW : lines.bullet(first) ? Shape.BULLET : Shape.SENTENCE;
            emitUnit(text, tokens, start, end, lines.block[first], unitIndex++, shape, first == last, out);
            i = last + 1;
        }
        return out;
    }

    private void emitUnit(String text, List<CoreLabel> tokens, int start, int end, int block, int unit, Shape shape,
                          boolean singleLine, List<SegmentSpan> out) {
        if (shape == Shape.TABLE_ROW || tokens.isEmpty()) {
            addCapped(text, start, end, block, unit, shape, out);
            return;
        }
        if (singleLine && shape == Shape.SENTENCE && end - start <= 200 && looksLikeHeading(text, start, end)) {
            // A title or heading line is one segment even where an abbreviation ("Acme Corp. Reports ...")
            // would make the sentence splitter cut it.
            addCapped(text, start, end, block, unit, Shape.HEADING, out);
            return;
        }
        List<List<CoreLabel>> sentences = splitter.process(tokens);
        int[] starts = new int[sentences.size()];
        int k = 0;
        for (List<CoreLabel> s : sentences) {
            if (!s.isEmpty()) {
                starts[k++] = s.get(0).beginPosition();
            }
        }
        starts = Arrays.copyOf(starts, Math.max(k, 1));
        starts[0] = start;
        int kept = 1;
        for (int j = 1; j < k; j++) {
            char c = text.charAt(starts[j]);
            if (Character.isLowerCase(c) || c == ',' || c == ';' || c == ')' || c == '%') {
                continue;
            }
            starts[kept++] = starts[j];
        }
        k = Math.min(k, kept);
        for (int j = 0; j < k || j == 0; j++) {
            int a = starts[j];
            int b = j + 1 < k ? starts[j + 1] : end;
            while (a < b && isSpace(text.charAt(a))) {
                a++; // the tokenizer keeps some whitespace (NEL) as a token, which may start a sentence
            }
            while (b > a && isSpace(text.charAt(b - 1))) {
                b--;
            }
            if (b <= a) {
                continue;
            }
            Shape s = shape;
            if (j > 0 && shape == Shape.BULLET) {
                s = Shape.SENTENCE;
            } else if (shape == Shape.SENTENCE && singleLine && k == 1 && looksLikeHeading(text, a, b)) {
                s = Shape.HEADING;
            }
            addCapped(text, a, b, block, unit, s, out);
        }
    }

    /**
     * Whitespace as output.md counts it: Java's whitespace, no-break and other Unicode spaces, and
     * NEL (U+0085); the same set as Python's {@code str.isspace()}, which the contract checker uses.
     * Invisible characters that are not whitespace there (zero-width space, a stray byte-order mark)
     * stay inside segments, so that every non-whitespace character is covered.
     *
     * @param c a character
     * @return whether it is whitespace
     */
    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    private static boolean looksLikeHeading(String text, int a, int b) {
        char last = text.charAt(b - 1);
        if (last == '.' || last == '!' || last == '?' || last == ';' || last == ',') {
            return false;
        }
        int words = 1;
        for (int i = a; i < b; i++) {
            if (text.charAt(i) == ' ') {
                words++;
            }
        }
        return words <= 25;
    }

    private static void addCapped(String text, int a, int b, int block, int unit, Shape shape, List<SegmentSpan> out) {
        while (b - a > MAX_SEGMENT_CHARS) {
            int cut = a + MAX_SEGMENT_CHARS;
            int sp = cut;
            while (sp > a + MAX_SEGMENT_CHARS / 2 && !isSpace(text.charAt(sp))) {
                sp--;
            }
            if (sp > a + MAX_SEGMENT_CHARS / 2) {
                cut = sp;
            } else if (Character.isLowSurrogate(text.charAt(cut))) {
                cut--;
            }
            int e = cut;
            while (e > a && isSpace(text.charAt(e - 1))) {
                e--;
            }
            out.add(new SegmentSpan(a, e, block, unit, shape));
            a = cut;
            while (a < b && isSpace(text.charAt(a))) {
                a++;
            }
            shape = Shape.SENTENCE;
        }
        if (b > a) {
            out.add(new SegmentSpan(a, b, block, unit, shape));
        }
    }

    /** The lines of a text with their trimmed bounds, paragraph numbers and wrap width. */
    private static final class Lines {
        final String text;
        final int count;
        final int[] lineStart;
        final int[] start;
        final int[] end;
        final int[] block;
        private final boolean[] bullet;
        private final boolean[] table;
        final int width;

        Lines(String text) {
            this.text = text;
            int n = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    n++;
                }
            }
            count = n;
            lineStart = new int[n];
            start = new int[n];
            end = new int[n];
            block = new int[n];
            int li = 0;
            int ls = 0;
            for (int i = 0; i <= text.length(); i++) {
                if (i == text.length() || text.charAt(i) == '\n') {
                    int a = ls;
                    int b = i;
                    while (a < b && isSpace(text.charAt(a))) {
                        a++;
                    }
                    while (b > a && isSpace(text.charAt(b - 1))) {
                        b--;
                    }
                    lineStart[li] = ls;
                    start[li] = a;
                    end[li] = b;
                    li++;
                    ls = i + 1;
                }
            }
            int bl = 0;
            for (int i = 0; i < n; i++) {
                if (blank(i) && i > 0 && !blank(i - 1)) {
                    bl++;
                }
                block[i] = bl;
            }
            bullet = new boolean[n];
            table = new boolean[n];
            for (int i = 0; i < n; i++) {
                bullet[i] = !blank(i) && isBullet(i);
                table[i] = !blank(i) && isTable(i);
            }
            width = estimateWidth();
        }

        boolean blank(int i) {
            return start[i] >= end[i];
        }

        int length(int i) {
            return end[i] - lineStart[i];
        }

        /** The wrap width of hard-wrapped text: a high percentile of the lengths of lines that are followed by another. */
        private int estimateWidth() {
            int[] lens = new int[count];
            int m = 0;
            for (int i = 0; i + 1 < count; i++) {
                if (!blank(i) && !blank(i + 1) && !table(i)) {
                    lens[m++] = length(i);
                }
            }
            if (m == 0) {
                return Integer.MAX_VALUE;
            }
            Arrays.sort(lens, 0, m);
            if (m < 6) {
                // Too few lines for a percentile: the longest line, if it looks like a wrap width.
                int max = lens[m - 1];
                return max >= 50 && max <= 100 ? max : Integer.MAX_VALUE;
            }
            int w = lens[(int) (m * 0.9)];
            return w < 30 ? Integer.MAX_VALUE : w;
        }

        boolean bullet(int i) {
            return bullet[i];
        }

        boolean table(int i) {
            return table[i];
        }

        private boolean isBullet(int i) {
            return BULLET.matcher(text.subSequence(start[i], Math.min(end[i], start[i] + 12))).lookingAt();
        }

        private boolean isTable(int i) {
            int a = start[i];
            int b = end[i];
            if (b - a > 400 || isBullet(i)) {
                return false;
            }
            int gaps = 0;
            boolean digit = false;
            int spaces = 0;
            for (int k = a; k < b; k++) {
                char c = text.charAt(k);
                if (c == '\t') {
                    gaps++;
                    spaces = 0;
                } else if (c == ' ') {
                    if (++spaces == 3) {
                        gaps++;
                    }
                } else {
                    spaces = 0;
                    if (c >= '0' && c <= '9') {
                        digit = true;
                    }
                }
            }
            return gaps >= 2 || (gaps >= 1 && digit);
        }

        private boolean startsWithAddress(int i) {
            int w = start[i];
            while (w < end[i] && !isSpace(text.charAt(w))) {
                w++;
            }
            String first = text.substring(start[i], w);
            return first.indexOf('@') > 0 || first.startsWith("www.") || first.startsWith("http");
        }

        /** Whether line i's text goes on in line i+1 (a hard wrap), rather than ending there. */
        boolean continues(int i) {
            int next = i + 1;
            if (table(next) || bullet(next)) {
                return false;
            }
            char last = text.charAt(end[i] - 1);
            char first = text.charAt(start[next]);
            if (startsWithAddress(next)) {
                return false; // an e-mail or web address on its own line, as in a contact block
            }
            boolean closed = last == '.' || last == ':' || last == '!' || last == '?';
            if (!closed && (Character.isLowerCase(first) || last == ',' || last == '-' && Character.isLetter(first))) {
                return true;
            }
            if (width == Integer.MAX_VALUE) {
                return false;
            }
            int w = start[next];
            while (w < end[next] && !isSpace(text.charAt(w))) {
                w++;
            }
            return length(i) + 1 + (w - start[next]) >= width - 1;
        }
    }
}
