package org.caveat.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Assigns documents to cross-validation folds: a seeded shuffle, then round robin, so folds are balanced and reproducible. */
final class Folds {
    private Folds() {
    }

    static int[] assign(List<CorpusDocument> docs, int folds, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        int[] fold = new int[docs.size()];
        for (int k = 0; k < order.size(); k++) {
            fold[order.get(k)] = k % folds;
        }
        return fold;
    }
}
