package org.caveat.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.caveat.Analysis;
import org.caveat.Caveat;
import org.caveat.InvalidModelException;
import org.caveat.RiskCategory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModelIOTest {
    private static byte[] defaultBytes;

    @BeforeAll
    static void readDefault() throws IOException {
        try (InputStream in = Caveat.class.getResourceAsStream("/org/caveat/model/default.cvm")) {
            defaultBytes = in.readAllBytes();
        }
    }

    private static byte[] rewrite(CaveatModel m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelIO.write(m, "0.1.0-test", out);
        return out.toByteArray();
    }

    @Test
    void roundTripKeepsEveryPrediction() throws IOException {
        CaveatModel m = ModelIO.read(new ByteArrayInputStream(defaultBytes));
        byte[] again = rewrite(m);
        assertArrayEquals(again, rewrite(ModelIO.read(new ByteArrayInputStream(again))), "writing is deterministic");
        Caveat a = Caveat.load(new ByteArrayInputStream(defaultBytes));
        Caveat b = Caveat.load(new ByteArrayInputStream(again));
        String text = "Acme Corp. today reported revenue of $4 million. The company expects growth in 2025.\n\nAbout Acme\n\n"
                + "Acme is a leading provider of widgets.\n\nFactors that could cause results to differ include competition; "
                + "supplier shortages; and changes in interest rates.\n\nAcme is a registered trademark of Acme Corp.";
        Analysis x = a.analyze(text);
        Analysis y = b.analyze(text);
        assertEquals(x.segments(), y.segments());
        assertEquals(x.riskItems(), y.riskItems());
        assertEquals(Arrays.toString(m.thresholds()), Arrays.toString(ModelIO.read(new ByteArrayInputStream(again)).thresholds()));
    }

    @Test
    void calibrationSurvivesTheRoundTripAndChangesScoresNotDecisions() throws IOException {
        CaveatModel m = ModelIO.read(new ByteArrayInputStream(defaultBytes));
        assertTrue(!m.calibration().isIdentity(), "the bundled model is calibrated");
        byte[] again = rewrite(m);
        assertEquals(m.calibration(), ModelIO.read(new ByteArrayInputStream(again)).calibration());
        CaveatModel raw = new CaveatModel(m.name(), m.version(), m.segmentTypes(), m.categories(), m.thresholds(),
                m.transitions(), Calibration.IDENTITY, m.provenance());
        byte[] rawBytes = rewrite(raw);
        assertTrue(!new String(rawBytes, StandardCharsets.ISO_8859_1).contains("calibration.types"),
                "an uncalibrated model writes no calibration keys, as models before calibration did");
        assertEquals(Calibration.IDENTITY, ModelIO.read(new ByteArrayInputStream(rawBytes)).calibration());
        String text = "Acme Corp. today reported revenue of $4 million. The company expects growth in 2025.\n\n"
                + "This release contains forward-looking statements. Factors that could cause results to differ include "
                + "competition; supplier shortages; and changes in interest rates.";
        Analysis calibrated = Caveat.load(new ByteArrayInputStream(defaultBytes)).analyze(text);
        Analysis uncalibrated = Caveat.load(new ByteArrayInputStream(rawBytes)).analyze(text);
        assertEquals(calibrated.segments().stream().map(s -> s.type()).toList(),
                uncalibrated.segments().stream().map(s -> s.type()).toList(), "the temperature does not change types");
        assertTrue(!calibrated.segments().stream().map(s -> s.score()).toList()
                .equals(uncalibrated.segments().stream().map(s -> s.score()).toList()), "but it changes their scores");
    }

    @Test
    void theFactorStartModelIsCheckedAndOptional() throws IOException {
        assertTrue(ModelIO.read(new ByteArrayInputStream(defaultBytes)).factorStarts() != null, "the bundled model has one");
        byte[] flipped = editEntry(ModelIO.FACTORS_ENTRY, data -> data[data.length / 2] ^= 0x55);
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> ModelIO.read(new ByteArrayInputStream(flipped)));
        assertTrue(e.getMessage().contains("checksum of factor-starts.bin"), e.getMessage());
        byte[] other = editManifest(s -> s.replaceFirst("features\\.paragraph\\.version=\\d+", "features.paragraph.version=99"));
        e = assertThrows(InvalidModelException.class, () -> ModelIO.read(new ByteArrayInputStream(other)));
        assertTrue(e.getMessage().contains("retrain"), e.getMessage());
        // A format 2 model from before factor-start models: no paragraph keys; the layout rules decide.
        byte[] older = editManifest(s -> s.replaceAll("features\\.paragraph\\.[a-z]+=\\w+\\n", ""));
        CaveatModel m = ModelIO.read(new ByteArrayInputStream(older));
        assertEquals(null, m.factorStarts());
        assertTrue(Caveat.load(new ByteArrayInputStream(older)).analyze("Item 1A. Risk Factors\n\nOur results may vary.\n\n"
                + "Sales fell 4% in 2023. They may fall again.").segments().size() >= 3);
    }

    @Test
    void thePieceModelIsCheckedAndAFormat2ModelScoresWholeItems() throws IOException {
        CaveatModel m = ModelIO.read(new ByteArrayInputStream(defaultBytes));
        assertTrue(m.categoryPieces() != null && !m.calibration().itemOnly(), "the bundled model scores an item's pieces");
        byte[] flipped = editEntry(ModelIO.PIECES_ENTRY, data -> data[data.length / 2] ^= 0x55);
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> ModelIO.read(new ByteArrayInputStream(flipped)));
        assertTrue(e.getMessage().contains("checksum of category-pieces.bin"), e.getMessage());
        byte[] orphan = editManifest(s -> s.replaceFirst("crc32c\\.category-pieces\\.bin=\\w+\\n", ""));
        e = assertThrows(InvalidModelException.class, () -> ModelIO.read(new ByteArrayInputStream(orphan)));
        assertEquals("the manifest's category calibration reads piece margins, but the model file has no category-pieces.bin",
                e.getMessage());
        // Format 2: a Platt scale and shift per category and no piece model; the whole item is scored.
        byte[] older = editManifest(s -> s.replaceFirst("crc32c\\.category-pieces\\.bin=\\w+\\n", "")
                .replaceFirst("format\\.version=3", "format.version=2")
                .replaceAll("(calibration\\.category\\.[A-Z_]+)=([-0-9.]+),[-0-9.]+,[-0-9.]+,[-0-9.]+,([-0-9.]+)", "$1=$2,$3"));
        CaveatModel two = ModelIO.read(new ByteArrayInputStream(older));
        assertEquals(null, two.categoryPieces());
        assertTrue(two.calibration().itemOnly());
        double[] w = two.calibration().categoryWeights(RiskCategory.REGULATION.ordinal());
        assertEquals(m.calibration().categoryWeights(RiskCategory.REGULATION.ordinal())[0], w[0], 1e-6);
        assertEquals(0, w[1]);
        Analysis a = Caveat.load(new ByteArrayInputStream(older)).analyze("Risks include competition; changes in interest "
                + "rates; and the loss of key customers.");
        assertEquals(3, a.riskItems().size());
    }

    @Test
    void invalidCalibrationValuesAreRefused() throws IOException {
        byte[] negative = editManifest(s -> s.replaceFirst("calibration\\.types\\.temperature=[^\\n]*", "calibration.types.temperature=-1"));
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> ModelIO.read(new ByteArrayInputStream(negative)));
        assertTrue(e.getMessage().contains("calibration is invalid") && e.getMessage().contains("temperature"), e.getMessage());
        byte[] text = editManifest(s -> s.replaceFirst("calibration\\.category\\.REGULATION=[^\\n]*", "calibration.category.REGULATION=x,y"));
        e = assertThrows(InvalidModelException.class, () -> ModelIO.read(new ByteArrayInputStream(text)));
        assertTrue(e.getMessage().contains("not a number"), e.getMessage());
        byte[] missing = editManifest(s -> s.replaceFirst("calibration\\.category\\.REGULATION=[^\\n]*\\n", ""));
        e = assertThrows(InvalidModelException.class, () -> ModelIO.read(new ByteArrayInputStream(missing)));
        assertTrue(e.getMessage().contains("calibration.category.REGULATION"), e.getMessage());
    }

    /** Map iteration order varies between JVM runs; the manifest must not, or retraining is not byte-identical. */
    @Test
    void manifestListsProvenanceInSortedOrder() throws IOException {
        String manifest;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(defaultBytes))) {
            ZipEntry e = in.getNextEntry();
            assertEquals(ModelIO.MANIFEST, e.getName(), "the manifest is the first entry");
            manifest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        java.util.List<String> keys = manifest.lines().filter(l -> l.startsWith("provenance.")).map(l -> l.substring(0, l.indexOf('=')))
                .toList();
        assertTrue(keys.size() >= 5, manifest);
        assertEquals(keys.stream().sorted().toList(), keys);
    }

    @Test
    void javaSerializedObjectIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new java.util.ArrayList<>(java.util.List.of("weights")));
        }
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> ModelIO.read(new ByteArrayInputStream(bytes.toByteArray())));
        assertTrue(e.getMessage().contains("Java-serialized"), e.getMessage());
    }

    @Test
    void foreignFileIsRefused() {
        InvalidModelException e = assertThrows(InvalidModelException.class,
                () -> ModelIO.read(new ByteArrayInputStream("hello, not a model".getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("not a Caveat model"), e.getMessage());
    }

    @Test
    void truncatedFileIsRefused() {
        byte[] cut = Arrays.copyOf(defaultBytes, defaultBytes.length / 2);
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> ModelIO.read(new ByteArrayInputStream(cut)));
        assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("no ") || e.getMessage().contains("corrupt"),
                e.getMessage());
    }

    @Test
    void wrongFormatVersionIsRefused() throws IOException {
        byte[] changed = editManifest(s -> s.replace("format.version=3", "format.version=99"));
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> ModelIO.read(new ByteArrayInputStream(changed)));
        assertTrue(e.getMessage().contains("format version 99 is not supported"), e.getMessage());
    }

    @Test
    void unknownLabelIdsAreRefused() throws IOException {
        byte[] changed = editManifest(s -> s.replace("labels.types=SAFE_HARBOR", "labels.types=DISCLAIMER"));
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> ModelIO.read(new ByteArrayInputStream(changed)));
        assertTrue(e.getMessage().contains("labels.types"), e.getMessage());
    }

    @Test
    void corruptWeightsFailTheChecksum() throws IOException {
        byte[] changed = editEntry(ModelIO.TYPES_ENTRY, data -> data[data.length / 2] ^= 0x55);
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> ModelIO.read(new ByteArrayInputStream(changed)));
        assertTrue(e.getMessage().contains("checksum of segment-types.bin"), e.getMessage());
    }

    @Test
    void formatOneWithSha256ChecksumsStillLoads() throws IOException {
        // A model written by Caveat 0.1 (format 1) kept a SHA-256 of each weight entry.
        java.util.Map<String, byte[]> entries = new java.util.HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(defaultBytes))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        byte[] v1 = editManifest(s -> s.replace("format.version=3", "format.version=1")
                .replaceAll("crc32c\\.segment-types\\.bin=\\w+", "sha256.segment-types.bin=" + ModelIO.sha256(entries.get(ModelIO.TYPES_ENTRY)))
                .replaceAll("crc32c\\.categories\\.bin=\\w+", "sha256.categories.bin=" + ModelIO.sha256(entries.get(ModelIO.CATEGORIES_ENTRY)))
                .replaceAll("crc32c\\.factor-starts\\.bin=\\w+", "sha256.factor-starts.bin=" + ModelIO.sha256(entries.get(ModelIO.FACTORS_ENTRY)))
                .replaceAll("crc32c\\.category-pieces\\.bin=\\w+", "sha256.category-pieces.bin=" + ModelIO.sha256(entries.get(ModelIO.PIECES_ENTRY))));
        CaveatModel m = ModelIO.read(new ByteArrayInputStream(v1));
        assertEquals(ModelIO.read(new ByteArrayInputStream(defaultBytes)).thresholds()[3], m.thresholds()[3]);
        byte[] tampered = editManifest(s -> s.replace("format.version=3", "format.version=1")
                .replaceAll("crc32c\\.segment-types\\.bin=\\w+", "sha256.segment-types.bin=" + "0".repeat(64))
                .replaceAll("crc32c\\.categories\\.bin=\\w+", "sha256.categories.bin=" + "0".repeat(64)));
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> ModelIO.read(new ByteArrayInputStream(tampered)));
        assertTrue(e.getMessage().contains("checksum of segment-types.bin"), e.getMessage());
    }

    private interface Edit {
        void apply(byte[] data);
    }

    private static byte[] editManifest(java.util.function.UnaryOperator<String> f) throws IOException {
        return rezip(name -> name.equals(ModelIO.MANIFEST), data -> f.apply(new String(data, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] editEntry(String entry, Edit edit) throws IOException {
        return rezip(name -> name.equals(entry), data -> {
            byte[] copy = data.clone();
            edit.apply(copy);
            return copy;
        });
    }

    private static byte[] rezip(java.util.function.Predicate<String> which, java.util.function.UnaryOperator<byte[]> f)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(defaultBytes));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(which.test(e.getName()) ? f.apply(data) : data);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void emptyFileIsRefused() {
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> ModelIO.read(new ByteArrayInputStream(new byte[0])));
        assertEquals("not a Caveat model file (it is not a zip archive)", e.getMessage());
    }

    /** A zip from another tool (here a Word document's layout) is a zip, but not a model. */
    @Test
    void zipFromAnotherToolIsRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : new String[] {"[Content_Types].xml", "word/document.xml", "META-INF/MANIFEST.MF"}) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<xml/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> ModelIO.read(new ByteArrayInputStream(out.toByteArray())));
        assertEquals("not a Caveat model file: it has no manifest.properties", e.getMessage());
    }

    @Test
    void manifestOfAnotherFormatIsRefused() throws IOException {
        byte[] changed = editManifest(s -> s.replace("format=caveat-model", "format=opennlp-model"));
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> ModelIO.read(new ByteArrayInputStream(changed)));
        assertTrue(e.getMessage().contains("does not say format=caveat-model"), e.getMessage());
    }

    @Test
    void manifestNamingAnUnknownCategoryIsRefused() throws IOException {
        byte[] changed = editManifest(s -> s.replaceFirst("(labels\\.categories=[^\\n]*)", "$1,ALIEN_INVASION"));
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> ModelIO.read(new ByteArrayInputStream(changed)));
        assertTrue(e.getMessage().startsWith("model labels.categories are [") && e.getMessage().contains("ALIEN_INVASION")
                && e.getMessage().contains("but this library uses ["), e.getMessage());
    }

    @Test
    void manifestWithoutAChecksumIsRefused() throws IOException {
        byte[] changed = editManifest(s -> s.replaceAll("(?m)^crc32c\\.segment-types\\.bin=.*\\n", ""));
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> ModelIO.read(new ByteArrayInputStream(changed)));
        assertEquals("model manifest lacks crc32c.segment-types.bin", e.getMessage());
    }

    @Test
    void flippedCategoryWeightByteFailsTheChecksum() throws IOException {
        byte[] changed = editEntry(ModelIO.CATEGORIES_ENTRY, data -> data[data.length - 3] ^= 0x01);
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> ModelIO.read(new ByteArrayInputStream(changed)));
        assertEquals("checksum of categories.bin does not match the manifest: the model file is corrupt", e.getMessage());
    }

    /**
     * A checksum is not a signature: a crafted file can carry checksums of its own data. Its declared dimension
     * decides the memory that loading takes, so it is bounded before anything is allocated.
     */
    @Test
    void hugeDeclaredDimensionIsRefusedBeforeAllocating() throws IOException {
        byte[] changed = editManifest(s -> s.replace("features.item.dimension=131072", "features.item.dimension=16777216"));
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> ModelIO.read(new ByteArrayInputStream(changed)));
        assertEquals("manifest value features.item.dimension=16777216 is not a power of two up to 2^20", e.getMessage());
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < 1000; i++) {
                zip.putNextEntry(new ZipEntry("entry" + i));
                zip.closeEntry();
            }
        }
        InvalidModelException e = assertThrows(InvalidModelException.class, () -> ModelIO.read(new ByteArrayInputStream(out.toByteArray())));
        assertEquals("not a Caveat model file: it has more than 64 entries", e.getMessage());
    }

    /** Whatever is cut off or changed, loading fails with InvalidModelException, never with another exception. */
    @Test
    void everyTruncationAndByteFlipGivesInvalidModelException() {
        java.util.Random r = new java.util.Random(66);
        for (int k = 0; k < 100; k++) {
            byte[] bad = k % 2 == 0 ? Arrays.copyOf(defaultBytes, r.nextInt(defaultBytes.length))
                    : defaultBytes.clone();
            if (k % 2 == 1) {
                for (int f = 1 + r.nextInt(4); f > 0; f--) {
                    bad[r.nextInt(bad.length)] ^= (byte) (1 + r.nextInt(255));
                }
            }
            int round = k;
            try {
                ModelIO.read(new ByteArrayInputStream(bad));
                assertTrue(round % 2 == 1, "a truncated file loaded (round " + round + ")"); // a flip in unused zip metadata may load
            } catch (InvalidModelException expected) {
                assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
            } catch (IOException | RuntimeException other) {
                throw new AssertionError("round " + round + ": " + other, other);
            }
        }
    }

    /**
     * Nothing on the load path deserializes objects or looks up classes or members by name: the sources of the
     * model package and of the loading entry point use none of those APIs.
     */
    @Test
    void loadPathUsesNoDeserializationOrReflection() throws IOException {
        java.util.List<Path> sources = new java.util.ArrayList<>();
        try (var files = Files.list(Path.of("src/main/java/org/caveat/model"))) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
        }
        sources.add(Path.of("src/main/java/org/caveat/Caveat.java"));
        assertTrue(sources.size() >= 4, sources.toString());
        String[] forbidden = {"ObjectInputStream", "readObject", "readUnshared", "XMLDecoder", "Class.forName", "loadClass",
            "getMethod", "getDeclared", "newInstance", "java.lang.reflect", "MethodHandles", "ServiceLoader", "ScriptEngine"};
        for (Path p : sources) {
            String code = Files.readString(p);
            for (String f : forbidden) {
                assertFalse(code.contains(f), p + " uses " + f);
            }
        }
    }
}
