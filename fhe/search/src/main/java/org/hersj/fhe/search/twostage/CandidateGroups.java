package org.hersj.fhe.search.twostage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hersj.fhe.search.layout.GalleryLayout;

/**
 * The distinct candidate items of a stage-2 request, split into groups the server scores as one
 * ciphertext each. A candidate's segment is its position in its packed record (item mod slots/p); a
 * group holds at most one candidate per segment, so the masked products of its members occupy disjoint
 * segments and add up without mixing. Grouping is greedy in ascending item order: each candidate goes to
 * the first group whose segment is still free, so the number of groups equals the largest number of
 * candidates sharing one segment (about K/S for K spread candidates and S = slots/p segments).
 */
public final class CandidateGroups {

  private final GalleryLayout layout;
  private final long[][] groups;

  private CandidateGroups(GalleryLayout layout, long[][] groups) {
    this.layout = layout;
    this.groups = groups;
  }

  /**
   * Groups the candidates {@code candidates} (duplicates allowed and merged) of the packed gallery
   * {@code layout} by the greedy rule.
   *
   * @throws IllegalArgumentException if there is no candidate or one lies outside 0..itemCount-1
   */
  public static CandidateGroups greedy(long[] candidates, GalleryLayout layout) {
    if (candidates == null || candidates.length == 0) {
      throw new IllegalArgumentException("stage 2 needs at least one candidate index");
    }
    long[] sorted = candidates.clone();
    Arrays.sort(sorted);
    if (sorted[0] < 0 || sorted[sorted.length - 1] >= layout.itemCount()) {
      long bad = sorted[0] < 0 ? sorted[0] : sorted[sorted.length - 1];
      throw new IllegalArgumentException("candidate index " + bad + " is outside the gallery's items 0.."
          + (layout.itemCount() - 1) + ": pass indices from stage 1 of the same gallery");
    }
    long[] distinct = Arrays.stream(sorted).distinct().toArray();
    int[] used = new int[layout.itemsPerRecord()]; // candidates so far per segment = first free group
    List<List<Long>> members = new ArrayList<>();
    for (long item : distinct) {
      int g = segmentOf(item, layout);
      if (used[g] == members.size()) {
        members.add(new ArrayList<>());
      }
      members.get(used[g]++).add(item);
    }
    long[][] groups = new long[members.size()][];
    for (int i = 0; i < groups.length; i++) {
      groups[i] = members.get(i).stream().mapToLong(Long::longValue).toArray();
    }
    return new CandidateGroups(layout, groups);
  }

  /**
   * Groups as given (e.g. read from a response file), checked: every group non-empty, every item inside
   * the gallery and in one group only, no two members of a group at the same segment.
   *
   * @throws IllegalArgumentException naming the first group that breaks a rule
   */
  public static CandidateGroups of(long[][] groups, GalleryLayout layout) {
    if (groups.length == 0) {
      throw new IllegalArgumentException("stage 2 needs at least one group of candidates");
    }
    long[][] copy = new long[groups.length][];
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < groups.length; i++) {
      copy[i] = groups[i].clone();
      if (copy[i].length == 0 || copy[i].length > layout.itemsPerRecord()) {
        throw new IllegalArgumentException("group " + i + " holds " + copy[i].length + " candidates; a group holds 1.."
            + layout.itemsPerRecord());
      }
      boolean[] segments = new boolean[layout.itemsPerRecord()];
      for (long item : copy[i]) {
        if (item < 0 || item >= layout.itemCount()) {
          throw new IllegalArgumentException("group " + i + " names item " + item + ", outside the gallery's items 0.."
              + (layout.itemCount() - 1));
        }
        if (!seen.add(item)) {
          throw new IllegalArgumentException("item " + item + " appears in more than one place (group " + i + ")");
        }
        int g = segmentOf(item, layout);
        if (segments[g]) {
          throw new IllegalArgumentException("group " + i + " holds two candidates at segment " + g
              + "; their scores would add up");
        }
        segments[g] = true;
      }
    }
    return new CandidateGroups(layout, copy);
  }

  /** Segment (position in its packed record) of {@code item}: item mod items per record. */
  public static int segmentOf(long item, GalleryLayout layout) {
    return (int) (item % layout.itemsPerRecord());
  }

  /** The packed gallery's layout. */
  public GalleryLayout layout() {
    return layout;
  }

  /** Number of groups (= score ciphertexts of the response). */
  public int groupCount() {
    return groups.length;
  }

  /** The candidate items of group {@code group}, at distinct segments. */
  public long[] members(int group) {
    return groups[group].clone();
  }

  /** Number of candidates over all groups. */
  public int candidateCount() {
    return Arrays.stream(groups).mapToInt(g -> g.length).sum();
  }

  /** All candidate items, ascending. */
  public long[] items() {
    return Arrays.stream(groups).flatMapToLong(Arrays::stream).sorted().toArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CandidateGroups c && layout.equals(c.layout) && Arrays.deepEquals(groups, c.groups);
  }

  @Override
  public int hashCode() {
    return 31 * layout.hashCode() + Arrays.deepHashCode(groups);
  }
}
