package org.caveat.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.caveat.InvalidModelException;
import org.caveat.RiskCategory;
import org.caveat.SegmentType;
import org.caveat.classify.Transitions;
import org.caveat.features.ItemFeatures;
import org.caveat.features.ParagraphFeatures;
import org.caveat.features.SegmentFeatures;

/**
 * Reads and writes the model file: a zip holding {@code manifest.properties} (format version,
 * names, label ids, feature settings, thresholds, calibration, provenance and a CRC-32C checksum of each weight
 * entry) and the weight tables ({@link LinearModel#write}): segment types, whole-item categories, and when
 * present the factor-start model and the category model of an item's pieces (format 3). Nothing on the read path deserializes objects or
 * looks up classes by name: the file is data only. Writing is deterministic (fixed entry order and
 * times, no creation date), so the same model gives the same bytes.
 */
public final class ModelIO {
    /** The manifest entry. */
    public static final String MANIFEST = "manifest.properties";
    static final String TYPES_ENTRY = "segment-types.bin";
    static final String CATEGORIES_ENTRY = "categories.bin";
    static final String FACTORS_ENTRY = "factor-starts.bin";
    static final String PIECES_ENTRY = "category-pieces.bin";
    /**
     * The largest feature dimension of a weight table. Weights are held densely, so the manifest's dimension
     * decides how much memory loading takes; this bound keeps a small crafted file from demanding gigabytes
     * (at most 32 outputs x 2^20 floats = 128 MB). The bundled model uses 2^18 and 2^17.
     */
    public static final int MAX_DIMENSION = 1 << 20;
    private static final long MAX_MANIFEST_BYTES = 1 << 20;
    /** A model has three entries; a few more are tolerated (and ignored), thousands are not. */
    private static final int MAX_ENTRIES = 64;
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private ModelIO() {
    }

    /**
     * Writes a model.
     *
     * @param model the model
     * @param libraryVersion the version of the library writing it
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public static void write(CaveatModel model, String libraryVersion, OutputStream out) throws IOException {
        int segmentDimension = model.segmentTypes().dimension();
        int itemDimension = model.categories().dimension();
        if (segmentDimension > MAX_DIMENSION || itemDimension > MAX_DIMENSION) {
            throw new IllegalArgumentException("feature dimensions above 2^20 cannot be written: a model file must load "
                    + "in bounded memory (were " + segmentDimension + " and " + itemDimension + ")");
        }
        byte[] types = weights(model.segmentTypes());
        byte[] cats = weights(model.categories());
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format", "caveat-model");
        m.put("format.version", Integer.toString(CaveatModel.FORMAT_VERSION));
        m.put("model.name", model.name());
        m.put("model.version", model.version());
        m.put("library.version", libraryVersion);
        m.put("labels.types", Arrays.stream(SegmentType.values()).map(Enum::name).collect(Collectors.joining(",")));
        m.put("labels.categories", Arrays.stream(RiskCategory.values()).map(Enum::name).collect(Collectors.joining(",")));
        m.put("features.segment.version", Integer.toString(SegmentFeatures.VERSION));
        m.put("features.segment.dimension", Integer.toString(segmentDimension));
        m.put("features.item.version", Integer.toString(ItemFeatures.VERSION));
        m.put("features.item.dimension", Integer.toString(itemDimension));
        for (RiskCategory c : RiskCategory.values()) {
            m.put("threshold." + c.name(), String.format(Locale.ROOT, "%.4f", model.threshold(c)));
        }
        if (!model.calibration().isIdentity()) {
            m.put("calibration.types.temperature", String.format(Locale.ROOT, "%.6f", model.calibration().typeTemperature()));
            for (RiskCategory c : RiskCategory.values()) {
                StringBuilder w = new StringBuilder();
                for (double v : model.calibration().categoryWeights(c.ordinal())) {
                    w.append(w.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6f", v));
                }
                m.put("calibration.category." + c.name(), w.toString());
            }
        }
        m.put("transitions.weight", String.format(Locale.ROOT, "%.4f", model.transitions().weight()));
        for (boolean same : new boolean[] {true, false}) {
            double[][] t = model.transitions().matrix(same);
            for (SegmentType a : SegmentType.values()) {
                StringBuilder row = new StringBuilder();
                for (SegmentType b : SegmentType.values()) {
                    row.append(row.length() == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6f", t[a.ordinal()][b.ordinal()]));
                }
                m.put("transitions." + (same ? "same" : "new") + "." + a.name(), row.toString());
            }
        }
        for (Map.Entry<String, String> e : model.provenance().entrySet()) {
            m.put("provenance." + e.getKey(), e.getValue());
        }
        byte[] factors = model.factorStarts() == null ? null : weights(model.factorStarts());
        byte[] pieces = model.categoryPieces() == null ? null : weights(model.categoryPieces());
        if (factors != null) {
            m.put("features.paragraph.version", Integer.toString(ParagraphFeatures.VERSION));
            m.put("features.paragraph.dimension", Integer.toString(model.factorStarts().dimension()));
        }
        m.put("crc32c." + TYPES_ENTRY, crc32c(types));
        m.put("crc32c." + CATEGORIES_ENTRY, crc32c(cats));
        if (factors != null) {
            m.put("crc32c." + FACTORS_ENTRY, crc32c(factors));
        }
        if (pieces != null) {
            m.put("crc32c." + PIECES_ENTRY, crc32c(pieces));
        }
        StringBuilder manifest = new StringBuilder("# Caveat model. Format: see org.caveat.model.ModelIO.\n");
        for (Map.Entry<String, String> e : m.entrySet()) {
            manifest.append(e.getKey()).append('=').append(escape(e.getValue())).append('\n');
        }
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setLevel(9);
        put(zip, MANIFEST, manifest.toString().getBytes(StandardCharsets.UTF_8));
        put(zip, TYPES_ENTRY, types);
        put(zip, CATEGORIES_ENTRY, cats);
        if (factors != null) {
            put(zip, FACTORS_ENTRY, factors);
        }
        if (pieces != null) {
            put(zip, PIECES_ENTRY, pieces);
        }
        zip.finish();
    }

    /**
     * Reads and validates a model.
     *
     * @param in the model file's bytes; not closed
     * @return the model
     * @throws InvalidModelException if the file is not a valid Caveat model of a supported version; the
     *     message names the problem
     * @throws IOException if reading fails
     */
    public static CaveatModel read(InputStream in) throws IOException {
        byte[] head = in.readNBytes(4);
        if (head.length >= 2 && (head[0] & 0xFF) == 0xAC && (head[1] & 0xFF) == 0xED) {
            throw new InvalidModelException("this is a Java-serialized object, not a Caveat model; "
                    + "Caveat never deserializes Java objects, for safety");
        }
        if (head.length < 4 || head[0] != 'P' || head[1] != 'K') {
            throw new InvalidModelException("not a Caveat model file (it is not a zip archive)");
        }
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new java.io.SequenceInputStream(new ByteArrayInputStream(head), in))) {
            ZipEntry e;
            int count = 0;
            while ((e = zip.getNextEntry()) != null) {
                if (++count > MAX_ENTRIES) {
                    throw new InvalidModelException("not a Caveat model file: it has more than " + MAX_ENTRIES + " entries");
                }
                String name = e.getName();
                long max = name.equals(MANIFEST) ? MAX_MANIFEST_BYTES
                        : maxTableBytes(name.equals(TYPES_ENTRY) ? SegmentType.values().length
                                : name.equals(FACTORS_ENTRY) ? 1 : RiskCategory.values().length);
                if (!name.equals(MANIFEST) && !name.equals(TYPES_ENTRY) && !name.equals(CATEGORIES_ENTRY)
                        && !name.equals(FACTORS_ENTRY) && !name.equals(PIECES_ENTRY)) {
                    continue; // not read: another tool's entry, or one of a later format that the version check refuses
                }
                if (entries.containsKey(name)) {
                    throw new InvalidModelException("model file has two entries named " + name);
                }
                byte[] data = zip.readNBytes((int) (max + 1));
                if (data.length > max) {
                    throw new InvalidModelException("model entry " + name + " is larger than " + max
                            + " bytes, more than a model of this format can hold");
                }
                entries.put(name, data);
            }
        } catch (ZipException | EOFException broken) {
            throw new InvalidModelException("model file is truncated or corrupt: " + broken.getMessage(), broken);
        } catch (IllegalArgumentException badName) {
            // ZipInputStream reports an entry name that is not valid UTF-8 this way.
            throw new InvalidModelException("model file is corrupt: " + badName.getMessage(), badName);
        }
        byte[] manifestBytes = entries.get(MANIFEST);
        if (manifestBytes == null) {
            throw new InvalidModelException("not a Caveat model file: it has no " + MANIFEST);
        }
        Map<String, String> m = parseManifest(new String(manifestBytes, StandardCharsets.UTF_8));
        if (!"caveat-model".equals(m.get("format"))) {
            throw new InvalidModelException("not a Caveat model file: its manifest does not say format=caveat-model");
        }
        int version = intValue(m, "format.version");
        if (version < 1 || version > CaveatModel.FORMAT_VERSION) {
            throw new InvalidModelException("model format version " + version + " is not supported; this library reads versions 1"
                    + " to " + CaveatModel.FORMAT_VERSION + " (retrain the model with this library's train command)");
        }
        expectLabels(m, "labels.types", Arrays.stream(SegmentType.values()).map(Enum::name).collect(Collectors.joining(",")));
        expectLabels(m, "labels.categories", Arrays.stream(RiskCategory.values()).map(Enum::name).collect(Collectors.joining(",")));
        if (intValue(m, "features.segment.version") != SegmentFeatures.VERSION
                || intValue(m, "features.item.version") != ItemFeatures.VERSION) {
            throw new InvalidModelException("the model was trained on another version of the features; retrain it with this library");
        }
        int segDim = dimension(m, "features.segment.dimension");
        int itemDim = dimension(m, "features.item.dimension");
        LinearModel types = table(entries, m, version, TYPES_ENTRY, SegmentType.values().length, segDim);
        LinearModel cats = table(entries, m, version, CATEGORIES_ENTRY, RiskCategory.values().length, itemDim);
        double[] thresholds = new double[RiskCategory.values().length];
        for (RiskCategory c : RiskCategory.values()) {
            String key = "threshold." + c.name();
            try {
                thresholds[c.ordinal()] = Double.parseDouble(required(m, key));
            } catch (NumberFormatException bad) {
                throw new InvalidModelException("manifest value " + key + " is not a number");
            }
            if (!(thresholds[c.ordinal()] >= 0 && thresholds[c.ordinal()] <= 1)) {
                throw new InvalidModelException("manifest value " + key + " is outside [0, 1]");
            }
        }
        Transitions transitions = transitions(m);
        Calibration calibration = calibration(m);
        LinearModel factorStarts = null;
        if (m.containsKey("features.paragraph.version")) {
            if (intValue(m, "features.paragraph.version") != ParagraphFeatures.VERSION) {
                throw new InvalidModelException("the model's factor-start model was trained on another version of the"
                        + " features; retrain it with this library");
            }
            factorStarts = table(entries, m, version, FACTORS_ENTRY, 1, dimension(m, "features.paragraph.dimension"));
        }
        LinearModel pieces = null;
        if (m.containsKey((version == 1 ? "sha256." : "crc32c.") + PIECES_ENTRY)) {
            pieces = table(entries, m, version, PIECES_ENTRY, RiskCategory.values().length, itemDim);
        }
        if (pieces == null && !calibration.itemOnly()) {
            throw new InvalidModelException("the manifest's category calibration reads piece margins, but the model file"
                    + " has no " + PIECES_ENTRY);
        }
        Map<String, String> provenance = new HashMap<>();
        for (Map.Entry<String, String> e : m.entrySet()) {
            if (e.getKey().startsWith("provenance.")) {
                provenance.put(e.getKey().substring("provenance.".length()), e.getValue());
            }
        }
        return new CaveatModel(required(m, "model.name"), required(m, "model.version"), types, cats, pieces, thresholds,
                transitions, calibration, factorStarts, provenance);
    }

    /**
     * The calibration from the manifest: absent in models trained before calibration existed, which
     * then keep their raw scores.
     */
    private static Calibration calibration(Map<String, String> m) throws InvalidModelException {
        String temperature = m.get("calibration.types.temperature");
        if (temperature == null) {
            return Calibration.IDENTITY;
        }
        double[][] weights = new double[RiskCategory.values().length][];
        double t;
        try {
            t = Double.parseDouble(temperature);
            for (RiskCategory c : RiskCategory.values()) {
                String key = "calibration.category." + c.name();
                String[] v = required(m, key).split(",");
                if (v.length == 2) {
                    // format 2: a Platt scale and shift of the item margin
                    weights[c.ordinal()] = new double[Calibration.INPUTS + 1];
                    weights[c.ordinal()][0] = Double.parseDouble(v[0]);
                    weights[c.ordinal()][Calibration.INPUTS] = Double.parseDouble(v[1]);
                } else if (v.length == Calibration.INPUTS + 1) {
                    weights[c.ordinal()] = new double[v.length];
                    for (int x = 0; x < v.length; x++) {
                        weights[c.ordinal()][x] = Double.parseDouble(v[x]);
                    }
                } else {
                    throw new InvalidModelException("manifest value " + key + " must be " + (Calibration.INPUTS + 1) + " numbers"
                            + " (weights of the item, best and second piece margins and the factor flag, and a bias), as"
                            + " 1.0,0.0,0.0,0.0,0.0");
                }
            }
        } catch (NumberFormatException bad) {
            throw new InvalidModelException("a calibration value of the manifest is not a number: " + bad.getMessage());
        }
        try {
            return new Calibration(t, weights);
        } catch (IllegalArgumentException bad) {
            throw new InvalidModelException("the manifest's calibration is invalid: " + bad.getMessage());
        }
    }

    /**
     * The size of a weight table of {@link #MAX_DIMENSION} with every weight set: a header, then per output a
     * bias, a count and (index, weight) pairs.
     */
    private static long maxTableBytes(int outputs) {
        return 16 + outputs * (8 + 8L * MAX_DIMENSION);
    }

    private static Transitions transitions(Map<String, String> m) throws InvalidModelException {
        int k = SegmentType.values().length;
        double weight = number(m, "transitions.weight");
        double[][][] t = new double[2][k][k];
        for (int s = 0; s < 2; s++) {
            for (SegmentType a : SegmentType.values()) {
                String key = "transitions." + (s == 0 ? "same" : "new") + "." + a.name();
                String[] cells = required(m, key).split(",");
                if (cells.length != k) {
                    throw new InvalidModelException("manifest value " + key + " needs " + k + " numbers");
                }
                for (int b = 0; b < k; b++) {
                    try {
                        t[s][a.ordinal()][b] = Double.parseDouble(cells[b]);
                    } catch (NumberFormatException bad) {
                        throw new InvalidModelException("manifest value " + key + " holds something that is not a number");
                    }
                    if (!(t[s][a.ordinal()][b] <= 0)) {
                        throw new InvalidModelException("manifest value " + key + " holds a log-probability above 0");
                    }
                }
            }
        }
        try {
            return new Transitions(t[0], t[1], weight);
        } catch (IllegalArgumentException bad) {
            throw new InvalidModelException("manifest transitions are invalid: " + bad.getMessage());
        }
    }

    private static double number(Map<String, String> m, String key) throws InvalidModelException {
        String v = required(m, key);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException bad) {
            throw new InvalidModelException("manifest value " + key + "=" + v + " is not a number");
        }
    }

    private static LinearModel table(Map<String, byte[]> entries, Map<String, String> m, int version, String name,
                                     int outputs, int dim) throws IOException {
        byte[] data = entries.get(name);
        if (data == null) {
            throw new InvalidModelException("model file has no " + name + " entry");
        }
        // Format 1 kept a SHA-256 of each entry; format 2 keeps a CRC-32C, which the JVM computes with an
        // intrinsic even before the JIT has compiled anything, so that a first load is fast.
        String expected = version == 1 ? required(m, "sha256." + name) : required(m, "crc32c." + name);
        String actual = version == 1 ? sha256(data) : crc32c(data);
        if (!expected.equalsIgnoreCase(actual)) {
            throw new InvalidModelException("checksum of " + name + " does not match the manifest: the model file is corrupt");
        }
        return LinearModel.read(data, name, outputs, dim);
    }

    private static void expectLabels(Map<String, String> m, String key, String expected) throws InvalidModelException {
        String actual = required(m, key);
        if (!actual.equals(expected)) {
            throw new InvalidModelException("model " + key + " are [" + actual + "] but this library uses [" + expected + "]");
        }
    }

    private static int dimension(Map<String, String> m, String key) throws InvalidModelException {
        int d = intValue(m, key);
        if (d <= 0 || d > MAX_DIMENSION || Integer.bitCount(d) != 1) {
            throw new InvalidModelException("manifest value " + key + "=" + d + " is not a power of two up to 2^20");
        }
        return d;
    }

    private static int intValue(Map<String, String> m, String key) throws InvalidModelException {
        String v = required(m, key);
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException bad) {
            throw new InvalidModelException("manifest value " + key + "=" + v + " is not a whole number");
        }
    }

    private static String required(Map<String, String> m, String key) throws InvalidModelException {
        String v = m.get(key);
        if (v == null) {
            throw new InvalidModelException("model manifest lacks " + key);
        }
        return v;
    }

    private static Map<String, String> parseManifest(String s) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : s.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq).trim(), unescape(line.substring(eq + 1)));
            }
        }
        return m;
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String v) {
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char d = v.charAt(++i);
                b.append(d == 'n' ? '\n' : d == 'r' ? '\r' : d);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static byte[] weights(LinearModel model) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            model.write(out);
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    static String crc32c(byte[] data) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(data, 0, data.length);
        return String.format(Locale.ROOT, "%08x", crc.getValue());
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", impossible);
        }
    }
}
