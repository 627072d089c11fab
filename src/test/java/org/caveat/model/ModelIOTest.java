package org.caveat.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.caveat.Analysis;
import org.caveat.Caveat;
import org.caveat.InvalidModelException;
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
        byte[] changed = editManifest(s -> s.replace("format.version=2", "format.version=99"));
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
        byte[] v1 = editManifest(s -> s.replace("format.version=2", "format.version=1")
                .replaceAll("crc32c\\.segment-types\\.bin=\\w+", "sha256.segment-types.bin=" + ModelIO.sha256(entries.get(ModelIO.TYPES_ENTRY)))
                .replaceAll("crc32c\\.categories\\.bin=\\w+", "sha256.categories.bin=" + ModelIO.sha256(entries.get(ModelIO.CATEGORIES_ENTRY))));
        CaveatModel m = ModelIO.read(new ByteArrayInputStream(v1));
        assertEquals(ModelIO.read(new ByteArrayInputStream(defaultBytes)).thresholds()[3], m.thresholds()[3]);
        byte[] tampered = editManifest(s -> s.replace("format.version=2", "format.version=1")
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
}
