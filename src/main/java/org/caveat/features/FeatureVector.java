package org.caveat.features;

import java.util.Arrays;

/**
 * A sparse feature vector: sorted, distinct indices with their values. Immutable once built.
 */
public final class FeatureVector {
    private final int[] indices;
    private final float[] values;

    FeatureVector(int[] indices, float[] values) {
        this.indices = indices;
        this.values = values;
    }

    /** @return the number of non-zero features */
    public int size() {
        return indices.length;
    }

    /**
     * @param k position among the non-zero features
     * @return the feature index at that position
     */
    public int index(int k) {
        return indices[k];
    }

    /**
     * @param k position among the non-zero features
     * @return the feature value at that position
     */
    public float value(int k) {
        return values[k];
    }

    /**
     * Collects features; adding the same index twice adds the values. Not thread-safe; reuse one per thread.
     *
     * <p>A naming builder also keeps a human-readable name for each feature added (see {@link #name(String)}),
     * for explanations. Extractors build the names only when {@link #naming()} says so, so that the
     * prediction path builds no strings.
     */
    public static final class Builder {
        private int[] idx = new int[256];
        private float[] val = new float[256];
        /** The name of each added feature, or null when not naming. */
        private String[] names;
        private int n;
        private final int mask;

        /**
         * @param dimension the number of hash buckets, a power of two
         */
        public Builder(int dimension) {
            this(dimension, false);
        }

        /**
         * @param dimension the number of hash buckets, a power of two
         * @param naming whether to keep a name for each feature, for explanations
         */
        public Builder(int dimension, boolean naming) {
            if (Integer.bitCount(dimension) != 1) {
                throw new IllegalArgumentException("dimension must be a power of two, was " + dimension);
            }
            this.mask = dimension - 1;
            this.names = naming ? new String[idx.length] : null;
        }

        /** @return whether this builder keeps feature names; extractors build names only then */
        public boolean naming() {
            return names != null;
        }

        /**
         * Names the feature added last. Call only when {@link #naming()}.
         *
         * @param name a human-readable name, such as {@code word "forward"}
         * @return this builder
         * @throws IllegalStateException if the builder does not keep names or holds no feature
         */
        public Builder name(String name) {
            if (names == null || n == 0) {
                throw new IllegalStateException(names == null ? "this builder does not keep names" : "no feature to name");
            }
            names[n - 1] = name;
            return this;
        }

        /**
         * @param k the position of an added feature, below {@link #count()}
         * @return its name, or null when it was given none or the builder does not keep names
         */
        public String name(int k) {
            return names == null ? null : names[k];
        }

        /**
         * Adds a hashed feature.
         *
         * @param hash the feature's hash
         * @param value its value
         * @return this builder
         */
        public Builder add(int hash, float value) {
            if (n == idx.length) {
                idx = Arrays.copyOf(idx, n * 2);
                val = Arrays.copyOf(val, n * 2);
                if (names != null) {
                    names = Arrays.copyOf(names, n * 2);
                }
            }
            if (names != null) {
                names[n] = null;
            }
            idx[n] = hash & mask;
            val[n] = value;
            n++;
            return this;
        }

        /** @return the number of features added so far (before merging duplicates) */
        public int count() {
            return n;
        }

        /**
         * @param k the position of an added feature, below {@link #count()}
         * @return its index (the hash reduced to the dimension)
         */
        public int index(int k) {
            return idx[k];
        }

        /**
         * @param k the position of an added feature, below {@link #count()}
         * @return its value
         */
        public float value(int k) {
            return val[k];
        }

        /** Forgets the features added so far. */
        public void clear() {
            n = 0;
        }

        /**
         * Builds the vector, merging duplicate indices, and resets the builder.
         *
         * @param l2Normalize whether to scale the vector to unit length
         * @return the vector
         */
        public FeatureVector build(boolean l2Normalize) {
            long[] packed = new long[n];
            for (int k = 0; k < n; k++) {
                packed[k] = ((long) idx[k] << 32) | (Float.floatToRawIntBits(val[k]) & 0xFFFFFFFFL);
            }
            Arrays.sort(packed);
            int[] oi = new int[n];
            float[] ov = new float[n];
            int m = 0;
            for (int k = 0; k < n; k++) {
                int i = (int) (packed[k] >>> 32);
                float v = Float.intBitsToFloat((int) packed[k]);
                if (m > 0 && oi[m - 1] == i) {
                    ov[m - 1] += v;
                } else {
                    oi[m] = i;
                    ov[m] = v;
                    m++;
                }
            }
            if (l2Normalize && m > 0) {
                double ss = 0;
                for (int k = 0; k < m; k++) {
                    ss += (double) ov[k] * ov[k];
                }
                float inv = (float) (1 / Math.sqrt(ss));
                for (int k = 0; k < m; k++) {
                    ov[k] *= inv;
                }
            }
            n = 0;
            return new FeatureVector(Arrays.copyOf(oi, m), Arrays.copyOf(ov, m));
        }
    }
}
