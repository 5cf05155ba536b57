package org.hersj.experiments.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.hersj.experiments.data.Dataset;
import org.junit.jupiter.api.Test;

class IdentificationProtocolTest {

    private static Dataset dataset(int... labels) {
        float[][] v = new float[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            v[i] = new float[] {i, 1};
        }
        return new Dataset("t", v, labels);
    }

    @Test
    void firstSampleIsEnrolledRestAreProbesDistractorsGoLast() {
        Dataset d = dataset(5, -1, 7, 5, 7, 5, -1, 9);
        IdentificationSplit s = IdentificationProtocol.split(d, Integer.MAX_VALUE, Integer.MAX_VALUE, 1);
        assertArrayEquals(new int[] {5, 7, 9, -1, -1}, s.galleryLabels());
        assertSame(d.vectors()[0], s.gallery()[0]);
        assertSame(d.vectors()[7], s.gallery()[2]);
        assertSame(d.vectors()[1], s.gallery()[3]);
        assertArrayEquals(new int[] {5, 7, 5}, s.probeLabels());
        assertSame(d.vectors()[3], s.probes()[0]);
        assertEquals(3, s.identities());
        assertEquals(2, s.distractors());
    }

    @Test
    void limitsCapDistractorsAndProbesDeterministically() {
        Dataset d = dataset(0, 0, 0, 0, 0, 0, 0, 0, -1, -1, -1);
        IdentificationSplit s = IdentificationProtocol.split(d, 1, 3, 4);
        assertEquals(1, s.distractors());
        assertEquals(3, s.probes().length);
        IdentificationSplit again = IdentificationProtocol.split(d, 1, 3, 4);
        for (int p = 0; p < 3; p++) {
            assertSame(s.probes()[p], again.probes()[p]);
        }
    }

    @Test
    void noProbesIsAnError() {
        assertThrows(IllegalArgumentException.class,
                () -> IdentificationProtocol.split(dataset(1, 2, -1), Integer.MAX_VALUE, Integer.MAX_VALUE, 1));
    }
}
