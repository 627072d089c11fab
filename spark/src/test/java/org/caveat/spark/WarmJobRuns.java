package org.caveat.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Runs the job several times in one Spark session, for {@code bench.sh}: the first run pays for the JVM's
 * warm-up (class loading, the model, JIT compilation of Caveat's and Spark's code), as a fresh job does; the
 * later runs show the throughput of executors that are already warm, as on a cluster after their first tasks.
 *
 * <pre>
 * java [Java 17 flags] -cp target/test-classes:target/classes:CLASSPATH org.caveat.spark.WarmJobRuns \
 *     local[2] 3 --out /tmp/out INPUT...
 * </pre>
 *
 * <p>Arguments: the master, the number of runs, then the job's arguments ({@code --overwrite} is added).
 */
final class WarmJobRuns {
    private WarmJobRuns() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: WarmJobRuns MASTER RUNS JOB-ARGUMENTS...");
            System.exit(2);
        }
        SparkSession spark = SparkSession.builder().master(args[0]).appName("caveat-warm-runs")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            int runs = Integer.parseInt(args[1]);
            List<String> job = new ArrayList<>(List.of("--overwrite"));
            job.addAll(Arrays.asList(args).subList(2, args.length));
            for (int i = 1; i <= runs; i++) {
                System.out.print("run " + i + ": ");
                int status = CaveatSparkJob.run(spark, job.toArray(String[]::new));
                if (status != 0) {
                    System.exit(status);
                }
            }
        } finally {
            spark.stop();
        }
    }
}
