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
     * Computes the dot product with a dense weight row.
     *
     * @param weights weights indexed by feature
     * @return the sum of value times weight
     */
    public double dot(float[] weights) {
        double s = 0;
        for (int k = 0; k < indices.length; k++) {
            s += values[k] * weights[indices[k]];
        }
        return s;
    }

    /**
     * Collects features; adding the same index twice adds the values. Not thread-safe; reuse one per thread.
     */
    public static final class Builder {
        private int[] idx = new int[256];
        private float[] val = new float[256];
        private int n;
        private final int mask;

        /**
         * @param dimension the number of hash buckets, a power of two
         */
        public Builder(int dimension) {
            if (Integer.bitCount(dimension) != 1) {
                throw new IllegalArgumentException("dimension must be a power of two, was " + dimension);
            }
            this.mask = dimension - 1;
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
