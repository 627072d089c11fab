package org.caveat.segment;

import edu.stanford.nlp.ling.Word;
import edu.stanford.nlp.process.PTBTokenizer;
import edu.stanford.nlp.process.WordToSentenceProcessor;
import edu.stanford.nlp.process.WordTokenFactory;
import java.io.Reader;
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

    private final WordToSentenceProcessor<Word> splitter = new WordToSentenceProcessor<>();
    /** Whether to leave units that cannot hold two sentences untokenized; off only to test that it changes nothing. */
    private final boolean skipSingleSentences;

    /** Creates a segmenter. */
    public Segmenter() {
        this(true);
    }

    Segmenter(boolean skipSingleSentences) {
        this.skipSingleSentences = skipSingleSentences;
    }

    /**
     * Segments a text.
     *
     * @param text the analysed text
     * @return the segments in document order
     */
    public List<SegmentSpan> segment(String text) {
        Lines lines = new Lines(text);
        // Units first; then one tokenizer pass over only the units a sentence splitter could split.
        List<int[]> units = new ArrayList<>();
        int n = lines.count;
        int i = 0;
        while (i < n) {
            if (lines.blank(i)) {
                i++;
                continue;
            }
            int first = i;
            int last = i;
            if (!lines.table(i)) {
                while (last + 1 < n && !lines.blank(last + 1) && lines.continues(last)) {
                    last++;
                }
            }
            units.add(new int[] {first, last});
            i = last + 1;
        }
        int[] starts = new int[units.size()];
        int[] ends = new int[units.size()];
        boolean[] split = new boolean[units.size()];
        for (int u = 0; u < units.size(); u++) {
            int first = units.get(u)[0];
            int last = units.get(u)[1];
            starts[u] = lines.start[first];
            ends[u] = lines.end[last];
            split[u] = !lines.table(first) && (!skipSingleSentences || mayEndSentence(text, starts[u], ends[u]));
        }
        // One tokenizer pass over the windows, read unit by unit: only the current unit's tokens are held,
        // so memory does not grow with the document.
        Tokens tokens = new Tokens(text, windows(text, starts, ends, split));
        List<Word> unitTokens = new ArrayList<>();
        List<SegmentSpan> out = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            int first = units.get(u)[0];
            int last = units.get(u)[1];
            int start = starts[u];
            int end = ends[u];
            boolean table = lines.table(first);
            Shape shape = table ? Shape.TABLE_ROW : lines.bullet(first) ? Shape.BULLET : Shape.SENTENCE;
            unitTokens.clear();
            if (split[u]) {
                tokens.collect(start, end, unitTokens);
            }
            emitUnit(text, unitTokens, split[u], start, end, lines.block[first], u, shape, first == last, out);
        }
        return out;
    }

    /**
     * Whether CoreNLP's splitter could cut a unit into more than one sentence: whether it holds a
     * character that can make a boundary token ({@code [.。]|[!?！？]+}, and look-alikes for safety)
     * anywhere but in its closing punctuation (one period, question or exclamation mark, then at most
     * one closing quote or bracket, which the splitter keeps with the sentence they close). A unit
     * that cannot be cut is one sentence and is not tokenized at all: most tables, headings, bullets
     * and one-sentence paragraphs cost nothing.
     */
    private static boolean mayEndSentence(String text, int start, int end) {
        int k = end;
        if (k > start && isCloser(text.charAt(k - 1))) {
            k--;
        }
        if (k > start && isSentenceMark(text.charAt(k - 1))) {
            k--;
        }
        for (int i = start; i < k; i++) {
            char c = text.charAt(i);
            if (isSentenceMark(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Closing brackets and quotes that the splitter attaches to the sentence ending before them. Straight
     * quotes are left out, and so is a second closer: the tokenizer may read either as an opening quote,
     * which starts a new sentence.
     */
    private static boolean isCloser(char c) {
        return c == ')' || c == ']' || c == '}' || c == '\u201d' || c == '\u2019' || c == '\u00bb';
    }

    /** A character that can make a sentence boundary token for CoreNLP's splitter, or a look-alike. */
    private static boolean isSentenceMark(char c) {
        if (c == '.' || c == '!' || c == '?') {
            return true;
        }
        return c > 0x2000 && (c == '\u3002' || c == '\uff01' || c == '\uff1f' || c == '\uff0e' || c == '\u203c' || c == '\u2047'
                || c == '\u2048' || c == '\u2049' || c == '\ufe52' || c == '\ufe56' || c == '\ufe57' || c == '\uff61'
                || c == '\u2024');
    }

    /** Words of context that the tokenizer sees on each side of a possible sentence end. */
    private static final int CONTEXT_WORDS = 2;

    /**
     * The parts of the units to split that the tokenizer must see: around each character that may end a
     * sentence, the word it is in with {@value #CONTEXT_WORDS} words before and after, overlapping
     * windows merged. Whether a period ends a sentence depends on its own word and the next ones
     * ("Inc." before a capital), and the sentence that follows starts within those words, so the text in
     * between (most of each sentence) need not be tokenized. Windows start and end at whitespace.
     *
     * @return pairs of window start and end offsets, in text order
     */
    private int[] windows(String text, int[] starts, int[] ends, boolean[] split) {
        int[] out = new int[16];
        int m = 0;
        for (int u = 0; u < starts.length; u++) {
            if (!split[u]) {
                continue;
            }
            int start = starts[u];
            int end = ends[u];
            if (!skipSingleSentences || hasStraightQuote(text, start, end)) {
                out = ensure(out, m + 2);
                out[m++] = start;
                out[m++] = end;
                continue;
            }
            int windowStart = -1;
            int windowEnd = -1;
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                if (!isSentenceMark(c)) {
                    continue;
                }
                int a = i;
                for (int w = 0; w <= CONTEXT_WORDS; w++) {
                    a = wordStartBefore(text, start, a);
                }
                int b = i;
                for (int w = 0; w <= CONTEXT_WORDS; w++) {
                    b = wordEndAfter(text, end, b);
                }
                if (windowEnd >= 0 && a <= windowEnd) {
                    windowEnd = Math.max(windowEnd, b);
                } else {
                    if (windowEnd >= 0) {
                        out = ensure(out, m + 2);
                        out[m++] = windowStart;
                        out[m++] = windowEnd;
                    }
                    windowStart = a;
                    windowEnd = b;
                }
            }
            if (windowEnd >= 0) {
                out = ensure(out, m + 2);
                out[m++] = windowStart;
                out[m++] = windowEnd;
            }
        }
        return Arrays.copyOf(out, m);
    }

    /**
     * Whether a unit holds a straight quote (other than an apostrophe inside a word). The tokenizer turns
     * straight quotes into opening or closing ones by what it has seen before them, and that decides
     * where the splitter starts a sentence, so such a unit is tokenized whole.
     */
    private static boolean hasStraightQuote(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '`') {
                return true;
            }
            if (c == '\'' && !(i > start && i + 1 < end && Character.isLetter(text.charAt(i - 1))
                    && Character.isLetter(text.charAt(i + 1)))) {
                return true;
            }
        }
        return false;
    }

    private static int[] ensure(int[] a, int size) {
        return size <= a.length ? a : Arrays.copyOf(a, Math.max(size, a.length * 2));
    }

    /**
     * From inside or just after a word, the start of that word; from its start, the start of the word
     * before. Never before {@code floor}.
     */
    private static int wordStartBefore(String text, int floor, int pos) {
        int i = pos;
        while (i > floor && !isSpace(text.charAt(i - 1))) {
            i--;
        }
        if (i == pos) {
            // Already at a word start: step over the spaces and the word before.
            while (i > floor && isSpace(text.charAt(i - 1))) {
                i--;
            }
            while (i > floor && !isSpace(text.charAt(i - 1))) {
                i--;
            }
        }
        return i;
    }

    /**
     * From inside a word, the end of that word; from its end, the end of the next word. Never after
     * {@code ceiling}.
     */
    private static int wordEndAfter(String text, int ceiling, int pos) {
        int i = pos;
        while (i < ceiling && !isSpace(text.charAt(i))) {
            i++;
        }
        if (i == pos) {
            while (i < ceiling && isSpace(text.charAt(i))) {
                i++;
            }
            while (i < ceiling && !isSpace(text.charAt(i))) {
                i++;
            }
        }
        return i;
    }

    /**
     * The tokens of text windows, from one tokenizer pass over a reader that presents only them (each
     * followed by a blank line), with each token's offsets mapped back into the text. Read in text order.
     */
    private static final class Tokens {
        private final WindowReader reader;
        private final PTBTokenizer<Word> tokenizer;
        private Word next;

        Tokens(String text, int[] windows) {
            reader = new WindowReader(text, windows);
            tokenizer = new PTBTokenizer<>(reader, new WordTokenFactory(), TOKENIZER_OPTIONS);
            advance();
        }

        private void advance() {
            if (!tokenizer.hasNext()) {
                next = null;
                return;
            }
            Word token = tokenizer.next();
            int a = reader.toText(token.beginPosition());
            int b = reader.toText(token.endPosition() - 1) + 1;
            token.setBeginPosition(a);
            token.setEndPosition(b);
            next = token;
        }

        /** Skips the tokens before {@code start}, and adds those that begin before {@code end} to {@code out}. */
        void collect(int start, int end, List<Word> out) {
            while (next != null && next.beginPosition() < start) {
                advance();
            }
            while (next != null && next.beginPosition() < end) {
                out.add(next);
                advance();
            }
        }
    }

    /** A reader over windows of a text, each followed by a blank line, that maps its offsets back. */
    private static final class WindowReader extends Reader {
        private static final String GAP = "\n\n";
        private final String text;
        private final int[] unitStart;
        private final int[] unitEnd;
        /** The reader offset at which each window begins. */
        private final int[] readerStart;
        private final int count;
        private int unit;
        private int pos;
        private int gapLeft;

        /** @param windows pairs of window start and end offsets, in text order */
        WindowReader(String text, int[] windows) {
            this.text = text;
            count = windows.length / 2;
            unitStart = new int[count];
            unitEnd = new int[count];
            readerStart = new int[count];
            int r = 0;
            for (int j = 0; j < count; j++) {
                unitStart[j] = windows[2 * j];
                unitEnd[j] = windows[2 * j + 1];
                readerStart[j] = r;
                r += unitEnd[j] - unitStart[j] + GAP.length();
            }
            pos = count > 0 ? unitStart[0] : 0;
        }

        /** Maps a reader offset inside a window to its text offset. */
        int toText(int readerOffset) {
            int j = Arrays.binarySearch(readerStart, readerOffset);
            if (j < 0) {
                j = -j - 2;
            }
            return unitStart[j] + Math.min(readerOffset - readerStart[j], unitEnd[j] - unitStart[j]);
        }

        @Override
        public int read(char[] buf, int off, int len) {
            int written = 0;
            while (written < len && unit < count) {
                if (gapLeft > 0) {
                    buf[off + written++] = '\n';
                    gapLeft--;
                    if (gapLeft == 0) {
                        unit++;
                        pos = unit < count ? unitStart[unit] : 0;
                    }
                    continue;
                }
                int take = Math.min(len - written, unitEnd[unit] - pos);
                text.getChars(pos, pos + take, buf, off + written);
                written += take;
                pos += take;
                if (pos == unitEnd[unit]) {
                    gapLeft = GAP.length();
                }
            }
            return written == 0 && len > 0 ? -1 : written;
        }

        @Override
        public void close() {
        }
    }

    private void emitUnit(String text, List<Word> tokens, boolean tokenized, int start, int end, int block, int unit,
                          Shape shape, boolean singleLine, List<SegmentSpan> out) {
        if (shape == Shape.TABLE_ROW) {
            addCapped(text, start, end, block, unit, shape, out);
            return;
        }
        if (singleLine && shape == Shape.SENTENCE && end - start <= 200 && looksLikeHeading(text, start, end)) {
            // A title or heading line is one segment even where an abbreviation ("Acme Corp. Reports ...")
            // would make the sentence splitter cut it.
            addCapped(text, start, end, block, unit, Shape.HEADING, out);
            return;
        }
        int[] starts;
        int k;
        if (tokenized && !tokens.isEmpty()) {
            List<List<Word>> sentences = splitter.process(tokens);
            starts = new int[sentences.size()];
            k = 0;
            for (List<Word> s : sentences) {
                if (!s.isEmpty()) {
                    starts[k++] = s.get(0).beginPosition();
                }
            }
            starts = Arrays.copyOf(starts, Math.max(k, 1));
        } else {
            starts = new int[1];
            k = 1;
        }
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
        if (Character.isLowerCase(text.charAt(a)) || text.startsWith(" and", b - 4) || text.startsWith(" or", b - 3)) {
            return false; // a line of a list ("weather that shortens the season; and"), not a title
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
