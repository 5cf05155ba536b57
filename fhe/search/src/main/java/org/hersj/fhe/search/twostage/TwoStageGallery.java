package org.hersj.fhe.search.twostage;

import java.io.IOException;
import java.nio.file.Path;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.backend.SearchBackend;
import org.hersj.fhe.search.enroll.GalleryEnroller;
import org.hersj.fhe.search.enroll.RowSource;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.store.GalleryStore;
import org.hersj.fhe.search.store.RecordFileException;
import org.hersj.fhe.search.store.RecordFileReader;

/**
 * The two encrypted galleries of two-stage search: the reduced gallery in the HERS SIMD layout
 * (stage 1) and the full-dimension gallery in the packed-items layout (stage 2), enrolled from two row
 * sources in the same item order (row i of both is gallery item i), under the same keys.
 *
 * @param reducedDir store of the reduced (e.g. 16-d) HERS gallery
 * @param fullDir store of the full-dimension (e.g. 192-d) packed gallery
 */
public record TwoStageGallery(Path reducedDir, Path fullDir) {

  /** Checks both paths are given and differ. */
  public TwoStageGallery {
    if (reducedDir == null || fullDir == null || reducedDir.toAbsolutePath().equals(fullDir.toAbsolutePath())) {
      throw new IllegalArgumentException("two-stage search needs two different store directories");
    }
  }

  /**
   * Enrolls both galleries (two enrollments, each resumable) with {@code enroller}.
   *
   * @param reduced the reduced rows (e.g. DeepMDS++ output), item order = {@code full}'s
   * @param full the original full-dimension rows
   * @throws IllegalArgumentException if the sources hold different numbers of rows
   */
  public static TwoStageGallery enroll(GalleryEnroller enroller, RowSource reduced, RowSource full,
      Path reducedDir, Path fullDir, ProgressListener progress) throws IOException {
    if (reduced.rowCount() != full.rowCount()) {
      throw new IllegalArgumentException("the reduced source has " + reduced.rowCount()
          + " rows but the full-dimension source has " + full.rowCount() + "; both must list the same items");
    }
    if (reduced.dimension() >= full.dimension()) {
      throw new IllegalArgumentException("stage-1 dimension " + reduced.dimension()
          + " should be smaller than stage-2 dimension " + full.dimension());
    }
    TwoStageGallery gallery = new TwoStageGallery(reducedDir, fullDir);
    enroller.enroll(reduced, enroller.hersLayout(), reducedDir, progress);
    enroller.enroll(full, LayoutKind.PACKED_ITEMS, fullDir, progress);
    return gallery;
  }

  /**
   * Checks both stores exist, hold the expected layouts and the same number of items, under
   * {@code backend}'s parameters and keys.
   */
  public void verify(SearchBackend backend) throws IOException {
    try (RecordFileReader r = GalleryStore.open(reducedDir, backend);
        RecordFileReader f = GalleryStore.open(fullDir, backend)) {
      if (!r.header().layout().kind().dimensionMajor()) {
        throw new RecordFileException(r.file(), "the stage-1 gallery must be in a HERS layout, found "
            + r.header().layout().kind());
      }
      if (f.header().layout().kind() != LayoutKind.PACKED_ITEMS) {
        throw new RecordFileException(f.file(), "the stage-2 gallery must be in the PACKED_ITEMS layout, found "
            + f.header().layout().kind());
      }
      if (r.header().layout().itemCount() != f.header().layout().itemCount()) {
        throw new RecordFileException(f.file(), "holds " + f.header().layout().itemCount()
            + " items but the stage-1 gallery " + r.file() + " holds " + r.header().layout().itemCount());
      }
    }
  }
}
