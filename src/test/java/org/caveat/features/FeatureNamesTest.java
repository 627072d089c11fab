package org.caveat.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.caveat.read.Emphasis;
import org.caveat.segment.Segmenter;
import org.caveat.structure.DocumentStructure;
import org.caveat.structure.StructureAnalyzer;
import org.junit.jupiter.api.Test;

/** The explaining mode names features without changing them. */
class FeatureNamesTest {
    private static final String TEXT = "Acme Reports Results\n\nNEW YORK, May 1, 2024 -- Acme Corp. today reported revenue of "
            + "$5 million.\n\nAbout Acme\n\nAcme is a leading provider of widgets. Visit www.acme.com.\n\n"
            + "This release contains forward-looking statements within the meaning of the Private Securities Litigation "
            + "Reform Act. Acme undertakes no obligation to update them. Risks include competition; supplier shortages; "
            + "and changes in interest rates.\n";

    private static List<String> features(DocumentStructure doc, boolean naming, List<String> names) {
        List<String> out = new ArrayList<>();
        new SegmentFeatures(1 << 18).extract(doc, true, (i, b) -> {
            for (int k = 0; k < b.count(); k++) {
                out.add(i + ":" + b.index(k) + "=" + b.value(k));
                if (names != null) {
                    names.add(b.name(k));
                }
            }
        }, naming);
        return out;
    }

    @Test
    void namingKeepsEveryFeatureAndValueAndNamesAllButTheBias() {
        DocumentStructure doc = StructureAnalyzer.analyze(TEXT, new Segmenter().segment(TEXT), Emphasis.NONE);
        List<String> names = new ArrayList<>();
        assertEquals(features(doc, false, null), features(doc, true, names));
        int unnamed = 0;
        for (String n : names) {
            if (n == null) {
                unnamed++;
            }
        }
        assertEquals(doc.size(), unnamed, "only the bias feature, once per segment, goes unnamed");
        assertTrue(names.contains("cue pslra (this segment)"), names.toString());
        assertTrue(names.contains("cue noupdate (paragraph)"), names.toString());
        assertTrue(names.contains("bigram \"forward looking\""), names.toString());
        assertTrue(names.contains("section ABOUT"), names.toString());
        assertTrue(names.contains("shape HEADING"), names.toString());
        assertTrue(names.contains("word \"0000\""), "digits are folded as the model sees them: " + names);
    }

    @Test
    void itemFeaturesNamedEqualTheVectorAfterScaling() {
        ItemFeatures f = new ItemFeatures(1 << 16);
        String item = "pending securities litigation against the company";
        FeatureVector v = f.extract(item, 0, item.length(), 0);
        FeatureVector.Builder named = f.extractNamed(item, 0, item.length(), 0);
        FeatureVector rebuilt = named.build(false);
        double scale = ItemFeatures.scale(f.extractNamed(item, 0, item.length(), 0));
        assertEquals(v.size(), rebuilt.size());
        for (int k = 0; k < v.size(); k++) {
            assertEquals(v.index(k), rebuilt.index(k));
            assertEquals(v.value(k), rebuilt.value(k) * scale, 1e-6);
        }
        FeatureVector.Builder again = f.extractNamed(item, 0, item.length(), 0);
        List<String> names = new ArrayList<>();
        for (int k = 0; k < again.count(); k++) {
            assertNotNull(again.name(k));
            names.add(again.name(k));
        }
        assertTrue(names.contains("term of LITIGATION \"litigation\""), names.toString());
    }

    @Test
    void aPlainBuilderKeepsNoNamesAndRefusesThem() {
        FeatureVector.Builder b = new FeatureVector.Builder(16);
        b.add(3, 1f);
        assertNull(b.name(0));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.name("x"));
        assertEquals("this builder does not keep names", e.getMessage());
    }
}
