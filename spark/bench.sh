#!/usr/bin/env bash
# Throughput of the Spark job in local mode on the shared dev corpus (../../shared/corpus/dev/*.txt) copied
# COPIES times into a temporary folder under /tmp (deleted at the end).
#
#   spark/bench.sh [COPIES] [CORES...]        default: 50 copies (1600 files), local[1] then local[2]
#   BUILD=0 spark/bench.sh ...                 the same without the Maven steps, after a first run
#
# For each number of cores:
#   cold  the job as spark-submit runs it: org.apache.spark.deploy.SparkSubmit with target/caveat-spark.jar, in a
#         new JVM. It prints the job's own summary, whose time starts once the Spark session is up (so it leaves
#         out JVM and Spark start-up, and takes in listing, model loading, JIT warm-up, analysis and the Parquet
#         writes), then the wall time of the whole command, JVM start included.
#   warm  the same job run three times in one session (WarmJobRuns): runs 2 and 3 show the throughput of a warm
#         executor, as on a cluster once each executor has analysed its first few tens of MB.
set -euo pipefail
cd "$(dirname "$0")"
copies=${1:-50}
shift || true
cores=("$@")
[ ${#cores[@]} -gt 0 ] || cores=(1 2)
dev=../../shared/corpus/dev
if ! ls "$dev"/*.txt >/dev/null 2>&1; then
  echo "bench.sh: no dev corpus at $dev (the shared folder beside the repository)" >&2
  exit 2
fi

# The library in the local Maven repository, the job jar, the test classes (WarmJobRuns) and the class paths:
# Spark's own jars alone (as a cluster has them), and everything for the warm runs.
# BUILD=0 skips these steps when an earlier run has made them.
if [ "${BUILD:-1}" != 0 ]; then
  (cd .. && mvn -B -ntp -q -DskipTests install)
  mvn -B -ntp -q -DskipTests package dependency:build-classpath -Dmdep.includeScope=provided \
      -Dmdep.outputFile=target/spark.classpath
  mvn -B -ntp -q dependency:build-classpath -Dmdep.outputFile=target/test.classpath
fi
# The Java 17 flags Spark needs, from the pom (spark.java.options), as spark-submit's launcher would add them.
read -r -a jvm_flags <<< "$(sed -n 's:.*<spark.java.options>\(.*\)</spark.java.options>.*:\1:p' pom.xml)"
logging=-Dlog4j2.configurationFile=src/test/resources/log4j2.properties
export SPARK_LOCAL_IP=127.0.0.1

work=$(mktemp -d /tmp/caveat-spark-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir "$work/in"
for i in $(seq -w 1 "$copies"); do
  for f in "$dev"/*.txt; do
    cp "$f" "$work/in/c${i}_$(basename "$f")"
  done
done
echo "bench.sh: $(ls "$work/in" | wc -l) files, $(find "$work/in" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }') bytes, $(nproc) cores"

for c in "${cores[@]}"; do
  echo "== local[$c], cold: spark-submit of the job jar in a new JVM =="
  t0=$(date +%s.%N)
  java -Xmx4g "${jvm_flags[@]}" "$logging" -cp "$(cat target/spark.classpath)" org.apache.spark.deploy.SparkSubmit \
      --master "local[$c]" --conf spark.ui.enabled=false --class org.caveat.spark.CaveatSparkJob \
      target/caveat-spark.jar --out "$work/out-$c" "$work/in"
  t1=$(date +%s.%N)
  echo "bench.sh: local[$c] wall time with JVM and Spark start-up: $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s"
  echo "== local[$c], warm: three runs in one JVM =="
  java -Xmx4g "${jvm_flags[@]}" "$logging" -cp "target/test-classes:target/classes:$(cat target/test.classpath)" \
      org.caveat.spark.WarmJobRuns "local[$c]" 3 --out "$work/warm-$c" "$work/in" | grep -v wrote
done
