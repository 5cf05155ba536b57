package org.hersj.experiments.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.hersj.fhe.search.client.TopK;
import org.hersj.experiments.progress.Progress;

/**
 * Exact inner-product search in plaintext, the reference for every other search mode. Enrolment lays the
 * gallery out dimension-major in blocks ({@link DimensionMajorGallery}); the blocks are shared out among
 * threads in contiguous runs, each thread scores its blocks against tiles of probes and keeps a top-k
 * heap per probe, and the per-thread heaps are merged.
 */
public final class PlaintextSearcher implements Searcher {

    /** The mode name, {@code plaintext}. */
    public static final String MODE = "plaintext";

    private static final int PROBE_TILE = 16;

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
    public SearchResult search(SearchInput input, int topK, Progress progress) {
        float[][] gallery = input.gallery();
        float[][] probes = input.probes();
        if (gallery.length == 0 || topK < 1) {
            throw new IllegalArgumentException("need a non-empty gallery and topK >= 1");
        }
        int k = Math.min(topK, gallery.length);
        long t0 = System.nanoTime();
        DimensionMajorGallery enrolled = new DimensionMajorGallery(gallery);
        for (int p = 0; p < probes.length; p++) {
            if (probes[p].length != enrolled.dimension()) {
                throw new IllegalArgumentException("probe " + p + " has dimension " + probes[p].length
                        + "; the gallery has " + enrolled.dimension());
            }
        }
        long t1 = System.nanoTime();
        int slices = Math.min(threads, enrolled.blockCount());
        TopK[][] partial = new TopK[slices][];
        AtomicLong done = new AtomicLong();
        String task = "search " + MODE;
        ExecutorService pool = Executors.newFixedThreadPool(slices);
        try {
            List<Future<TopK[]>> futures = new ArrayList<>();
            for (int s = 0; s < slices; s++) {
                int from = sliceStart(enrolled.blockCount(), s, slices);
                int to = sliceStart(enrolled.blockCount(), s + 1, slices);
                futures.add(pool.submit(() -> scoreBlocks(enrolled, from, to, probes, k,
                        () -> progress.update(task, done.incrementAndGet(), enrolled.blockCount()))));
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
                merged.merge(partial[s][p]);
            }
            indices[p] = merged.sortedItems();
            scores[p] = merged.sortedScores();
        }
        long t2 = System.nanoTime();
        progress.finish(task);
        return new SearchResult(indices, scores, t1 - t0, t2 - t1);
    }

    /** First block of slice {@code s} when {@code n} blocks are cut into {@code slices} runs. */
    private static int sliceStart(int n, int s, int slices) {
        return (int) ((long) n * s / slices);
    }

    private static TopK[] scoreBlocks(DimensionMajorGallery gallery, int fromBlock, int toBlock, float[][] probes,
                                      int k, Runnable blockDone) {
        TopK[] heaps = new TopK[probes.length];
        for (int p = 0; p < probes.length; p++) {
            heaps[p] = new TopK(k);
        }
        float[][] scores = new float[PROBE_TILE][DimensionMajorGallery.BLOCK];
        for (int b = fromBlock; b < toBlock; b++) {
            int first = b * DimensionMajorGallery.BLOCK;
            int items = Math.min(DimensionMajorGallery.BLOCK, gallery.size() - first);
            for (int tile = 0; tile < probes.length; tile += PROBE_TILE) {
                int tileEnd = Math.min(probes.length, tile + PROBE_TILE);
                gallery.scoreBlock(b, probes, tile, tileEnd, scores);
                for (int p = tile; p < tileEnd; p++) {
                    float[] row = scores[p - tile];
                    for (int i = 0; i < items; i++) {
                        heaps[p].offer(first + i, row[i]);
                    }
                }
            }
            blockDone.run();
        }
        return heaps;
    }
}
