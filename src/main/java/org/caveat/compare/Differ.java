package org.caveat.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caveat.Analysis;
import org.caveat.RiskItem;

/** Matches the risk factors of two analyses and diffs the matched pairs; see {@link RiskDiff}. */
final class Differ {
    private Differ() {
    }

    static RiskDiff diff(Analysis older, Analysis newer) {
        List<RiskItem> olds = factors(older);
        List<RiskItem> news = factors(newer);
        Map<String, Integer> ids = new HashMap<>();
        List<int[]> oldTerms = new ArrayList<>();
        List<int[]> newTerms = new ArrayList<>();
        for (RiskItem r : olds) {
            oldTerms.add(termIds(r.text(), ids));
        }
        for (RiskItem r : news) {
            newTerms.add(termIds(r.text(), ids));
        }
        int[] df = new int[ids.size()];
        for (List<int[]> side : List.of(oldTerms, newTerms)) {
            for (int[] t : side) {
                int prev = -1;
                for (int id : t) {
                    if (id != prev) {
                        df[id]++;
                        prev = id;
                    }
                }
            }
        }
        int docs = olds.size() + news.size();
        double[] idf = new double[df.length];
        for (int i = 0; i < df.length; i++) {
            idf[i] = Math.log((docs + 1.0) / (df[i] + 1.0)) + 1;
        }
        Vec[] ov = oldTerms.stream().map(t -> Vec.of(t, idf)).toArray(Vec[]::new);
        Vec[] nv = newTerms.stream().map(t -> Vec.of(t, idf)).toArray(Vec[]::new);

        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < ov.length; i++) {
            for (int j = 0; j < nv.length; j++) {
                double s = ov[i].dot(nv[j]);
                if (s >= RiskDiff.MATCH_THRESHOLD) {
                    pairs.add(new double[] {s, i, j});
                }
            }
        }
        pairs.sort((p, q) -> p[0] != q[0] ? Double.compare(q[0], p[0])
                : p[1] != q[1] ? Double.compare(p[1], q[1]) : Double.compare(p[2], q[2]));
        int[] oldMatch = new int[olds.size()];
        int[] newMatch = new int[news.size()];
        double[] newSim = new double[news.size()];
        Arrays.fill(oldMatch, -1);
        Arrays.fill(newMatch, -1);
        for (double[] p : pairs) {
            int i = (int) p[1];
            int j = (int) p[2];
            if (oldMatch[i] < 0 && newMatch[j] < 0) {
                oldMatch[i] = j;
                newMatch[j] = i;
                newSim[j] = Math.min(1, p[0]);
            }
        }
        // Removed factors go after the newer counterpart of their nearest matched older predecessor.
        List<List<Integer>> removedAfter = new ArrayList<>();
        for (int j = 0; j <= news.size(); j++) {
            removedAfter.add(new ArrayList<>());
        }
        int last = -1;
        for (int i = 0; i < olds.size(); i++) {
            if (oldMatch[i] >= 0) {
                last = oldMatch[i];
            } else {
                removedAfter.get(last + 1).add(i);
            }
        }
        List<FactorChange> out = new ArrayList<>();
        for (int i : removedAfter.get(0)) {
            out.add(removed(olds.get(i)));
        }
        for (int j = 0; j < news.size(); j++) {
            RiskItem n = news.get(j);
            if (newMatch[j] < 0) {
                out.add(new FactorChange(ChangeStatus.ADDED, null, n, 0, n.categories(), List.of()));
            } else {
                RiskItem o = olds.get(newMatch[j]);
                List<String> a = Words.tokens(o.text());
                List<String> b = Words.tokens(n.text());
                if (a.equals(b)) {
                    out.add(new FactorChange(ChangeStatus.UNCHANGED, o, n, newSim[j], n.categories(), List.of()));
                } else {
                    out.add(new FactorChange(ChangeStatus.CHANGED, o, n, newSim[j], n.categories(), Myers.diff(a, b)));
                }
            }
            for (int i : removedAfter.get(j + 1)) {
                out.add(removed(olds.get(i)));
            }
        }
        return new RiskDiff(older.source(), newer.source(), out);
    }

    private static FactorChange removed(RiskItem o) {
        return new FactorChange(ChangeStatus.REMOVED, o, null, 0, o.categories(), List.of());
    }

    /** The Item 1A factors when there are any, else every risk item. */
    static List<RiskItem> factors(Analysis a) {
        List<RiskItem> f = a.riskItems().stream().filter(RiskItem::isRiskFactor).toList();
        return f.isEmpty() ? a.riskItems() : f;
    }

    /** Sorted ids of the text's unigrams and bigrams (repeated as often as they occur). */
    private static int[] termIds(String text, Map<String, Integer> ids) {
        List<String> w = Words.terms(text);
        int[] out = new int[Math.max(0, 2 * w.size() - 1)];
        int k = 0;
        for (int i = 0; i < w.size(); i++) {
            out[k++] = ids.computeIfAbsent(w.get(i), s -> ids.size());
            if (i + 1 < w.size()) {
                out[k++] = ids.computeIfAbsent(w.get(i) + ' ' + w.get(i + 1), s -> ids.size());
            }
        }
        Arrays.sort(out);
        return out;
    }

    /** A sparse unit-length TF-IDF vector: ascending term ids and their weights. */
    private record Vec(int[] ids, double[] weights) {
        static Vec of(int[] sortedTerms, double[] idf) {
            int distinct = 0;
            for (int i = 0; i < sortedTerms.length; i++) {
                if (i == 0 || sortedTerms[i] != sortedTerms[i - 1]) {
                    distinct++;
                }
            }
            int[] ids = new int[distinct];
            double[] w = new double[distinct];
            int k = -1;
            for (int i = 0; i < sortedTerms.length; i++) {
                if (i == 0 || sortedTerms[i] != sortedTerms[i - 1]) {
                    ids[++k] = sortedTerms[i];
                }
                w[k] += idf[sortedTerms[i]];
            }
            double norm = 0;
            for (double x : w) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            if (norm > 0) {
                for (int i = 0; i < w.length; i++) {
                    w[i] /= norm;
                }
            }
            return new Vec(ids, w);
        }

        double dot(Vec o) {
            double s = 0;
            int i = 0;
            int j = 0;
            while (i < ids.length && j < o.ids.length) {
                if (ids[i] == o.ids[j]) {
                    s += weights[i++] * o.weights[j++];
                } else if (ids[i] < o.ids[j]) {
                    i++;
                } else {
                    j++;
                }
            }
            return s;
        }
    }
}
