package org.caveat.spark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.broadcast.Broadcast;
import org.caveat.Caveat;

/**
 * The models of this JVM: each is loaded once per executor (and driver) JVM and shared by all its tasks,
 * which is safe because a {@link Caveat} is immutable and thread-safe. The default model is loaded from the
 * classpath on first use; a model given as a file is broadcast as bytes and loaded from them on first use,
 * keyed by the SHA-256 of those bytes so that a new SparkContext in the same JVM (whose broadcast ids start
 * again) never gets a stale model.
 */
final class Models {
    /** Models from files kept per JVM; a long-lived executor running jobs with many models keeps the last few. */
    private static final int KEPT = 4;
    private static final Object LOCK = new Object();
    private static volatile Caveat defaultModel;
    /** Guarded by {@link #LOCK}; in order of last use. */
    private static final Map<String, Caveat> FROM_BYTES = new LinkedHashMap<>(8, 0.75f, true);

    private Models() {
    }

    /**
     * Returns the model of this JVM, loading it on first use.
     *
     * @param bytes the broadcast model file, or null for the bundled default model
     * @param sha256 the hex SHA-256 of the broadcast bytes; ignored for the default model
     * @throws IllegalStateException if the model cannot be loaded (the message says why)
     */
    static Caveat get(Broadcast<byte[]> bytes, String sha256) {
        if (bytes == null) {
            Caveat c = defaultModel;
            if (c == null) {
                synchronized (LOCK) {
                    c = defaultModel;
                    if (c == null) {
                        try {
                            c = Caveat.loadDefault();
                        } catch (IOException e) {
                            throw new IllegalStateException("cannot load Caveat's bundled default model: " + e.getMessage()
                                    + "; is the caveat jar complete on the executors' class path?", e);
                        }
                        defaultModel = c;
                    }
                }
            }
            return c;
        }
        synchronized (LOCK) {
            Caveat c = FROM_BYTES.get(sha256);
            if (c == null) {
                try {
                    c = Caveat.load(new ByteArrayInputStream(bytes.value()));
                } catch (IOException e) {
                    throw new IllegalStateException("cannot load the broadcast Caveat model (SHA-256 " + sha256 + "): "
                            + e.getMessage(), e);
                }
                FROM_BYTES.put(sha256, c);
                if (FROM_BYTES.size() > KEPT) {
                    FROM_BYTES.remove(FROM_BYTES.keySet().iterator().next());
                }
            }
            return c;
        }
    }
}
