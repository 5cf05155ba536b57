package org.hersj.fhe.spark;

import java.util.ArrayList;
import java.util.List;
import org.hersj.fhe.search.store.ShardManifest;
import org.hersj.fhe.search.store.ShardPlan;

/**
 * Runs of consecutive shards that one search task scores as one record set into one score shard
 * ({@link org.hersj.fhe.search.store.ShardedRecordSet#openRun}): fewer, larger tasks pay the fixed cost of a
 * task (scheduling, starting the scan's threads, creating and forcing a score file) fewer times.
 */
final class ShardRuns {

  private ShardRuns() {
  }

  /**
   * Cuts {@code shards} into at most {@code runs} runs of consecutive shards with about equal block counts (a
   * shard joins the run its middle block falls into); run {@code g} has index {@code g} and covers its shards'
   * records and items.
   */
  static List<ShardPlan.Range> split(List<ShardManifest.Shard> shards, int runs) {
    long total = shards.stream().mapToLong(s -> s.range().records()).sum();
    List<ShardPlan.Range> out = new ArrayList<>();
    long current = -1;
    for (ShardManifest.Shard shard : shards) {
      ShardPlan.Range r = shard.range();
      long run = Math.min(runs - 1, (2 * r.firstRecord() + r.records()) * runs / (2 * total));
      if (run == current) {
        ShardPlan.Range last = out.get(out.size() - 1);
        out.set(out.size() - 1, new ShardPlan.Range(last.index(), last.firstRecord(), last.records() + r.records(),
            last.firstItem(), last.items() + r.items()));
      } else {
        out.add(new ShardPlan.Range(out.size(), r.firstRecord(), r.records(), r.firstItem(), r.items()));
        current = run;
      }
    }
    return out;
  }
}
