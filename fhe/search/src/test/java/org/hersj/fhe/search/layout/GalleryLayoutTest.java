package org.hersj.fhe.search.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  void complexSlotsHalveTheBlocksAndPackRealThenImaginaryParts() {
    GalleryLayout l = new GalleryLayout(LayoutKind.HERS_COMPLEX, 1_000_000, 16, 4096);
    assertEquals(123, l.recordCount());
    assertEquals(8192, l.itemsInRecord(0));
    assertEquals(1_000_000 - 122 * 8192, l.itemsInRecord(122));
    assertEquals(new OperationCounts(123 * 16, 123 * 16, 123, 123, 0), OperationCounts.predicted(l));
    RecordPacker p = new RecordPacker(new GalleryLayout(LayoutKind.HERS_COMPLEX, 7, 2, 4));
    float[] rows = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14};
    assertArrayEquals(new double[] {1, 3, 5, 7, 9, 11, 0, 0}, p.vector(rows, 6, 0));
    assertEquals(LayoutKind.HERS_COMPLEX, LayoutKind.byName(" Hers-Complex"));
    assertEquals(LayoutKind.BODDETI_2018, LayoutKind.byName("boddeti2018"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayoutKind.byName("simd"));
    assertTrue(e.getMessage().contains("hers-complex"), e.getMessage());
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
