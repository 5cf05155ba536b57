package org.hersj.fhe.search.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Block arithmetic, packing and predicted operation counts of both layouts. */
class GalleryLayoutTest {

  @Test
  void hersBlocksAndLastPartialBlock() {
    GalleryLayout l = new GalleryLayout(LayoutKind.HERS_SIMD, 1_000_000, 16, 4096);
    assertEquals(245, l.recordCount());
    assertEquals(4096, l.itemsInRecord(0));
    assertEquals(1_000_000 - 244 * 4096, l.itemsInRecord(244));
    assertEquals(244L * 4096, l.firstItem(244));
    assertEquals(245L * 16, l.ciphertextCount());
    assertThrows(IndexOutOfBoundsException.class, () -> l.itemsInRecord(245));
  }

  @Test
  void oneItemGalleryHasOneBlock() {
    GalleryLayout l = new GalleryLayout(LayoutKind.HERS_SIMD, 1, 16, 4096);
    assertEquals(1, l.recordCount());
    assertEquals(1, l.itemsInRecord(0));
  }

  @Test
  void predictedCountsOfBothLayouts() {
    GalleryLayout hers = new GalleryLayout(LayoutKind.HERS_SIMD, 10_000, 64, 4096);
    assertEquals(new OperationCounts(3 * 64, 3 * 64, 3, 3, 0), OperationCounts.predicted(hers));
    GalleryLayout boddeti = new GalleryLayout(LayoutKind.BODDETI_2018, 10_000, 64, 4096);
    assertEquals(new OperationCounts(10_000, 10_000, 10_000, 10_000, 60_000), OperationCounts.predicted(boddeti));
  }

  @Test
  void packerTransposesAndZeroPads() {
    GalleryLayout l = new GalleryLayout(LayoutKind.HERS_SIMD, 3, 2, 4);
    RecordPacker p = new RecordPacker(l);
    float[] rows = {1, 2, 3, 4, 5, 6, 9, 9};
    assertArrayEquals(new double[] {2, 4, 6, 0}, p.vector(rows, 3, 1));
    RecordPacker b = new RecordPacker(new GalleryLayout(LayoutKind.BODDETI_2018, 3, 3, 4));
    assertArrayEquals(new double[] {1, 2, 3, 0}, b.vector(rows, 1, 0));
  }

  @Test
  void invalidShapesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new GalleryLayout(LayoutKind.HERS_SIMD, 0, 16, 8));
    assertThrows(IllegalArgumentException.class, () -> new GalleryLayout(LayoutKind.HERS_SIMD, 5, 16, 12));
    assertThrows(IllegalArgumentException.class, () -> new GalleryLayout(LayoutKind.BODDETI_2018, 5, 9, 8));
  }
}
