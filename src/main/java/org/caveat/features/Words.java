package org.caveat.features;

/** Word boundaries for features: runs of letters and digits (with inner apostrophes, periods of numbers). */
final class Words {
    private Words() {
    }

    /**
     * Finds word ranges in {@code s[from, to)}, writing start and end offsets pairwise into {@code out}.
     *
     * @return the number of words found (at most {@code out.length / 2})
     */
    static int find(CharSequence s, int from, int to, int[] out) {
        int n = 0;
        int i = from;
        int max = out.length / 2;
        while (i < to && n < max) {
            while (i < to && !Character.isLetterOrDigit(s.charAt(i))) {
                i++;
            }
            if (i >= to) {
                break;
            }
            int a = i;
            while (i < to) {
                char c = s.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    i++;
                } else if ((c == '\'' || c == '\u2019' || c == '.' || c == ',') && i + 1 < to
                        && Character.isLetterOrDigit(s.charAt(i + 1)) && (c != '.' && c != ',' || Character.isDigit(s.charAt(i - 1)))) {
                    i++;
                } else {
                    break;
                }
            }
            out[2 * n] = a;
            out[2 * n + 1] = i;
            n++;
        }
        return n;
    }
}
