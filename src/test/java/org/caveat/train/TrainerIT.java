package org.caveat.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.caveat.Caveat;
import org.caveat.model.CaveatModel;
import org.caveat.model.ModelIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Training end to end on the real corpus, with smaller feature spaces so that it stays quick. */
class TrainerIT {
    private static final TrainingConfig SMALL = new TrainingConfig(7L, 1 << 14, 1 << 12, 0.5, 0.02, 60, 3, 1.0);
    private static List<CorpusDocument> docs;

    @BeforeAll
    static void read() throws IOException {
        docs = CorpusReader.readAll(CorpusTest.DATA);
    }

    @Test
    void sameDataAndSeedGiveByteIdenticalModels() throws IOException {
        Trainer trainer = new Trainer(SMALL);
        byte[] first = trainer.toBytes(trainer.train(docs));
        byte[] second = new Trainer(SMALL).toBytes(new Trainer(SMALL).train(docs));
        assertArrayEquals(first, second);
        CaveatModel m = ModelIO.read(new ByteArrayInputStream(first));
        assertEquals(Trainer.dataHash(docs), m.provenance().get("trainingData.sha256"));
        assertEquals("7", m.provenance().get("trainer.seed"));
        Caveat caveat = Caveat.load(new ByteArrayInputStream(first));
        assertTrue(caveat.analyze(docs.get(0).text()).segments().size() > 3);
    }

    @Test
    void crossValidationReportsEveryTypeAndCategory() throws IOException {
        Evaluation e = new Evaluator(SMALL).crossValidate(docs);
        assertEquals(docs.size(), e.documents());
        String table = e.format();
        assertTrue(table.contains("FORWARD_LOOKING") && table.contains("STOCK_OPTION_REVIEW") && table.contains("confusion"), table);
        assertTrue(e.typeAccuracy() > 0.6, table);
        assertTrue(e.itemPrf()[2] > 0.5, table);
        assertTrue(table.contains("expected calibration error"), table);
        Evaluation.CalibrationErrors c = e.calibration();
        assertTrue(c.segments() > 100 && c.items() > 10, table);
        assertTrue(c.types() >= 0 && c.types() < 0.2 && c.categories() >= 0 && c.categories() < 0.2, table);
    }

    @Test
    void emptyCorpusIsInsufficient() {
        InsufficientTrainingDataException e = assertThrows(InsufficientTrainingDataException.class,
                () -> new Trainer(SMALL).train(List.of()));
        assertTrue(e.getMessage().contains("no training documents"));
    }
}
