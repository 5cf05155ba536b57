package org.hersj.fhe.search.twostage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hersj.fhe.search.layout.GalleryLayout;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.layout.RecordPacker;
import org.junit.jupiter.api.Test;

/** Arithmetic of the packed-items layout and of candidate groups. */
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
  void candidatesAreDeduplicatedCheckedAndGroupedGreedilyBySegment() {
    GalleryLayout layout = new GalleryLayout(LayoutKind.PACKED_ITEMS, 50, 12, 64); // 4 items (segments) per record
    CandidateGroups groups = CandidateGroups.greedy(new long[] {49, 3, 3, 0, 17, 16}, layout);
    assertArrayEquals(new long[] {0, 3, 16, 17, 49}, groups.items());
    // segments 0, 3, 0, 1, 1: 16 finds segment 0 taken in group 0, 49 finds segment 1 taken by 17
    assertEquals(2, groups.groupCount());
    assertArrayEquals(new long[] {0, 3, 17}, groups.members(0));
    assertArrayEquals(new long[] {16, 49}, groups.members(1));
    assertEquals(5, groups.candidateCount());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CandidateGroups.greedy(new long[] {50}, layout));
    assertEquals(true, e.getMessage().contains("candidate index 50"));
    assertThrows(IllegalArgumentException.class, () -> CandidateGroups.greedy(new long[0], layout));
  }

  @Test
  void givenGroupsAreCheckedAgainstTheRules() {
    GalleryLayout layout = new GalleryLayout(LayoutKind.PACKED_ITEMS, 50, 12, 64);
    assertEquals(CandidateGroups.greedy(new long[] {16, 0, 17}, layout),
        CandidateGroups.of(new long[][] {{0, 17}, {16}}, layout));
    IllegalArgumentException sameSegment = assertThrows(IllegalArgumentException.class,
        () -> CandidateGroups.of(new long[][] {{0, 16}}, layout));
    assertTrue(sameSegment.getMessage().contains("segment 0"), sameSegment.getMessage());
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> CandidateGroups.of(new long[][] {{0}, {0}}, layout));
    assertTrue(twice.getMessage().contains("item 0"), twice.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CandidateGroups.of(new long[][] {{}}, layout));
    assertThrows(IllegalArgumentException.class, () -> CandidateGroups.of(new long[][] {{50}}, layout));
    assertThrows(IllegalArgumentException.class, () -> CandidateGroups.of(new long[0][], layout));
  }

  @Test
  void greedyGroupCountIsTheLargestSegmentCount() {
    GalleryLayout layout = new GalleryLayout(LayoutKind.PACKED_ITEMS, 100_000, 192, 4096); // 16 segments
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
    long[] candidates = rnd.longs(1_000, 0, 100_000).toArray();
    int[] perSegment = new int[16];
    java.util.Arrays.stream(candidates).distinct().forEach(c -> perSegment[(int) (c % 16)]++);
    CandidateGroups groups = CandidateGroups.greedy(candidates, layout);
    assertEquals(java.util.Arrays.stream(perSegment).max().getAsInt(), groups.groupCount());
    for (int g = 0; g < groups.groupCount(); g++) {
      long[] members = groups.members(g);
      assertEquals(members.length, java.util.Arrays.stream(members).map(i -> i % 16).distinct().count(),
          "group " + g + " holds two candidates at one segment");
    }
    assertTrue(groups.groupCount() < 1_000 / 16 * 1.4, groups.groupCount() + " groups for 1,000 candidates");
  }
}
