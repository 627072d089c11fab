package org.caveat.model;

import java.io.DataOutputStream;
import java.io.IOException;
import org.caveat.InvalidModelException;
import org.caveat.features.FeatureVector;

/**
 * Weights of a linear model over hashed features: one weight row and one bias per output. Used both
 * as a multinomial model (softmax over the outputs) and as a set of one-vs-rest binary models
 * (a sigmoid per output). Immutable and thread-safe.
 */
public final class LinearModel {
    private static final int MAGIC = 0x43564c4d; // "CVLM"
    private static final int VERSION = 1;

    private final int outputs;
    private final int dimension;
    /** Weights interleaved by feature: {@code w[i * outputs + k]}, so that one feature's weights share a cache line. */
    private final float[] w;
    private final float[] bias;

    /**
     * Creates a model that takes ownership of the arrays (they are large, so they are not copied):
     * the caller must not change them afterwards.
     *
     * @param weights one row of {@code dimension} weights per output
     * @param bias one bias per output
     */
    public LinearModel(float[][] weights, float[] bias) {
        if (weights.length == 0 || weights.length != bias.length) {
            throw new IllegalArgumentException("need one bias per weight row");
        }
        this.outputs = weights.length;
        this.dimension = weights[0].length;
        for (float[] row : weights) {
            if (row.length != dimension) {
                throw new IllegalArgumentException("weight rows differ in length");
            }
        }
        this.w = new float[outputs * dimension];
        for (int k = 0; k < outputs; k++) {
            float[] row = weights[k];
            for (int i = 0; i < dimension; i++) {
                w[i * outputs + k] = row[i];
            }
        }
        this.bias = bias;
    }

    private LinearModel(float[] interleaved, float[] bias, int dimension) {
        this.outputs = bias.length;
        this.dimension = dimension;
        this.w = interleaved;
        this.bias = bias;
    }

    /** @return the number of outputs */
    public int outputs() {
        return outputs;
    }

    /** @return the number of features */
    public int dimension() {
        return dimension;
    }

    /**
     * Computes the margins of all outputs from features as a builder holds them (duplicates add up):
     * the prediction path, which needs no merged vector.
     *
     * @param x the features
     * @param out receives one margin per output
     */
    public void margins(FeatureVector.Builder x, double[] out) {
        double[] s = out;
        java.util.Arrays.fill(s, 0, outputs, 0);
        int n = x.count();
        for (int j = 0; j < n; j++) {
            float v = x.value(j);
            int base = x.index(j) * outputs;
            for (int k = 0; k < outputs; k++) {
                s[k] += v * w[base + k];
            }
        }
        for (int k = 0; k < outputs; k++) {
            s[k] += bias[k];
        }
    }

    /**
     * Returns the weights of a weighted sum of outputs, feature by feature: for explanations, which
     * compare one output with another ({@code 1} and {@code -1}) or look at one output alone.
     *
     * @param coefficients one per output
     * @return a function from a feature index to {@code sum_k coefficients[k] * weight(feature, k)}
     * @throws IllegalArgumentException if there is not one coefficient per output
     */
    public java.util.function.IntToDoubleFunction combined(double[] coefficients) {
        if (coefficients.length != outputs) {
            throw new IllegalArgumentException("need one coefficient per output (" + outputs + "), got " + coefficients.length);
        }
        double[] c = coefficients.clone();
        return feature -> {
            int base = feature * outputs;
            double sum = 0;
            for (int k = 0; k < outputs; k++) {
                if (c[k] != 0) {
                    sum += c[k] * w[base + k];
                }
            }
            return sum;
        };
    }

    /**
     * Turns margins into softmax probabilities, in place.
     *
     * @param p the margins of every output; replaced by probabilities summing to 1
     * @return {@code p}
     */
    public static double[] softmaxInPlace(double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : p) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(p[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    /**
     * Computes softmax probabilities over all outputs.
     *
     * @param x the features
     * @return one probability per output, summing to 1
     */
    public double[] softmax(FeatureVector x) {
        return softmaxInPlace(margins(x));
    }

    /**
     * Computes the raw margins (weighted sums plus bias) of all outputs in one pass over the features.
     *
     * @param x the features
     * @return one margin per output
     */
    public double[] margins(FeatureVector x) {
        double[] s = new double[outputs];
        for (int j = 0; j < x.size(); j++) {
            float v = x.value(j);
            int base = x.index(j) * outputs;
            for (int k = 0; k < outputs; k++) {
                s[k] += v * w[base + k];
            }
        }
        for (int k = 0; k < outputs; k++) {
            s[k] = bias[k] + s[k];
        }
        return s;
    }

    /**
     * Computes an independent sigmoid probability per output (one-vs-rest).
     *
     * @param x the features
     * @return one probability per output
     */
    public double[] sigmoid(FeatureVector x) {
        double[] p = margins(x);
        for (int k = 0; k < outputs; k++) {
            p[k] = 1 / (1 + Math.exp(-p[k]));
        }
        return p;
    }

    /**
     * Writes the weights in the model format: a header, then per output its bias and its non-zero
     * weights as (index, value) pairs. Deterministic: equal models give equal bytes.
     *
     * @param out where to write
     * @throws IOException if writing fails
     */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(outputs);
        out.writeInt(dimension);
        for (int k = 0; k < outputs; k++) {
            int nnz = 0;
            for (int i = 0; i < dimension; i++) {
                if (w[i * outputs + k] != 0) {
                    nnz++;
                }
            }
            out.writeFloat(bias[k]);
            out.writeInt(nnz);
            for (int i = 0; i < dimension; i++) {
                float v = w[i * outputs + k];
                if (v != 0) {
                    out.writeInt(i);
                    out.writeFloat(v);
                }
            }
        }
    }

    /**
     * Reads weights written by {@link #write} from the bytes of a model entry, checking every count and
     * index. The numbers are decoded by hand rather than through a stream or a {@code ByteBuffer}: the
     * first load in a fresh JVM runs this loop in the interpreter, where every call counts.
     *
     * @param data the entry's bytes
     * @param entry the entry name, for error messages
     * @param expectedOutputs the number of outputs the manifest declares
     * @param expectedDimension the dimension the manifest declares
     * @return the model
     * @throws InvalidModelException if the data is not well-formed (including truncated) or does not match
     *     the manifest
     */
    public static LinearModel read(byte[] data, String entry, int expectedOutputs, int expectedDimension)
            throws InvalidModelException {
        if (data.length < 16) {
            throw new InvalidModelException("model entry " + entry + " is truncated");
        }
        if (int32(data, 0) != MAGIC) {
            throw new InvalidModelException("model entry " + entry + " is not a Caveat weight table");
        }
        int version = int32(data, 4);
        if (version != VERSION) {
            throw new InvalidModelException("model entry " + entry + " has weight-table version " + version
                    + "; this library reads version " + VERSION);
        }
        int outputs = int32(data, 8);
        int dimension = int32(data, 12);
        if (outputs != expectedOutputs || dimension != expectedDimension) {
            throw new InvalidModelException("model entry " + entry + " has " + outputs + " outputs over " + dimension
                    + " features, but the manifest declares " + expectedOutputs + " over " + expectedDimension);
        }
        float[] w = new float[outputs * dimension];
        float[] b = new float[outputs];
        int p = 16;
        for (int k = 0; k < outputs; k++) {
            if (data.length - p < 8) {
                throw new InvalidModelException("model entry " + entry + " is truncated");
            }
            b[k] = Float.intBitsToFloat(int32(data, p));
            int nnz = int32(data, p + 4);
            p += 8;
            if (nnz < 0 || nnz > dimension) {
                throw new InvalidModelException("model entry " + entry + " declares " + nnz + " weights for output " + k);
            }
            if ((long) nnz * 8 > data.length - p) {
                throw new InvalidModelException("model entry " + entry + " is truncated");
            }
            int last = -1;
            for (int j = 0; j < nnz; j++, p += 8) {
                int i = int32(data, p);
                float v = Float.intBitsToFloat(int32(data, p + 4));
                if (i <= last || i >= dimension) {
                    throw new InvalidModelException("model entry " + entry + " has a weight index out of order or range: " + i);
                }
                if (!Float.isFinite(v)) {
                    throw new InvalidModelException("model entry " + entry + " has a weight that is not a finite number");
                }
                w[i * outputs + k] = v;
                last = i;
            }
        }
        if (p != data.length) {
            throw new InvalidModelException("model entry " + entry + " has trailing data after its weights");
        }
        return new LinearModel(w, b, dimension);
    }

    /** The big-endian int at {@code p}, as {@link DataOutputStream#writeInt} wrote it. */
    private static int int32(byte[] d, int p) {
        return (d[p] & 0xFF) << 24 | (d[p + 1] & 0xFF) << 16 | (d[p + 2] & 0xFF) << 8 | (d[p + 3] & 0xFF);
    }
}
