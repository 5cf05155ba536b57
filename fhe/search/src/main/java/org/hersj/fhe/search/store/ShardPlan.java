package org.hersj.fhe.search.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hersj.fhe.search.layout.GalleryLayout;

/**
 * How a gallery of {@code layout} is cut into shards: whole records (blocks), as evenly as possible,
 * so every shard is a complete record file and the shards' scores put together are the scores of the
 * unsharded gallery, block for block.
 *
 * @param layout the whole gallery
 * @param shards the shards in item order
 */
public record ShardPlan(GalleryLayout layout, List<Range> shards) {

  /**
   * One shard: records {@code firstRecord .. firstRecord + records - 1} of the whole gallery.
   *
   * @param index shard number, 0-based
   * @param firstRecord first record (block) of the shard in the whole gallery
   * @param records records in the shard, at least 1
   * @param firstItem first gallery item (row) of the shard
   * @param items items in the shard
   */
  public record Range(int index, long firstRecord, long records, long firstItem, long items) {

    /** The shard's file name for a set of {@code kind} ({@code shard-00003.hrec}, {@code scores-00003.hrec}). */
    public String fileName(FileKind kind) {
      return String.format(Locale.ROOT, "%s-%05d.hrec", kind == FileKind.SCORES ? "scores" : "shard", index);
    }
  }

  /** Checks the shards are contiguous and cover the layout. */
  public ShardPlan {
    shards = List.copyOf(shards);
    long record = 0;
    long item = 0;
    for (int i = 0; i < shards.size(); i++) {
      Range r = shards.get(i);
      if (r.index() != i || r.firstRecord() != record || r.firstItem() != item || r.records() < 1) {
        throw new IllegalArgumentException("shard " + i + " does not follow shard " + (i - 1));
      }
      record += r.records();
      item += r.items();
    }
    if (record != layout.recordCount() || item != layout.itemCount()) {
      throw new IllegalArgumentException("shards cover " + record + " records and " + item + " items, the gallery has "
          + layout.recordCount() + " and " + layout.itemCount());
    }
  }

  /**
   * Cuts {@code layout} into {@code shardCount} shards of whole records, sizes differing by at most one record.
   *
   * @throws IllegalArgumentException if there are fewer records than shards
   */
  public static ShardPlan of(GalleryLayout layout, int shardCount) {
    long total = layout.recordCount();
    if (shardCount < 1 || shardCount > total) {
      throw new IllegalArgumentException("--shards " + shardCount + " is out of range: the gallery has " + total
          + " blocks of " + layout.itemsPerRecord() + " items, so use 1.." + total + " shards");
    }
    List<Range> ranges = new ArrayList<>();
    for (int i = 0; i < shardCount; i++) {
      long first = total * i / shardCount;
      long end = total * (i + 1) / shardCount;
      long firstItem = layout.firstItem(first);
      long endItem = end == total ? layout.itemCount() : layout.firstItem(end);
      ranges.add(new Range(i, first, end - first, firstItem, endItem - firstItem));
    }
    return new ShardPlan(layout, ranges);
  }

  /** The layout of shard {@code range} on its own (a gallery of its items). */
  public GalleryLayout layoutOf(Range range) {
    return new GalleryLayout(layout.kind(), range.items(), layout.dimension(), layout.slots());
  }
}
