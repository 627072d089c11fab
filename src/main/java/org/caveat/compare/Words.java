package org.caveat.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The word splitting that diffs and the boilerplate index share. */
final class Words {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Words() {
    }

    /** Lower-cased runs of letters and digits: the words that similarity and n-grams count. */
    static List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i > s) {
                out.add(text.substring(s, i).toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** Whitespace-separated tokens with their punctuation: the units of a word diff. */
    static List<String> tokens(String text) {
        String t = text.strip();
        return t.isEmpty() ? List.of() : List.of(t.split("\\s+"));
    }

    /** A 64-bit FNV-1a hash of words joined by single spaces. */
    static long hash(List<String> words, int from, int to) {
        long h = FNV_OFFSET;
        for (int w = from; w < to; w++) {
            if (w > from) {
                h = (h ^ ' ') * FNV_PRIME;
            }
            String s = words.get(w);
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(k);
                h = (h ^ (c & 0xff)) * FNV_PRIME;
                h = (h ^ (c >>> 8)) * FNV_PRIME;
            }
        }
        return h;
    }
}
