package org.caveat.compare;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.caveat.Segment;
import org.caveat.read.DocumentReader;
import org.caveat.train.CorpusReader;

/**
 * What text a set of filings repeat: the document frequencies of word 4-grams, and per company the paragraphs
 * pasted into more than one of its filings. It gives each segment a cross-filing boilerplate score
 * ({@link #score(String)}, {@link #scores}), after Lang and Stice-Lawrence (2015): the share of a segment's
 * words covered by 4-grams that occur in at least {@link #DOCUMENT_SHARE} of the indexed documents.
 *
 * <p>Words are lower-cased runs of letters and digits; a 4-gram is kept as a 64-bit hash of its words, and the
 * index keeps only the 4-grams at or above the threshold (so its size grows with the shared text, not with the
 * corpus). A company is named by the EDGAR header's {@code CENTRAL INDEX KEY} (else its
 * {@code COMPANY CONFORMED NAME}), else by the name of the folder that holds the file ({@link #companyOf}).
 * A paragraph is text between blank lines with at least {@link #MIN_PARAGRAPH_WORDS} words, compared by its
 * words only.
 *
 * <p>File format ({@link #write}, {@link #read}): big-endian; the magic {@code CVBX}, the format version
 * ({@link #FORMAT_VERSION}), the document count, the document share as a double, the 4-gram count and
 * that many (hash as long, document frequency as int) in ascending hash order, the company count and per company
 * its name (UTF-8, length as int), its document count, its paragraph count and that many (hash as long, document
 * count as int) ascending; then the CRC-32C of everything before it, as int. It is data only.
 *
 * <p>An index is immutable and thread-safe. Build one with {@link #builder()}; a builder is not thread-safe.
 */
public final class BoilerplateIndex {
    /** The share of documents a 4-gram must occur in to count as boilerplate: 30%, as Lang and Stice-Lawrence. */
    public static final double DOCUMENT_SHARE = 0.3;
    /** The words a paragraph needs to be compared across filings. */
    public static final int MIN_PARAGRAPH_WORDS = 8;
    /** The version of the file format that {@link #write} writes. */
    public static final int FORMAT_VERSION = 1;
    /** The largest index file {@link #read} accepts: 1 GB. */
    public static final int MAX_FILE_BYTES = 1 << 30;
    private static final int MAGIC = 0x43564258; // "CVBX"
    private static final int N = 4;
    private static final Pattern CIK = Pattern.compile("CENTRAL INDEX KEY:[ \\t]*(\\d+)");
    private static final Pattern NAME = Pattern.compile("COMPANY CONFORMED NAME:[ \\t]*([^\\r\\n]*\\S)");
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n");

    private final int documents;
    private final double share;
    private final long[] grams;
    private final int[] gramDocs;
    private final Map<String, Company> companies;

    private record Company(int documents, long[] paragraphs, int[] counts) {
        int count(long hash) {
            int i = Arrays.binarySearch(paragraphs, hash);
            return i < 0 ? 0 : counts[i];
        }
    }

    private BoilerplateIndex(int documents, double share, long[] grams, int[] gramDocs, Map<String, Company> companies) {
        this.documents = documents;
        this.share = share;
        this.grams = grams;
        this.gramDocs = gramDocs;
        this.companies = companies;
    }

    /**
     * Starts building an index.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns how many documents were indexed.
     *
     * @return the document count
     */
    public int documents() {
        return documents;
    }

    /**
     * Returns the share of documents a 4-gram must occur in to count as boilerplate.
     *
     * @return the share the index was built with; {@link #DOCUMENT_SHARE} by default
     */
    public double documentShare() {
        return share;
    }

    /**
     * Returns how many distinct 4-grams occur in at least {@link #documentShare()} of the documents.
     *
     * @return the number of boilerplate 4-grams
     */
    public int boilerplateNgrams() {
        return grams.length;
    }

    /**
     * Returns the companies, each with its number of indexed documents.
     *
     * @return company name to document count, sorted by name
     */
    public Map<String, Integer> companies() {
        Map<String, Integer> m = new TreeMap<>();
        companies.forEach((k, v) -> m.put(k, v.documents()));
        return m;
    }

    /**
     * Returns in how many indexed documents a word 4-gram occurs, if it is a boilerplate 4-gram.
     *
     * @param fourWords text of exactly four words (case and punctuation are ignored)
     * @return its document frequency, or 0 when it is below the threshold or absent
     * @throws IllegalArgumentException if the text does not have four words
     */
    public int documentFrequency(String fourWords) {
        List<String> w = Words.terms(fourWords);
        if (w.size() != N) {
            throw new IllegalArgumentException("a 4-gram has four words, '" + fourWords + "' has " + w.size());
        }
        int i = Arrays.binarySearch(grams, Words.hash(w, 0, N));
        return i < 0 ? 0 : gramDocs[i];
    }

    /**
     * Returns the 4-gram boilerplate score of a piece of text: the share of its words that lie in at least one
     * 4-gram occurring in {@link #DOCUMENT_SHARE} or more of the indexed documents.
     *
     * @param text a segment's text
     * @return the score in [0, 1]; 0 for text of fewer than four words
     */
    public double score(String text) {
        List<String> w = Words.terms(text);
        if (w.size() < N) {
            return 0;
        }
        boolean[] covered = new boolean[w.size()];
        for (int i = 0; i + N <= w.size(); i++) {
            if (Arrays.binarySearch(grams, Words.hash(w, i, i + N)) >= 0) {
                Arrays.fill(covered, i, i + N, true);
            }
        }
        int c = 0;
        for (boolean b : covered) {
            if (b) {
                c++;
            }
        }
        return (double) c / w.size();
    }

    /**
     * Returns how many of a company's indexed documents hold a paragraph.
     *
     * @param company the company, as {@link #companyOf} names it
     * @param paragraph the paragraph's text (compared by its lower-cased words)
     * @return the number of that company's documents holding it; 0 for an unknown company or a paragraph of
     *     fewer than {@link #MIN_PARAGRAPH_WORDS} words
     */
    public int paragraphCount(String company, String paragraph) {
        Objects.requireNonNull(company, "company");
        Company c = companies.get(company);
        List<String> w = Words.terms(paragraph);
        return c == null || w.size() < MIN_PARAGRAPH_WORDS ? 0 : c.count(Words.hash(w, 0, w.size()));
    }

    /**
     * Scores every segment of an analysed text: the maximum of its 4-gram score ({@link #score(String)}) and,
     * when the company is known, a near-duplicate signal of 1 when the paragraph holding the segment occurs in
     * at least two of that company's indexed documents (text pasted into several releases).
     *
     * @param text the analysed text
     * @param segments its segments
     * @param company the filing's company as {@link #companyOf} names it, or null to use the 4-gram score only
     * @return one score in [0, 1] per segment, in order
     */
    public List<Double> scores(String text, List<Segment> segments, String company) {
        Objects.requireNonNull(text, "text");
        Company c = company == null ? null : companies.get(company);
        int[] paraStart = null;
        boolean[] repeated = null;
        if (c != null) {
            List<int[]> paras = paragraphs(text);
            paraStart = new int[paras.size()];
            repeated = new boolean[paras.size()];
            for (int p = 0; p < paras.size(); p++) {
                paraStart[p] = paras.get(p)[0];
                List<String> w = Words.terms(text.substring(paras.get(p)[0], paras.get(p)[1]));
                repeated[p] = w.size() >= MIN_PARAGRAPH_WORDS && c.count(Words.hash(w, 0, w.size())) >= 2;
            }
        }
        List<Double> out = new ArrayList<>(segments.size());
        for (Segment s : segments) {
            double v = score(s.text());
            if (c != null && paraStart.length > 0) {
                int p = Arrays.binarySearch(paraStart, s.start());
                p = p >= 0 ? p : Math.max(0, -p - 2);
                if (repeated[p]) {
                    v = 1;
                }
            }
            out.add(v);
        }
        return out;
    }

    /**
     * Names the company of a filing: its EDGAR header's {@code CENTRAL INDEX KEY} ({@code cik:0000320193}),
     * else its {@code COMPANY CONFORMED NAME} ({@code name:APPLE INC}), else the name of the folder holding the
     * file ({@code folder:acme}).
     *
     * @param content the file's bytes (only the first 64 KB are looked at)
     * @param file the file, or null when the content did not come from one
     * @return the company key; {@code "unknown"} when there is neither a header nor a folder
     */
    public static String companyOf(byte[] content, Path file) {
        Objects.requireNonNull(content, "content");
        String head = new String(content, 0, Math.min(content.length, 1 << 16), StandardCharsets.ISO_8859_1);
        Matcher m = CIK.matcher(head);
        if (m.find()) {
            return "cik:" + m.group(1);
        }
        m = NAME.matcher(head);
        if (m.find()) {
            return "name:" + m.group(1).strip().toUpperCase(Locale.ROOT);
        }
        Path parent = file == null ? null : file.toAbsolutePath().normalize().getParent();
        return parent == null || parent.getFileName() == null ? "unknown" : "folder:" + parent.getFileName();
    }

    /** Paragraphs as [start, end) offsets: text between blank lines. */
    private static List<int[]> paragraphs(String text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = BLANK_LINE.matcher(text);
        int start = 0;
        while (m.find()) {
            out.add(new int[] {start, m.start()});
            start = m.end();
        }
        out.add(new int[] {start, text.length()});
        return out;
    }

    /**
     * Writes the index in the format described above.
     *
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public void write(OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(bytes);
        d.writeInt(MAGIC);
        d.writeInt(FORMAT_VERSION);
        d.writeInt(documents);
        d.writeDouble(share);
        writeCounts(d, grams, gramDocs);
        d.writeInt(companies.size());
        for (Map.Entry<String, Company> e : new TreeMap<>(companies).entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            d.writeInt(name.length);
            d.write(name);
            Company c = e.getValue();
            d.writeInt(c.documents());
            writeCounts(d, c.paragraphs(), c.counts());
        }
        d.flush();
        CRC32C crc = new CRC32C();
        crc.update(bytes.toByteArray());
        d.writeInt((int) crc.getValue());
        d.flush();
        bytes.writeTo(out);
    }

    /**
     * Writes the index to a file.
     *
     * @param file the file to create or replace
     * @throws IOException if writing fails
     */
    public void write(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out);
        }
    }

    /**
     * Reads an index file.
     *
     * @param file the file
     * @return the index
     * @throws InvalidIndexException if the file is not an index, is damaged or has an unknown version
     * @throws IOException if the file cannot be read
     */
    public static BoilerplateIndex read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new InvalidIndexException(file + " is larger than an index file can be (" + MAX_FILE_BYTES + " bytes)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (InvalidIndexException e) {
            throw new InvalidIndexException(file + ": " + e.getMessage());
        }
    }

    /**
     * Reads an index from a stream holding an index file.
     *
     * @param in the file's bytes; read to the end, not closed
     * @return the index
     * @throws InvalidIndexException if the data is not an index, is damaged or has an unknown version
     * @throws IOException if reading fails
     */
    public static BoilerplateIndex read(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        byte[] all = in.readNBytes(MAX_FILE_BYTES + 1);
        if (all.length > MAX_FILE_BYTES) {
            throw new InvalidIndexException("the data is larger than an index file can be (" + MAX_FILE_BYTES + " bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(all);
        try {
            if (all.length < 8 || b.getInt() != MAGIC) {
                throw new InvalidIndexException("not a Caveat boilerplate index (no CVBX header); build one with "
                        + "'caveat index DIR -o FILE'");
            }
            int version = b.getInt();
            if (version != FORMAT_VERSION) {
                throw new InvalidIndexException("index format version " + version + " is not supported (this library "
                        + "reads version " + FORMAT_VERSION + "); rebuild the index with this version of Caveat");
            }
            CRC32C crc = new CRC32C();
            crc.update(all, 0, all.length - 4);
            if (all.length < 12 || (int) crc.getValue() != ByteBuffer.wrap(all, all.length - 4, 4).getInt()) {
                throw new InvalidIndexException("the index is damaged (checksum mismatch); rebuild it or copy it again");
            }
            int documents = nonNegative(b.getInt(), "document count");
            double share = b.getDouble();
            Table gramTable = readTable(b, "4-gram");
            long[] grams = gramTable.keys();
            int[] docs = gramTable.counts();
            int nc = count(b, 12, "company count");
            Map<String, Company> companies = new HashMap<>();
            for (int c = 0; c < nc; c++) {
                byte[] name = new byte[count(b, 1, "company name length")];
                b.get(name);
                int cd = nonNegative(b.getInt(), "company document count");
                Table paragraphTable = readTable(b, "paragraph");
                long[] ph = paragraphTable.keys();
                int[] pc = paragraphTable.counts();
                companies.put(new String(name, StandardCharsets.UTF_8), new Company(cd, ph, pc));
            }
            if (b.remaining() != 4) {
                throw new InvalidIndexException("the index has " + (b.remaining() - 4) + " unexpected bytes at its end");
            }
            return new BoilerplateIndex(documents, share, grams, docs, Map.copyOf(companies));
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new InvalidIndexException("the index is truncated; rebuild it or copy it again");
        }
    }

    /** Writes a table of hashes, in ascending order, with a count for each: its size, then (hash, count) pairs. */
    private static void writeCounts(DataOutputStream d, long[] keys, int[] counts) throws IOException {
        d.writeInt(keys.length);
        for (int i = 0; i < keys.length; i++) {
            d.writeLong(keys[i]);
            d.writeInt(counts[i]);
        }
    }

    /** A table of hashes in ascending order, with a count for each. */
    private record Table(long[] keys, int[] counts) {
    }

    /** Reads a table written by {@link #writeCounts}, checking its size and order. */
    private static Table readTable(ByteBuffer b, String what) throws InvalidIndexException {
        int n = count(b, 12, what + " count");
        long[] keys = new long[n];
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
            keys[i] = b.getLong();
            counts[i] = b.getInt();
            if (i > 0 && keys[i] <= keys[i - 1]) {
                throw new InvalidIndexException("the " + what + "s are not in ascending order");
            }
        }
        return new Table(keys, counts);
    }

    private static int nonNegative(int v, String what) throws InvalidIndexException {
        if (v < 0) {
            throw new InvalidIndexException("the " + what + " is negative (" + v + ")");
        }
        return v;
    }

    private static int count(ByteBuffer b, int bytesEach, String what) throws InvalidIndexException {
        int v = nonNegative(b.getInt(), what);
        if ((long) v * bytesEach > b.remaining()) {
            throw new InvalidIndexException("the " + what + " (" + v + ") runs past the end of the file");
        }
        return v;
    }

    /**
     * Collects documents and builds a {@link BoilerplateIndex}. Not thread-safe; a builder can build once.
     */
    public static final class Builder {
        /** The file names {@link #addFiles} picks up in a folder. */
        public static final List<String> EXTENSIONS = List.of("txt", "htm", "html", "xhtml", "xml", "sgml", "nc", "cav");
        private long[] grams = new long[1 << 16];
        private int size;
        private int documents;
        private double documentShare = DOCUMENT_SHARE;
        private final Map<String, Map<Long, Integer>> paragraphs = new HashMap<>();
        private final Map<String, Integer> companyDocs = new HashMap<>();

        private Builder() {
        }

        /**
         * Adds one document's text.
         *
         * @param company the company it belongs to (any stable name; see {@link BoilerplateIndex#companyOf})
         * @param text the document's plain text
         * @return this builder
         */
        public Builder add(String company, String text) {
            Objects.requireNonNull(company, "company");
            Objects.requireNonNull(text, "text");
            List<String> w = Words.terms(text);
            long[] h = new long[Math.max(0, w.size() - N + 1)];
            for (int i = 0; i < h.length; i++) {
                h[i] = Words.hash(w, i, i + N);
            }
            Arrays.sort(h);
            for (int i = 0; i < h.length; i++) {
                if (i == 0 || h[i] != h[i - 1]) {
                    if (size == grams.length) {
                        grams = Arrays.copyOf(grams, size * 2);
                    }
                    grams[size++] = h[i];
                }
            }
            Map<Long, Integer> p = paragraphs.computeIfAbsent(company, k -> new HashMap<>());
            java.util.Set<Long> seen = new java.util.HashSet<>();
            for (int[] para : paragraphs(text)) {
                List<String> pw = Words.terms(text.substring(para[0], para[1]));
                if (pw.size() >= MIN_PARAGRAPH_WORDS && seen.add(Words.hash(pw, 0, pw.size()))) {
                    p.merge(Words.hash(pw, 0, pw.size()), 1, Integer::sum);
                }
            }
            companyDocs.merge(company, 1, Integer::sum);
            documents++;
            return this;
        }

        /**
         * Adds files: plain text, HTML, EDGAR submissions (their default document, as {@code analyze} reads them)
         * and labelled corpus files ({@code .cav}, their text without labels). A folder gives its files with the
         * {@link #EXTENSIONS}, recursively, in sorted order, skipping hidden files and folders and {@code .analysed.txt}
         * outputs. Each file's company is {@link BoilerplateIndex#companyOf}.
         *
         * @param paths files and folders
         * @return this builder
         * @throws IOException if a file cannot be read or is not a readable document; the message names it
         */
        public Builder addFiles(List<Path> paths) throws IOException {
            for (Path p : paths) {
                if (Files.isDirectory(p)) {
                    List<Path> files;
                    try (Stream<Path> s = Files.walk(p)) {
                        files = s.filter(Files::isRegularFile).filter(f -> wanted(p.relativize(f))).sorted().toList();
                    }
                    for (Path f : files) {
                        addFile(f);
                    }
                } else {
                    addFile(p);
                }
            }
            return this;
        }

        private static boolean wanted(Path relative) {
            for (Path part : relative) {
                if (part.toString().startsWith(".")) {
                    return false;
                }
            }
            String name = relative.getFileName().toString();
            int dot = name.lastIndexOf('.');
            return !name.startsWith(".") && !name.endsWith(".analysed.txt") && dot > 0
                    && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        }

        private void addFile(Path f) throws IOException {
            byte[] content = Files.readAllBytes(f);
            String text;
            try {
                if (f.getFileName().toString().endsWith(CorpusReader.EXTENSION)) {
                    text = CorpusReader.parse(new String(content, StandardCharsets.UTF_8), f.getFileName().toString()).text();
                } else {
                    text = DocumentReader.read(content, null).text();
                }
            } catch (IOException e) {
                throw new IOException(f + ": " + e.getMessage(), e);
            }
            add(companyOf(content, f), text);
        }

        /**
         * Sets the share of documents a 4-gram must occur in to count as boilerplate.
         *
         * @param share a share in (0, 1]; {@link #DOCUMENT_SHARE} (30%) unless set
         * @return this builder
         * @throws IllegalArgumentException if the share is not in (0, 1]
         */
        public Builder documentShare(double share) {
            if (!(share > 0 && share <= 1)) {
                throw new IllegalArgumentException("the document share must be more than 0 and at most 1, was " + share);
            }
            this.documentShare = share;
            return this;
        }

        /**
         * Returns how many documents have been added.
         *
         * @return the count
         */
        public int documents() {
            return documents;
        }

        /**
         * Builds the index.
         *
         * @return the index of the documents added
         * @throws IllegalStateException if no document was added
         */
        public BoilerplateIndex build() {
            if (documents == 0) {
                throw new IllegalStateException("a boilerplate index needs at least one document; none was added");
            }
            long[] all = Arrays.copyOf(grams, size);
            Arrays.sort(all);
            int threshold = Math.max(1, (int) Math.ceil(documentShare * documents - 1e-9));
            long[] keys = new long[16];
            int[] counts = new int[16];
            int k = 0;
            for (int i = 0; i < all.length;) {
                int j = i;
                while (j < all.length && all[j] == all[i]) {
                    j++;
                }
                if (j - i >= threshold) {
                    if (k == keys.length) {
                        keys = Arrays.copyOf(keys, k * 2);
                        counts = Arrays.copyOf(counts, k * 2);
                    }
                    keys[k] = all[i];
                    counts[k++] = j - i;
                }
                i = j;
            }
            Map<String, Company> companies = new HashMap<>();
            paragraphs.forEach((name, map) -> {
                long[] ph = map.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
                int[] pc = new int[ph.length];
                for (int i = 0; i < ph.length; i++) {
                    pc[i] = map.get(ph[i]);
                }
                companies.put(name, new Company(companyDocs.get(name), ph, pc));
            });
            return new BoilerplateIndex(documents, documentShare, Arrays.copyOf(keys, k), Arrays.copyOf(counts, k),
                    Map.copyOf(companies));
        }
    }
}
