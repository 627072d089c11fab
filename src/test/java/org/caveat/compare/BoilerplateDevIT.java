package org.caveat.compare;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.caveat.Analysis;
import org.caveat.Caveat;
import org.caveat.Kind;
import org.caveat.SegmentType;
import org.caveat.Shared;
import org.junit.jupiter.api.Test;

/**
 * On the dev corpus, with an index built over dev and the training data, SAFE_HARBOR and COMPANY_PROFILE
 * segments (as predicted) score higher on average than substantive ones. Skips without {@code ../shared}.
 */
class BoilerplateDevIT {
    @Test
    void safeHarborAndCompanyProfileScoreHigherThanSubstance() throws IOException {
        Path dev = Shared.require("corpus/dev");
        BoilerplateIndex index = BoilerplateIndex.builder().addFiles(List.of(dev, Path.of("training-data"))).build();
        Caveat caveat = Caveat.loadDefault().withIndex(index);
        double[] boiler = new double[2];
        double[] substance = new double[2];
        List<Path> files;
        try (Stream<Path> s = Files.list(dev)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        for (Path f : files) {
            Analysis a = caveat.analyze(f);
            for (int i = 0; i < a.segments().size(); i++) {
                SegmentType t = a.segments().get(i).type();
                double b = a.boilerplateScore(i).orElseThrow();
                if (t == SegmentType.SAFE_HARBOR || t == SegmentType.COMPANY_PROFILE) {
                    boiler[0] += b;
                    boiler[1]++;
                } else if (t.kind() == Kind.SUBSTANTIVE) {
                    substance[0] += b;
                    substance[1]++;
                }
            }
        }
        double bp = boiler[0] / boiler[1];
        double sub = substance[0] / substance[1];
        assertTrue(bp > 2 * sub, "mean boilerplate score: safe harbor and company profile " + bp + ", substantive " + sub);
    }
}
