package org.caveat.features;

/**
 * Feature hashing without building strings: a feature is a namespace and one or two character
 * ranges, hashed directly from the text. The hash is fixed by the model format: changing it
 * invalidates every trained model.
 */
final class Hashing {
    private Hashing() {
    }

    static int namespace(String name) {
        return chars(0x9747b28c, name, 0, name.length());
    }

    /** Hashes {@code s[from, to)} lower-cased, with digits folded to '0', under a seed. */
    static int chars(int seed, CharSequence s, int from, int to) {
        int h = seed ^ 0x811c9dc5;
        for (int i = from; i < to; i++) {
            h = (h ^ fold(s.charAt(i))) * 0x01000193;
        }
        return fmix(h);
    }

    /** A character as features see it: lower-cased, with digits folded to '0'. */
    static char fold(char c) {
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + 32);
        } else if (c >= '0' && c <= '9') {
            return '0';
        } else if (c > 127) {
            return Character.toLowerCase(c);
        }
        return c;
    }

    static int combine(int a, int b) {
        return fmix(a * 31 + b * 0x5bd1e995);
    }

    static int fmix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
