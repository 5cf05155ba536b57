package org.hersj.fhe.search.twostage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hersj.fhe.search.layout.GalleryLayout;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.layout.RecordPacker;
import org.junit.jupiter.api.Test;

/** Arithmetic of the packed-items layout and of candidate sets. */
class PackedLayoutTest {

  @Test
  void segmentsArePowersOfTwoAndRecordsHoldSlotsOverSegment() {
    GalleryLayout l192 = new GalleryLayout(LayoutKind.PACKED_ITEMS, 1_000_001, 192, 4096);
    assertEquals(16, l192.itemsPerRecord());
    assertEquals(1, l192.ciphertextsPerRecord());
    assertEquals(62_501, l192.recordCount());
    assertEquals(1, l192.itemsInRecord(62_500));
    assertEquals(8, new GalleryLayout(LayoutKind.PACKED_ITEMS, 9, 512, 4096).itemsPerRecord());
    assertThrows(IllegalArgumentException.class, () -> new GalleryLayout(LayoutKind.PACKED_ITEMS, 9, 4097, 4096));
  }

  @Test
  void packerPutsItemGAtSlotGTimesSegment() {
    GalleryLayout layout = new GalleryLayout(LayoutKind.PACKED_ITEMS, 3, 3, 16);
    float[] rows = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    double[] slots = new RecordPacker(layout).vector(rows, 3, 0);
    assertArrayEquals(new double[] {1, 2, 3, 0, 4, 5, 6, 0, 7, 8, 9, 0, 0, 0, 0, 0}, slots);
  }

  @Test
  void candidatesAreDeduplicatedGroupedAndChecked() {
    GalleryLayout layout = new GalleryLayout(LayoutKind.PACKED_ITEMS, 50, 12, 64); // 4 items per record
    CandidateSet set = CandidateSet.of(new long[] {49, 3, 3, 0, 17, 16}, layout);
    assertArrayEquals(new long[] {0, 3, 16, 17, 49}, set.items());
    assertArrayEquals(new long[] {0, 4, 12}, set.records());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CandidateSet.of(new long[] {50}, layout));
    assertEquals(true, e.getMessage().contains("candidate index 50"));
    assertThrows(IllegalArgumentException.class, () -> CandidateSet.of(new long[0], layout));
  }
}
