package org.hersj.experiments.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.hersj.experiments.progress.Progress;

/**
 * Exact inner-product search in plaintext, the reference for every other search mode. The gallery is
 * copied into one flat row-major array ("enrolment"), cut into one contiguous slice per thread, and each
 * thread scores its slice block by block against tiles of probes, keeping a top-k heap per probe; the
 * per-thread heaps are then merged.
 */
public final class PlaintextSearcher implements Searcher {

    /** The mode name, {@code plaintext}. */
    public static final String MODE = "plaintext";

    private static final int GALLERY_BLOCK = 256;
    private static final int PROBE_TILE = 8;

    private final int threads;

    /** @param threads worker threads, {@code >= 1} */
    public PlaintextSearcher(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
    }

    @Override
    public String mode() {
        return MODE;
    }

    @Override
    public SearchResult search(float[][] gallery, float[][] probes, int topK, Progress progress) {
        if (gallery.length == 0 || topK < 1) {
            throw new IllegalArgumentException("need a non-empty gallery and topK >= 1");
        }
        int d = gallery[0].length;
        int k = Math.min(topK, gallery.length);
        long t0 = System.nanoTime();
        float[] flat = flatten(gallery, d, "gallery");
        float[] flatProbes = flatten(probes, d, "probes");
        long t1 = System.nanoTime();
        int slices = Math.min(threads, (gallery.length + GALLERY_BLOCK - 1) / GALLERY_BLOCK);
        TopK[][] partial = new TopK[slices][];
        AtomicLong done = new AtomicLong();
        long totalBlocks = 0;
        for (int s = 0; s < slices; s++) {
            totalBlocks += (sliceEnd(gallery.length, s, slices) - sliceEnd(gallery.length, s - 1, slices)
                    + GALLERY_BLOCK - 1) / GALLERY_BLOCK;
        }
        long blocks = totalBlocks;
        String task = "search " + MODE;
        ExecutorService pool = Executors.newFixedThreadPool(slices);
        try {
            List<Future<TopK[]>> futures = new ArrayList<>();
            for (int s = 0; s < slices; s++) {
                int from = sliceEnd(gallery.length, s - 1, slices);
                int to = sliceEnd(gallery.length, s, slices);
                futures.add(pool.submit(() -> scoreSlice(flat, from, to, flatProbes, probes.length, d, k,
                        () -> progress.update(task, done.incrementAndGet(), blocks))));
            }
            for (int s = 0; s < slices; s++) {
                partial[s] = futures.get(s).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("search interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("search failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        int[][] indices = new int[probes.length][];
        float[][] scores = new float[probes.length][];
        for (int p = 0; p < probes.length; p++) {
            TopK merged = partial[0][p];
            for (int s = 1; s < slices; s++) {
                merged.offerAll(partial[s][p]);
            }
            indices[p] = merged.sortedIndices();
            scores[p] = merged.sortedScores();
        }
        long t2 = System.nanoTime();
        progress.finish(task);
        return new SearchResult(indices, scores, t1 - t0, t2 - t1);
    }

    /** End (exclusive) of slice {@code s} when {@code n} rows are cut into {@code slices}; 0 for s = -1. */
    private static int sliceEnd(int n, int s, int slices) {
        return (int) ((long) n * (s + 1) / slices);
    }

    private static TopK[] scoreSlice(float[] gallery, int from, int to, float[] probes, int probeCount, int d, int k,
                                     Runnable blockDone) {
        TopK[] heaps = new TopK[probeCount];
        for (int p = 0; p < probeCount; p++) {
            heaps[p] = new TopK(k);
        }
        for (int blockStart = from; blockStart < to; blockStart += GALLERY_BLOCK) {
            int blockEnd = Math.min(to, blockStart + GALLERY_BLOCK);
            for (int tile = 0; tile < probeCount; tile += PROBE_TILE) {
                int tileEnd = Math.min(probeCount, tile + PROBE_TILE);
                for (int g = blockStart; g < blockEnd; g++) {
                    for (int p = tile; p < tileEnd; p++) {
                        heaps[p].offer(dot(gallery, g * d, probes, p * d, d), g);
                    }
                }
            }
            blockDone.run();
        }
        return heaps;
    }

    /**
     * Inner product of two length-{@code d} runs of flat arrays, with four independent float partial
     * sums (which lets the CPU pipeline them) combined in double.
     */
    static float dot(float[] a, int aOffset, float[] b, int bOffset, int d) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < d; i += 4) {
            s0 += a[aOffset + i] * b[bOffset + i];
            s1 += a[aOffset + i + 1] * b[bOffset + i + 1];
            s2 += a[aOffset + i + 2] * b[bOffset + i + 2];
            s3 += a[aOffset + i + 3] * b[bOffset + i + 3];
        }
        for (; i < d; i++) {
            s0 += a[aOffset + i] * b[bOffset + i];
        }
        return (float) (((double) s0 + s1) + ((double) s2 + s3));
    }

    private static float[] flatten(float[][] rows, int d, String what) {
        float[] flat = new float[Math.multiplyExact(rows.length, d)];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != d) {
                throw new IllegalArgumentException(what + " row " + i + " has dimension " + rows[i].length
                        + "; expected " + d);
            }
            System.arraycopy(rows[i], 0, flat, i * d, d);
        }
        return flat;
    }
}
