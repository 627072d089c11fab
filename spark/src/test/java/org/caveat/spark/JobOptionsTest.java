package org.caveat.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobOptionsTest {

    private static String error(String... args) {
        return assertThrows(JobOptions.UsageException.class, () -> JobOptions.parse(args)).getMessage();
    }

    @Test
    void defaultsAreFilesWithTheLibrarysLimit() throws Exception {
        JobOptions o = JobOptions.parse("--out", "o", "a", "b/*.txt");
        assertEquals(List.of("a", "b/*.txt"), o.inputs());
        assertEquals("o", o.out());
        assertEquals("files", o.inputFormat());
        assertEquals(256L << 20, o.maxInputBytes());
        assertEquals(0, o.partitions());
        assertFalse(o.overwrite());
        assertEquals(Map.of(), o.sourceOptions());
    }

    @Test
    void everyOptionIsRead() throws Exception {
        JobOptions o = JobOptions.parse("--input-format", "json", "--id-col", "acc", "--text-col", "html",
                "--detect-format", "--recursive", "--glob-filter", "*.jsonl", "--document", "EX-99.1", "--model", "m.cvm",
                "--max-input-mb", "64", "--partitions", "12", "--master", "local[2]", "--overwrite", "--out", "o", "in");
        assertEquals("json", o.inputFormat());
        assertEquals("acc", o.idCol());
        assertEquals("html", o.textCol());
        assertTrue(o.detectFormat());
        assertEquals("EX-99.1", o.documentType());
        assertEquals("m.cvm", o.model());
        assertEquals(64L << 20, o.maxInputBytes());
        assertEquals(12, o.partitions());
        assertEquals("local[2]", o.master());
        assertTrue(o.overwrite());
        assertEquals(Map.of("recursiveFileLookup", "true", "pathGlobFilter", "*.jsonl"), o.sourceOptions());
    }

    @Test
    void helpNeedsNothingElse() throws Exception {
        assertTrue(JobOptions.parse("--help").help());
        assertTrue(JobOptions.USAGE.contains("--max-input-mb N"));
    }

    @Test
    void badCommandLinesSayWhatIsWrong() {
        assertEquals("--out DIR is required: the folder to write the Parquet tables to", error("in"));
        assertEquals("no input: give one or more files, directories or globs", error("--out", "o"));
        assertEquals("no input: give one or more files, directories or globs of parquet tables",
                error("--out", "o", "--input-format", "parquet"));
        assertEquals("unknown option --outdir", error("--outdir", "o", "in"));
        assertEquals("--out needs a value", error("in", "--out"));
        assertEquals("--out is given twice", error("--out", "a", "--out", "b", "in"));
        assertEquals("--input-format must be files, parquet or json, not csv", error("--input-format", "csv", "--out",
                "o", "in"));
        assertEquals("--text-col applies to tables (--input-format parquet or json); files are identified by their path",
                error("--text-col", "body", "--out", "o", "in"));
        assertTrue(error("--detect-format", "--out", "o", "in").startsWith("--detect-format applies to string columns"));
        assertEquals("--max-input-mb needs a whole number, not 1.5", error("--max-input-mb", "1.5", "--out", "o", "in"));
        assertEquals("--max-input-mb must be between 1 and 2047, not 4096", error("--max-input-mb", "4096", "--out", "o",
                "in"));
        assertEquals("--partitions must be between 1 and 1000000, not 0", error("--partitions", "0", "--out", "o", "in"));
    }
}
