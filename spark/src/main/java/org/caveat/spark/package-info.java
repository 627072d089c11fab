/**
 * Caveat on Apache Spark: a ready job and Dataset functions for analysing a corpus of filings.
 *
 * <p>The public API is {@link org.caveat.spark.CaveatSpark} (analysis of a Dataset of documents or of files,
 * and the flat tables of documents, segments and risk items) and {@link org.caveat.spark.CaveatSparkJob} (the
 * {@code spark-submit} main class). The rest of the package is internal.
 *
 * <pre>{@code
 * Dataset<Row> filings = spark.read().parquet("filings");                   // columns accession, text
 * Dataset<Row> segments = CaveatSpark.withDefaultModel().segments(filings, "accession", "text");
 * segments.groupBy("type").count().show();
 * }</pre>
 *
 * <p>Each executor JVM loads the model once and shares it between its tasks; see {@link org.caveat.spark.CaveatSpark}.
 *
 * <p>Null policy: parameters are non-null unless documented otherwise; absent values are returned as
 * {@link java.util.Optional}.
 */
package org.caveat.spark;
