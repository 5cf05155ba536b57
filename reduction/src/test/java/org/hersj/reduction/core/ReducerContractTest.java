package org.hersj.reduction.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.hersj.reduction.Reducers;
import org.junit.jupiter.api.Test;

/** The boundary contract: normalised output, chunking, streaming, clear errors. */
class ReducerContractTest {

    @Test
    void identityNormalisesAndKeepsDirection() {
        Reducer identity = Reducers.identity(3);
        float[][] out = identity.reduce(new float[][] {{3, 0, 4}});
        assertArrayEquals(new float[] {0.6f, 0, 0.8f}, out[0], 1e-7f);
        assertEquals("identity", identity.method());
    }

    @Test
    void badRowsAreNamed() {
        Reducer identity = Reducers.identity(3);
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> identity.reduce(new float[][] {{1, 0, 0}, {1, 0}}));
        assertTrue(width.getMessage().contains("row 1 has 2 values, expected 3"), width.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> identity.reduce(new float[][] {{0, 0, 0}}));
        assertTrue(zero.getMessage().contains("row 0 is zero"), zero.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> identity.reduce(new float[][] {{Float.NaN, 1, 0}}));
        assertTrue(nan.getMessage().contains("not finite"), nan.getMessage());
    }

    @Test
    void largeInputsAreChunkedAndStreamingMatches() {
        int n = Reducer.DEFAULT_CHUNK_ROWS * 2 + 17;
        float[][] rows = IntStream.range(0, n).mapToObj(i -> new float[] {i + 1, 1, -i}).toArray(float[][]::new);
        Reducer identity = Reducers.identity(3);
        float[][] whole = identity.reduce(rows);
        assertEquals(n, whole.length);
        List<Integer> chunkSizes = new ArrayList<>();
        List<float[]> streamed = new ArrayList<>();
        Iterator<float[]> it = List.of(rows).iterator();
        long count = identity.reduce(it, 1000, chunk -> {
            chunkSizes.add(chunk.length);
            streamed.addAll(List.of(chunk));
        });
        assertEquals(n, count);
        assertTrue(chunkSizes.stream().allMatch(s -> s <= 1000));
        assertArrayEquals(whole[n - 1], streamed.get(n - 1), 0f);
    }
}
