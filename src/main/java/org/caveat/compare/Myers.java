package org.caveat.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Myers' O(ND) word diff. The cost grows with the number of differences D, so it is capped: past
 * {@link #MAX_EDITS} differences (after the common prefix and suffix), the middle is reported as one deletion
 * and one insertion, which keeps the worst case at a few milliseconds.
 */
final class Myers {
    static final int MAX_EDITS = 1000;

    private Myers() {
    }

    static List<WordEdit> diff(List<String> a, List<String> b) {
        int pre = 0;
        while (pre < a.size() && pre < b.size() && a.get(pre).equals(b.get(pre))) {
            pre++;
        }
        int suf = 0;
        while (suf < a.size() - pre && suf < b.size() - pre
                && a.get(a.size() - 1 - suf).equals(b.get(b.size() - 1 - suf))) {
            suf++;
        }
        List<WordEdit.Op> ops = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < pre; i++) {
            ops.add(WordEdit.Op.KEEP);
            words.add(a.get(i));
        }
        middle(a.subList(pre, a.size() - suf), b.subList(pre, b.size() - suf), ops, words);
        for (int i = a.size() - suf; i < a.size(); i++) {
            ops.add(WordEdit.Op.KEEP);
            words.add(a.get(i));
        }
        List<WordEdit> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < ops.size(); i++) {
            if (run.length() > 0) {
                run.append(' ');
            }
            run.append(words.get(i));
            if (i + 1 == ops.size() || ops.get(i + 1) != ops.get(i)) {
                out.add(new WordEdit(ops.get(i), run.toString()));
                run.setLength(0);
            }
        }
        return out;
    }

    private static void middle(List<String> a, List<String> b, List<WordEdit.Op> ops, List<String> words) {
        int n = a.size();
        int m = b.size();
        int max = Math.min(n + m, MAX_EDITS);
        int off = n + m + 1;
        int[] v = new int[2 * off + 1];
        List<int[]> trace = new ArrayList<>();
        boolean done = n + m == 0;
        for (int d = 0; d <= max && !done; d++) {
            // Only the diagonals -d..d can have been reached: keep just that window of V.
            int[] snap = new int[2 * d + 3];
            System.arraycopy(v, off - d - 1, snap, 0, 2 * d + 3);
            trace.add(snap);
            for (int k = -d; k <= d; k += 2) {
                int x = k == -d || k != d && v[off + k - 1] < v[off + k + 1] ? v[off + k + 1] : v[off + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[off + k] = x;
                if (x >= n && y >= m) {
                    done = true;
                    break;
                }
            }
        }
        if (!done) {
            for (String w : a) {
                ops.add(WordEdit.Op.DELETE);
                words.add(w);
            }
            for (String w : b) {
                ops.add(WordEdit.Op.INSERT);
                words.add(w);
            }
            return;
        }
        List<WordEdit.Op> rops = new ArrayList<>();
        List<String> rwords = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = trace.size() - 1; d >= 0; d--) {
            int[] s = trace.get(d);
            int k = x - y;
            // s[i] holds V[i - d - 1]
            int prevK = k == -d || k != d && s[k - 1 + d + 1] < s[k + 1 + d + 1] ? k + 1 : k - 1;
            int prevX = d == 0 ? 0 : s[prevK + d + 1];
            int prevY = prevX - prevK;
            if (d == 0) {
                prevX = 0;
                prevY = 0;
            }
            while (x > prevX && y > prevY) {
                rops.add(WordEdit.Op.KEEP);
                rwords.add(a.get(x - 1));
                x--;
                y--;
            }
            if (d > 0) {
                if (x == prevX) {
                    rops.add(WordEdit.Op.INSERT);
                    rwords.add(b.get(y - 1));
                } else {
                    rops.add(WordEdit.Op.DELETE);
                    rwords.add(a.get(x - 1));
                }
                x = prevX;
                y = prevY;
            }
        }
        Collections.reverse(rops);
        Collections.reverse(rwords);
        ops.addAll(rops);
        words.addAll(rwords);
    }
}
