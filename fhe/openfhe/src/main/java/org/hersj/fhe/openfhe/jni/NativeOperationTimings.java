package org.hersj.fhe.openfhe.jni;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hersj.fhe.ckks.Ciphertext;
import org.hersj.fhe.ckks.CkksEncoder;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ckks.Encryptor;
import org.hersj.fhe.ckks.Evaluator;
import org.hersj.fhe.openfhe.jni.OpenFheShim.NativeCiphertext;
import org.hersj.fhe.openfhe.jni.OpenFheShim.NativeContext;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.backend.ckks.CkksSearchKeys;

/**
 * The two operations the search interface does not expose alone, timed through each engine's own
 * API: a product without relinearisation into a fresh degree-2 ciphertext, and a relinearisation.
 */
final class NativeOperationTimings {
    /** Row name of the product without relinearisation. */
    static final String MULTIPLY_NO_RELIN = "multiply, no relinearisation (engine API)";
    /** Row name of the relinearisation. */
    static final String RELINEARIZE = "relinearise (engine API)";

    private NativeOperationTimings() {}

    /** Our engine's medians. */
    static Map<String, Double> java(CkksSearchKeys keys, MedianTimer timer) {
        CkksParameters params = keys.parameters();
        Encryptor encryptor = Encryptor.withPublicKey(params, keys.publicKey(), RandomSource.secure());
        double[] column = BackendOperationTimer.randomColumn(params.slots());
        Ciphertext a = encryptor.encryptNew(new CkksEncoder(params).encodeNew(column, params.maxLevel(),
                params.defaultScale()));
        Evaluator evaluator = new Evaluator(params, keys.evaluationKeys());
        Ciphertext square = evaluator.multiplyNoRelinNew(a, a);
        Ciphertext relinearized = evaluator.newCiphertext(1, params.maxLevel(), square.scale());
        Map<String, Double> times = new LinkedHashMap<>();
        times.put(MULTIPLY_NO_RELIN, timer.millis(() -> evaluator.multiplyNoRelin(a, a, square)));
        times.put(RELINEARIZE, timer.millis(() -> evaluator.relinearize(square, relinearized)));
        return times;
    }

    /** OpenFHE's medians, through the shim. */
    static Map<String, Double> openFhe(OpenFheKeys keys, MedianTimer timer) {
        NativeContext context = keys.engine().context();
        NativeCiphertext a = new NativeCiphertext();
        double[] column = BackendOperationTimer.randomColumn(keys.engine().parameters().slots());
        context.encrypt(keys.engine().publicKey(), column, column.length, 0, a);
        NativeCiphertext square = new NativeCiphertext();
        NativeCiphertext relinearized = new NativeCiphertext();
        context.multiplyNoRelin(a, a, square);
        Map<String, Double> times = new LinkedHashMap<>();
        times.put(MULTIPLY_NO_RELIN, timer.millis(() -> context.multiplyNoRelin(a, a, square)));
        times.put(RELINEARIZE, timer.millis(() -> context.relinearize(square, relinearized)));
        return times;
    }
}
