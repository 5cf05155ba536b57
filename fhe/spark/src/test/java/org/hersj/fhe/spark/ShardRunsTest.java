package org.hersj.fhe.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.hersj.fhe.search.layout.GalleryLayout;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.store.FileKind;
import org.hersj.fhe.search.store.RecordFileHeader;
import org.hersj.fhe.search.store.ShardManifest;
import org.hersj.fhe.search.store.ShardPlan;
import org.hersj.fhe.search.store.ShardedRecordSet;
import org.junit.jupiter.api.Test;

/** Runs of consecutive shards for the local-mode search tasks: contiguous, covering, balanced by blocks. */
class ShardRunsTest {

  private static GalleryLayout layout(long items) {
    return new GalleryLayout(LayoutKind.HERS_COMPLEX, items, 16, 4096);
  }

  private static List<ShardManifest.Shard> shards(long items, int count) {
    GalleryLayout layout = layout(items);
    return ShardPlan.of(layout, count).shards().stream().map(r -> new ShardManifest.Shard(r, 1, "x")).toList();
  }

  @Test
  void eightShardsOnTwoSlotsAreTwoRunsOfFourShardsWithEqualBlocks() {
    List<ShardManifest.Shard> shards = shards(1_000_000, 8); // 123 blocks of 8,192 items
    List<ShardPlan.Range> runs = ShardRuns.split(shards, 2);
    assertEquals(2, runs.size());
    assertEquals(new ShardPlan.Range(0, 0, 61, 0, 61L * 8192), runs.get(0));
    assertEquals(new ShardPlan.Range(1, 61, 62, 61L * 8192, 1_000_000 - 61L * 8192), runs.get(1));
    ShardManifest manifest = new ShardManifest(new RecordFileHeader(FileKind.GALLERY, "test", "fp", "key", "p",
        layout(1_000_000), 123, 16, 1, 1, 64), shards);
    assertEquals(shards.subList(0, 4), ShardedRecordSet.members(manifest, runs.get(0)));
    assertEquals(shards.subList(4, 8), ShardedRecordSet.members(manifest, runs.get(1)));
  }

  @Test
  void moreSlotsThanShardsGiveOneRunPerShardAndOneSlotOneRun() {
    List<ShardManifest.Shard> shards = shards(40_000, 3); // 5 blocks: 1, 2, 2
    List<ShardPlan.Range> perShard = ShardRuns.split(shards, 8);
    assertEquals(shards.stream().map(ShardManifest.Shard::range).toList(), perShard);
    List<ShardPlan.Range> one = ShardRuns.split(shards, 1);
    assertEquals(List.of(new ShardPlan.Range(0, 0, 5, 0, 40_000)), one);
    List<ShardPlan.Range> two = ShardRuns.split(shards, 2);
    assertEquals(List.of(new ShardPlan.Range(0, 0, 3, 0, 3 * 8192), new ShardPlan.Range(1, 3, 2, 3 * 8192,
        40_000 - 3 * 8192)), two);
  }
}
