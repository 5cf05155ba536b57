package org.hersj.fhe.search.twostage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.backend.ckks.CkksSearchKeys;
import org.hersj.fhe.search.client.Match;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.store.EncryptedProbe;
import org.hersj.fhe.search.store.RecordFileException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grouped stage 2 with segment-masked probes on SEARCH_N4096 (2048 slots): 60 packed items of 200-d
 * (segments of 256 slots, S = 8 items per record, 8 records, the last holding 4). Every candidate's
 * stage-2 score must equal the plaintext 200-d inner product within {@value #BOUND}, whichever group
 * and segment it lands in, in both forms; the group count must follow the greedy rule.
 */
class GroupedStage2Test {

  private static final double BOUND = 1e-6;
  private static final int N = 60;
  private static final int FULL = 200;
  private static final int SEGMENTS = 8;
  private static final CkksSearchKeys KEYS = TwoStageFixture.stage2Keys(FULL, 21);
  private static final TwoStageFixture DATA = new TwoStageFixture(N, FULL, 8, 23);

  @TempDir
  static Path dir;
  private static Path gallery;
  private static float[] probe;
  private static EncryptedProbe masked;

  @BeforeAll
  static void enroll() throws IOException {
    gallery = DATA.enrollPacked(KEYS.enroller(), 2, dir);
    probe = DATA.probeNear(9, 0.05, 2);
    masked = new TwoStageClient(KEYS.client().withoutNoiseFlooding()).encryptMaskedProbes(probe);
  }

  private static Stage2Response scoreAndCheck(long[] candidates, Stage2Form form) throws IOException {
    Stage2Response response = new Stage2Server(KEYS.server(), 2).score(gallery, masked, candidates, form,
        ProgressListener.NONE);
    List<Match> scores = new TwoStageClient(KEYS.client().withoutNoiseFlooding()).scores(response, candidates);
    long[] distinct = Arrays.stream(candidates).distinct().sorted().toArray();
    assertEquals(distinct.length, scores.size());
    for (Match m : scores) {
      assertEquals(TwoStageFixture.dot(DATA.full[(int) m.item()], probe), m.score(), BOUND, "item " + m.item());
    }
    int[] perSegment = new int[SEGMENTS];
    for (long c : distinct) {
      perSegment[(int) (c % SEGMENTS)]++;
    }
    assertEquals(Arrays.stream(perSegment).max().getAsInt(), response.groups().groupCount(), "greedy group count");
    assertEquals(response.groups().groupCount(), response.scores().size());
    assertEquals(distinct.length, response.operations().multiplications(), "one product per candidate");
    assertEquals(response.groups().groupCount(), response.operations().relinearizations(), "one relin per group");
    return response;
  }

  @Test
  void sameRecordAndSameSegmentCandidatesAreScoredExactlyInBothForms() throws IOException {
    // 8, 9, 10, 15 share record 1; 1, 9, 17, 33, 57 share segment 1 (records 0, 1, 2, 4, 7); 59 is in the partial record;
    // 11 distinct candidates, not a multiple of S = 8
    long[] candidates = {9, 1, 17, 57, 8, 10, 15, 59, 33, 2, 44, 9};
    for (Stage2Form form : Stage2Form.values()) {
      Stage2Response response = scoreAndCheck(candidates, form);
      assertEquals(5, response.groups().groupCount(), form + ": segment 1 holds five candidates");
      Set<Long> segmentOne = new HashSet<>();
      for (int g = 0; g < response.groups().groupCount(); g++) {
        for (long item : response.groups().members(g)) {
          if (item % SEGMENTS == 1) {
            assertTrue(segmentOne.add((long) g), form + ": two segment-1 candidates in group " + g);
          }
        }
      }
      assertEquals(5, segmentOne.size());
      assertEquals(form == Stage2Form.SERVER_SUMS ? 5 * 8 : 0, response.operations().rotations());
    }
  }

  @Test
  void oneCandidateAndAllCandidates() throws IOException {
    Stage2Response one = scoreAndCheck(new long[] {42}, Stage2Form.SERVER_SUMS);
    assertEquals(1, one.groups().groupCount());
    long[] all = java.util.stream.LongStream.range(0, N).toArray();
    Stage2Response every = scoreAndCheck(all, Stage2Form.SERVER_SUMS);
    assertEquals(8, every.groups().groupCount(), "segments 0..3 hold 8 items (one per record)");
    assertEquals(SEGMENTS, every.groups().members(0).length, "full groups");
    assertEquals(4, every.groups().members(7).length, "the partial record's segments are missing in the last group");
  }

  @Test
  void maskedProbesRoundTripThroughTheirFileAndCountIsChecked() throws IOException {
    Path file = dir.resolve("masked.ct");
    masked.write(file, KEYS.client().withoutNoiseFlooding());
    EncryptedProbe read = EncryptedProbe.read(file, KEYS.server());
    assertEquals(SEGMENTS, read.ciphertexts().size());
    Stage2Response response = new Stage2Server(KEYS.server(), 1).score(gallery, read, new long[] {3, 11},
        ProgressListener.NONE);
    List<Match> scores = new TwoStageClient(KEYS.client().withoutNoiseFlooding()).scores(response, new long[] {3, 11});
    for (Match m : scores) {
      assertEquals(TwoStageFixture.dot(DATA.full[(int) m.item()], probe), m.score(), BOUND, "item " + m.item());
    }
    EncryptedProbe half = new EncryptedProbe(LayoutKind.PACKED_ITEMS, FULL, masked.ciphertexts().subList(0, 4));
    RecordFileException e = assertThrows(RecordFileException.class,
        () -> new Stage2Server(KEYS.server(), 1).score(gallery, half, new long[] {1}, ProgressListener.NONE));
    assertTrue(e.getMessage().contains("4 masked ciphertexts") && e.getMessage().contains("8 segments"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new EncryptedProbe(LayoutKind.PACKED_ITEMS, FULL, masked.ciphertexts().subList(0, 3)));
  }

  @Test
  void aResponseForOtherCandidatesIsRefusedByTheClient() throws IOException {
    Stage2Response response = new Stage2Server(KEYS.server(), 1).score(gallery, masked, new long[] {3, 11},
        ProgressListener.NONE);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TwoStageClient(KEYS.client().withoutNoiseFlooding()).scores(response, new long[] {3, 12}));
    assertTrue(e.getMessage().contains("does not answer"), e.getMessage());
  }
}
