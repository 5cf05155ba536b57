/**
 * Sharded enrollment and encrypted search on Apache Spark (RDD API): one task per gallery shard. The
 * key material a task needs is broadcast once as the bytes of a key directory that holds no secret key
 * ({@link org.hersj.fhe.spark.KeyBundle}); enrollment tasks build a public-key enroller from it and
 * search tasks a {@link org.hersj.fhe.search.backend.ServerBackend}, so no task can decrypt. Shards are
 * written complete under a per-attempt name and renamed, so a failed or killed task that Spark retries
 * leaves no half-written shard; manifests are written by the driver last. Gallery and score directories
 * are read and written through Hadoop's {@code FileSystem} ({@code ShardDirectory}:
 * {@code hdfs://}, {@code s3a://}, {@code file://} URIs or local paths). Depends on {@code fhe/search},
 * Spark and the Hadoop client Spark brings (both provided by the cluster, or by the launcher in local
 * mode); nothing below depends on it.
 */
package org.hersj.fhe.spark;
