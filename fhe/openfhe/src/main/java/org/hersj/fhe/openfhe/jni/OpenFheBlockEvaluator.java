package org.hersj.fhe.openfhe.jni;

import java.security.SecureRandom;
import org.hersj.fhe.openfhe.jni.OpenFheShim.NativeCiphertext;
import org.hersj.fhe.openfhe.jni.OpenFheShim.NativeContext;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.BlockEvaluator;
import org.hersj.fhe.search.backend.SlotBlinding;

/**
 * The search hot path on OpenFHE: products accumulated without relinearisation, one relinearisation
 * and one rescale per block. A cleared accumulator is empty; the first product initialises it, so no
 * encryption of zero is needed. One instance per thread.
 */
final class OpenFheBlockEvaluator implements BlockEvaluator {
    private final OpenFheEngine engine;
    private final NativeContext context;
    private final NativeCiphertext scratch = new NativeCiphertext();
    private double[] blinding;
    private SecureRandom blindingRandom;

    OpenFheBlockEvaluator(OpenFheEngine engine) {
        this.engine = engine;
        this.context = engine.context();
    }

    @Override
    public void clear(BackendCiphertext acc) {
        own(acc).handle().reset();
    }

    @Override
    public void multiplyAccumulate(BackendCiphertext a, BackendCiphertext b, BackendCiphertext acc2) {
        OpenFheCiphertext sum = own(acc2);
        context.multiplyAccumulate(own(a).handle(), own(b).handle(), sum.handle());
        sum.checkShape("multiplyAccumulate");
    }

    @Override
    public void multiplyConstantAccumulate(BackendCiphertext ct, double value, BackendCiphertext acc1) {
        OpenFheCiphertext sum = own(acc1);
        context.multiplyConstAccumulate(own(ct).handle(), value, sum.handle());
        sum.checkShape("multiplyConstantAccumulate");
    }

    @Override
    public void relinearizeAndRescale(BackendCiphertext acc2, BackendCiphertext out) {
        OpenFheCiphertext result = own(out);
        context.relinearize(own(acc2).handle(), scratch);
        context.rescale(scratch, result.handle());
        result.checkShape("relinearizeAndRescale");
    }

    @Override
    public void relinearize(BackendCiphertext acc2, BackendCiphertext out) {
        OpenFheCiphertext result = own(out);
        context.relinearize(own(acc2).handle(), result.handle());
        result.checkShape("relinearize");
    }

    @Override
    public void rescale(BackendCiphertext in, BackendCiphertext out) {
        OpenFheCiphertext result = own(out);
        context.rescale(own(in).handle(), result.handle());
        result.checkShape("rescale");
    }

    @Override
    public void sumFirstSlots(BackendCiphertext ct, int count) {
        if (count < 1 || Integer.bitCount(count) != 1) {
            throw new IllegalArgumentException("slot count must be a power of two, got " + count);
        }
        NativeCiphertext sum = own(ct).handle();
        for (int step = 1; step < count; step <<= 1) {
            if (!engine.hasRotationKey(step)) {
                throw new IllegalStateException("no OpenFHE rotation key for step " + step
                        + ": generate keys with rotation steps 1, 2, ..., " + count / 2);
            }
            context.rotate(sum, step, scratch);
            context.add(sum, scratch, sum);
        }
    }

    @Override
    public void multiplyRelinearize(BackendCiphertext a, BackendCiphertext b, BackendCiphertext out) {
        OpenFheCiphertext result = own(out);
        context.multiply(own(a).handle(), own(b).handle(), result.handle());
        result.checkShape("multiplyRelinearize");
    }

    /**
     * Adds fresh uniform values on [-B, B] ({@link SlotBlinding}, from {@link SecureRandom}) to every slot
     * except 0, {@code period}, 2 {@code period}, ... (real parts: this engine decrypts real parts only),
     * encoded at the ciphertext's level and scale, so the key owner sees the scores and no partial sums.
     */
    @Override
    public void maskNonScoreSlots(BackendCiphertext ct, int period) {
        NativeCiphertext handle = own(ct).handle();
        int n = context.slots();
        if (blinding == null) {
            blinding = new double[n];
            blindingRandom = new SecureRandom();
        }
        double bound = SlotBlinding.uniformBound(context.ringDimension(), context::qModulus, handle.limbCount(),
                handle.scale());
        SlotBlinding.fill(blinding, n, period, bound, blindingRandom::nextDouble);
        context.addPlainValues(handle, blinding, n);
        own(ct).checkShape("maskNonScoreSlots");
    }

    private OpenFheCiphertext own(BackendCiphertext ct) {
        return OpenFheCiphertext.of(ct, engine);
    }
}
