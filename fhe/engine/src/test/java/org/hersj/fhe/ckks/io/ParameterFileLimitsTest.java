package org.hersj.fhe.ckks.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ckks.CkksParametersLiteral;
import org.hersj.fhe.ckks.ParameterPolicy;
import org.hersj.fhe.ckks.SecurityLevel;
import org.junit.jupiter.api.Test;

/**
 * Parameters read from a file cannot lower security or exhaust the machine: a set marked insecure is
 * refused unless the command line allowed it ({@link ParameterPolicy}), and log2 N above
 * {@value CkksParameters#MAX_LOG_N} or more than {@value CkksParameters#MAX_PRIMES} primes are refused
 * before any prime is generated.
 */
class ParameterFileLimitsTest {

    private static final String FINGERPRINT = "00".repeat(32);

    @Test
    void insecureParametersFromAFileAreRefusedUnlessTheCommandLineAllowsThem() {
        CkksParameters toy = CkksParameters.of(new CkksParametersLiteral(12, List.of(55, 40), List.of(55), 40,
                SecurityLevel.BITS_128, true));
        byte[] file = CkksSerializer.writeParameters(toy);
        CkksFormatException refused = assertThrows(CkksFormatException.class,
            () -> CkksSerializer.readParameters(file, "keys/parameters.ckks"));
        assertTrue(refused.getMessage().startsWith("keys/parameters.ckks: holds parameters marked insecure"),
            refused.getMessage());
        assertTrue(refused.getMessage().contains("--allow-insecure"), refused.getMessage());
        assertThrows(CkksFormatException.class,
            () -> CkksSerializer.readParameters(file, "keys/parameters.ckks", ParameterPolicy.SECURE_ONLY));
        assertEquals(toy, CkksSerializer.readParameters(file, "keys/parameters.ckks",
            ParameterPolicy.allowInsecure("hers rank --allow-insecure (test)")));
        // the allowance is the value passed, not process state: the next read refuses again
        assertThrows(CkksFormatException.class, () -> CkksSerializer.readParameters(file, "keys/parameters.ckks"));
        CkksParameters secure = CkksParameters.of(new CkksParametersLiteral(12, List.of(46, 38), List.of(25), 38,
                SecurityLevel.BITS_128, false));
        assertEquals(secure, CkksSerializer.readParameters(CkksSerializer.writeParameters(secure), "secure"));
    }

    @Test
    void ringDegreeAndPrimeCountAreCapped() {
        CkksFormatException bigRing = assertThrows(CkksFormatException.class,
            () -> CkksSerializer.readParameters(frame(17, 2, 1), "big.ckks"));
        assertTrue(bigRing.getMessage().contains("log2 N = 17 with 3 primes exceeds the limits"), bigRing.getMessage());
        CkksFormatException manyPrimes = assertThrows(CkksFormatException.class,
            () -> CkksSerializer.readParameters(frame(14, 30, 3), "many.ckks"));
        assertTrue(manyPrimes.getMessage().contains("33 primes exceeds the limits"), manyPrimes.getMessage());
        assertThrows(CkksFormatException.class, () -> CkksSerializer.readParameters(frame(14, 40, 1), "list.ckks"));
        assertThrows(IllegalArgumentException.class, () -> CkksParameters.of(new CkksParametersLiteral(17,
                List.of(50, 40), List.of(50), 40, SecurityLevel.BITS_128, true)));
    }

    /** A framed parameters payload (not insecure) of log2 N = {@code logN} with q and p primes of 40 bits. */
    private static byte[] frame(int logN, int qCount, int pCount) {
        ByteBuffer b = ByteBuffer.allocate(4 * (6 + qCount + pCount)).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(logN).putInt(30).putInt(SecurityLevel.BITS_128.ordinal()).putInt(0);
        b.putInt(qCount);
        for (int i = 0; i < qCount; i++) {
            b.putInt(40);
        }
        b.putInt(pCount);
        for (int i = 0; i < pCount; i++) {
            b.putInt(40);
        }
        return Frame.wrap(ObjectType.PARAMETERS, FINGERPRINT, b.array());
    }
}
