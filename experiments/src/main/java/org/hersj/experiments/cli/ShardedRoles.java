package org.hersj.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.hersj.fhe.search.engine.SearchEngine;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.enroll.RowRanges;
import org.hersj.fhe.search.enroll.ShardedEnroller;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.server.ScoreForm;
import org.hersj.fhe.search.store.ShardPlan;
import org.hersj.fhe.spark.KeyBundle;
import org.hersj.fhe.spark.SparkCluster;
import org.hersj.fhe.spark.SparkEnrollment;
import org.hersj.fhe.spark.SparkSearch;

/**
 * The sharded and distributed variants of {@code hers enroll} and {@code hers search} ({@code --shards},
 * {@code --spark-master}), kept apart from the single-file commands.
 */
final class ShardedRoles {

    private ShardedRoles() {
    }

    /** Enrolls {@code features} as {@code shards} shards, on this machine or on Spark at {@code master}. */
    static void enroll(Path keys, SearchEngine engine, Path features, String layout, int shards, String master,
            int threads, Path out, OutputOptions output) throws IOException {
        ProgressBar bar = ProgressBar.forTerminal(output.quiet);
        RowRanges rows = FeatureRanges.of(features, bar);
        LayoutKind kind = RoleOptions.layout(layout, engine);
        PrintWriter say = output.out();
        if (master == null) {
            ShardedEnroller enroller = new ShardedEnroller(engine.loadEnroller(keys, RandomSource.secure()), threads);
            ShardPlan plan = enroller.plan(rows, kind, shards);
            long start = System.nanoTime();
            ShardedEnroller.Result result = enroller.enroll(rows, plan, out, bar.asSearchListener());
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
    static void search(Path serverKeys, Path gallery, Path probe, ScoreForm form, String master, Path out,
            OutputOptions output) throws IOException {
        ProgressBar bar = ProgressBar.forTerminal(output.quiet);
        try (SparkCluster spark = SparkCluster.open(master, "hers search")) {
            SparkSearch.Result result = spark.search().search(KeyBundle.read(serverKeys), gallery, probe,
                    form, out, bar.asSearchListener());
            bar.finish("search shards");
            output.out().printf(Locale.ROOT, "scored %d items (%d dims, %d blocks, %d shards) on Spark (%s) in %.2f s;"
                    + " encrypted score shards in %s%n", result.manifest().whole().layout().itemCount(),
                    result.manifest().whole().layout().dimension(), result.summary().records(),
                    result.manifest().shards().size(), spark.master(),
                    result.summary().wallSeconds(), out);
            output.out().print(result.summary().format());
            output.out().flush();
        }
    }
}
