package org.hersj.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.hersj.fhe.search.engine.SearchEngine;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.enroll.RowRanges;
import org.hersj.fhe.search.enroll.ShardedEnroller;
import org.hersj.fhe.ckks.ParameterPolicy;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.server.ScoreForm;
import org.hersj.fhe.search.store.ShardPlan;
import org.hersj.fhe.spark.KeyBundle;
import org.hersj.fhe.spark.SparkCluster;
import org.hersj.fhe.spark.SparkEnrollment;
import org.hersj.fhe.spark.SparkSearch;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The sharded and distributed variants of {@code hers enroll} and {@code hers search} ({@code --shards},
 * {@code --spark-master}), kept apart from the single-file commands.
 */
final class ShardedRoles {

    private ShardedRoles() {
    }

    /**
     * The directory option {@code option} as typed (a path or a URI such as {@code hdfs://nn/g}, which a
     * {@code Path} option value would have turned into {@code hdfs:/nn/g}).
     */
    static String location(CommandSpec spec, String option) {
        List<String> typed = spec.findOption(option).originalStringValues();
        return typed.get(typed.size() - 1);
    }

    /** Whether {@code location} is a URI with a scheme ({@code hdfs:}, {@code s3a:}, {@code file:}), not a path. */
    static boolean isUri(String location) {
        return location.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*");
    }

    /**
     * Enrolls {@code features} as {@code shards} shards, on this machine or on Spark at {@code master} (whose
     * executors read the key files as {@link ParameterPolicy#SECURE_ONLY}).
     */
    static void enroll(Path keys, SearchEngine engine, ParameterPolicy parameters, Path features, String layout,
            int shards, String master, int threads, String out, OutputOptions output) throws IOException {
        ProgressBar bar = ProgressBar.forTerminal(output.quiet);
        RowRanges rows = FeatureRanges.of(features, bar);
        LayoutKind kind = RoleOptions.layout(layout, engine);
        PrintWriter say = output.out();
        if (master == null) {
            ShardedEnroller enroller = new ShardedEnroller(engine.loadEnroller(keys, RandomSource.secure(), parameters),
                    threads);
            ShardPlan plan = enroller.plan(rows, kind, shards);
            long start = System.nanoTime();
            if (isUri(out)) {
                throw new IllegalArgumentException("--out " + out + " is a URI: a sharded enrollment on this machine"
                        + " writes local directories; add --spark-master (e.g. local[2]) to write through Hadoop");
            }
            ShardedEnroller.Result result = enroller.enroll(rows, plan, Path.of(out), bar.asSearchListener());
            bar.finish("enroll");
            say.printf(Locale.ROOT, "enrolled %d items of dimension %d into %s: %d shards (%d kept from an earlier run),"
                    + " %d blocks, %.1f s%n", rows.rowCount(), rows.dimension(), out, shards, result.resumedShards(),
                    plan.layout().recordCount(), (System.nanoTime() - start) / 1e9);
            return;
        }
        try (SparkCluster spark = SparkCluster.open(master, "hers enroll")) {
            SparkEnrollment.Result result = spark.enrollment().enroll(KeyBundle.read(keys), rows, kind,
                    shards, out, threads, -1, bar.asSearchListener());
            bar.finish("enroll shards");
            say.printf(Locale.ROOT, "enrolled %d items of dimension %d into %s: %d shards on Spark (%s)%n",
                    rows.rowCount(), rows.dimension(), out, shards, spark.master());
            say.print(result.summary().format());
            say.flush();
        }
    }

    /** Scores the sharded gallery on Spark at {@code master} into the score shards directory {@code out}. */
    static void search(Path serverKeys, String gallery, Path probe, ScoreForm form, String master, String out,
            OutputOptions output) throws IOException {
        ProgressBar bar = ProgressBar.forTerminal(output.quiet);
        try (SparkCluster spark = SparkCluster.open(master, "hers search")) {
            SparkSearch.Result result = spark.search().search(KeyBundle.read(serverKeys), gallery, probe,
                    form, out, bar.asSearchListener());
            bar.finish("search shards");
            output.out().printf(Locale.ROOT, "scored %d items (%d dims, %d blocks) on Spark (%s) in %.2f s; encrypted"
                    + " scores in %s (%d score shards)%n", result.manifest().whole().layout().itemCount(),
                    result.manifest().whole().layout().dimension(), result.summary().records(), spark.master(),
                    result.summary().wallSeconds(), out, result.manifest().shards().size());
            output.out().print(result.summary().format());
            output.out().flush();
        }
    }
}
