package org.hersj.fhe.search.twostage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.backend.ckks.CkksSearchKeys;
import org.hersj.fhe.search.enroll.GalleryEnroller;
import org.hersj.fhe.search.enroll.RowSource;

/** Test fixture: two-stage encrypted search of many probes in one process, with fresh secure keys. */
public final class TwoStageInProcess {

  private TwoStageInProcess() {
  }

  /**
   * In-process two-stage search for experiments ({@code search: two-stage}): fresh secure keys with
   * stage 2's rotation keys, both galleries enrolled into {@code workDir}, then every probe searched
   * (stage 1 top {@code k} on the reduced gallery, stage 2 on those k with full features).
   *
   * @param reducedGallery gallery rows in the stage-1 space, same order as {@code fullGallery}
   * @param reducedProbes probes in the stage-1 space, same order as {@code fullProbes}
   * @return one result per probe (final ranking, stage 1's top k, timings)
   */
  public static List<TwoStageResult> searchProbes(CkksParameters params, float[][] reducedGallery,
      float[][] fullGallery, float[][] reducedProbes, float[][] fullProbes, int k, Path workDir, int threads,
      ProgressListener progress) throws IOException {
    if (reducedProbes.length != fullProbes.length) {
      throw new IllegalArgumentException(reducedProbes.length + " reduced probes but " + fullProbes.length
          + " full-dimension probes; both must list the same probes");
    }
    CkksSearchKeys keys = CkksSearchKeys.generate(params, RandomSource.secure(),
        TwoStageSearch.rotationSteps(fullGallery[0].length));
    TwoStageGallery gallery = TwoStageGallery.enroll(new GalleryEnroller(keys.enroller(), threads, 64),
        RowSource.of(reducedGallery), RowSource.of(fullGallery), workDir.resolve("gallery-stage1"),
        workDir.resolve("gallery-stage2"), progress);
    TwoStageSearch search = new TwoStageSearch(keys.client().withoutNoiseFlooding(), keys.server(), threads);
    List<TwoStageResult> results = new ArrayList<>();
    for (int p = 0; p < fullProbes.length; p++) {
      results.add(search.search(gallery, reducedProbes[p], fullProbes[p], k, workDir, ProgressListener.NONE));
      progress.progress("probes", p + 1, fullProbes.length);
    }
    return results;
  }
}
