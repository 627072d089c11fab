package org.caveat.train;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.caveat.RiskCategory;
import org.caveat.SegmentType;

/**
 * Reads the labelled corpus ({@code .cav} files, format in {@code training-data/README.md}) and
 * checks every file: known ids, well-nested tags, segments that begin and end on non-whitespace,
 * every word inside a segment. Stateless.
 */
public final class CorpusReader {
    /** The file extension of training documents. */
    public static final String EXTENSION = ".cav";
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Z_]+)((?: [A-Z_]+)*)>");
    private static final Set<String> HEADER_KEYS = Set.of("kind", "industry", "year", "style", "author");

    private CorpusReader() {
    }

    /**
     * Reads every {@code .cav} file below a folder, in path order.
     *
     * @param dir the corpus folder
     * @return the documents
     * @throws CorpusFormatException if a file breaks the format
     * @throws IOException if a file cannot be read
     */
    public static List<CorpusDocument> readAll(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("training data folder not found: " + dir);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(EXTENSION) && Files.isRegularFile(p)).sorted().toList();
        }
        List<CorpusDocument> docs = new ArrayList<>();
        for (Path f : files) {
            docs.add(read(f, dir.relativize(f).toString().replace('\\', '/')));
        }
        return docs;
    }

    /**
     * Reads and checks one file.
     *
     * @param file the file
     * @param name the name to give the document
     * @return the document
     * @throws CorpusFormatException if the file breaks the format
     * @throws IOException if it cannot be read
     */
    public static CorpusDocument read(Path file, String name) throws IOException {
        String raw;
        try {
            raw = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new CorpusFormatException(name + ": not valid UTF-8");
        }
        return parse(raw, name);
    }

    /**
     * Parses and checks the content of one training file.
     *
     * @param raw the file content
     * @param name the document name, for messages
     * @return the document
     * @throws CorpusFormatException if the content breaks the format
     */
    public static CorpusDocument parse(String raw, String name) throws CorpusFormatException {
        Map<String, String> meta = new LinkedHashMap<>();
        int pos = 0;
        while (raw.startsWith("%% ", pos)) {
            int nl = raw.indexOf('\n', pos);
            String line = raw.substring(pos + 3, nl < 0 ? raw.length() : nl);
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new CorpusFormatException(name + ": header line without ':': " + line);
            }
            meta.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            pos = nl < 0 ? raw.length() : nl + 1;
        }
        for (String k : HEADER_KEYS) {
            if (!meta.containsKey(k)) {
                throw new CorpusFormatException(name + ": header lacks '%% " + k + ":'");
            }
        }
        if (!meta.get("kind").equals("press-release") && !meta.get("kind").equals("risk-factors")) {
            throw new CorpusFormatException(name + ": kind must be press-release or risk-factors, was " + meta.get("kind"));
        }
        String body = raw.substring(pos);
        StringBuilder text = new StringBuilder(body.length());
        List<CorpusDocument.GoldSegment> segs = new ArrayList<>();
        List<CorpusDocument.GoldItem> items = new ArrayList<>();
        Matcher m = TAG.matcher(body);
        int last = 0;
        int segStart = -1;
        SegmentType segType = null;
        int itemStart = -1;
        Set<RiskCategory> itemCats = null;
        while (m.find()) {
            text.append(body, last, m.start());
            last = m.end();
            int off = text.length();
            boolean close = !m.group(1).isEmpty();
            String tag = m.group(2);
            String[] args = m.group(3).isBlank() ? new String[0] : m.group(3).trim().split(" ");
            String where = name + " (text offset " + off + ")";
            if (tag.equals("RISK")) {
                if (close) {
                    if (itemStart < 0) {
                        throw new CorpusFormatException(where + ": </RISK> without <RISK>");
                    }
                    items.add(new CorpusDocument.GoldItem(itemStart, off, itemCats));
                    itemStart = -1;
                } else {
                    if (itemStart >= 0) {
                        throw new CorpusFormatException(where + ": <RISK> inside another <RISK>");
                    }
                    if (args.length == 0) {
                        throw new CorpusFormatException(where + ": <RISK> without categories");
                    }
                    itemCats = EnumSet.noneOf(RiskCategory.class);
                    for (String a : args) {
                        try {
                            itemCats.add(RiskCategory.valueOf(a));
                        } catch (IllegalArgumentException unknown) {
                            throw new CorpusFormatException(where + ": unknown risk category " + a);
                        }
                    }
                    itemStart = off;
                }
                continue;
            }
            SegmentType type;
            try {
                type = SegmentType.valueOf(tag);
            } catch (IllegalArgumentException unknown) {
                throw new CorpusFormatException(where + ": unknown tag <" + m.group(1) + tag + ">");
            }
            if (args.length > 0) {
                throw new CorpusFormatException(where + ": segment tag <" + tag + "> takes no arguments");
            }
            if (close) {
                if (segType != type) {
                    throw new CorpusFormatException(where + ": </" + tag + "> does not close an open <" + tag + ">");
                }
                segs.add(new CorpusDocument.GoldSegment(segStart, off, type));
                segType = null;
            } else {
                if (segType != null) {
                    throw new CorpusFormatException(where + ": <" + tag + "> inside <" + segType + ">");
                }
                segType = type;
                segStart = off;
            }
        }
        text.append(body, last, body.length());
        if (segType != null) {
            throw new CorpusFormatException(name + ": <" + segType + "> is never closed");
        }
        if (itemStart >= 0) {
            throw new CorpusFormatException(name + ": <RISK> is never closed");
        }
        String t = text.toString();
        if (t.indexOf('<') >= 0 || t.indexOf('>') >= 0) {
            int at = Math.max(t.indexOf('<'), t.indexOf('>'));
            throw new CorpusFormatException(name + ": stray '<' or '>' in the text near \"" + excerpt(t, at) + "\"");
        }
        boolean[] covered = new boolean[t.length()];
        for (CorpusDocument.GoldSegment s : segs) {
            checkTrimmed(t, s.start(), s.end(), name, "segment");
            for (int i = s.start(); i < s.end(); i++) {
                covered[i] = true;
            }
        }
        for (CorpusDocument.GoldItem it : items) {
            checkTrimmed(t, it.start(), it.end(), name, "risk item");
        }
        for (int i = 0; i < t.length(); i++) {
            if (!covered[i] && !Character.isWhitespace(t.charAt(i))) {
                throw new CorpusFormatException(name + ": text outside any segment: \"" + excerpt(t, i) + "\"");
            }
        }
        if (segs.isEmpty()) {
            throw new CorpusFormatException(name + ": no segments");
        }
        return new CorpusDocument(name, meta, t, segs, items);
    }

    private static void checkTrimmed(String t, int a, int b, String name, String what) throws CorpusFormatException {
        if (b <= a) {
            throw new CorpusFormatException(name + ": empty " + what + " at offset " + a);
        }
        if (Character.isWhitespace(t.charAt(a)) || Character.isWhitespace(t.charAt(b - 1))) {
            throw new CorpusFormatException(name + ": " + what + " \"" + excerpt(t, a) + "\" begins or ends with whitespace");
        }
    }

    private static String excerpt(String t, int at) {
        return t.substring(at, Math.min(t.length(), at + 50)).replace("\n", "\\n");
    }
}
