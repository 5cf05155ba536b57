package org.hersj.bench.ckks;

import org.hersj.fhe.ckks.Ciphertext;
import org.hersj.fhe.ckks.CkksEncoder;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.ckks.Decryptor;
import org.hersj.fhe.ckks.EvaluationKeys;
import org.hersj.fhe.ckks.Encryptor;
import org.hersj.fhe.ckks.Evaluator;
import org.hersj.fhe.ckks.KeyGenerator;
import org.hersj.fhe.ckks.Plaintext;
import org.hersj.fhe.ckks.PreparedCiphertext;
import org.hersj.fhe.ckks.SecretKey;
import org.hersj.fhe.ring.RandomSource;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Keys, inputs and output buffers for one preset: two encrypted vectors x and y at the top level, their
 * degree-2 and relinearised products, and pre-allocated outputs, so that each benchmark measures exactly
 * one operation. Keys come from a fixed-seed test stream: benchmarks only, never real data.
 */
@State(Scope.Thread)
public class CkksFixture {
    /** Terms of the inner-product benchmark (a search block of dimension 32). */
    public static final int TERMS = 32;

    /** Preset name (see {@link CkksPresets}). */
    @Param({"SEARCH_N4096", "SEARCH_N8192"})
    public String preset;

    /** Parameters of the preset. */
    public CkksParameters params;
    /** Encoder. */
    public CkksEncoder encoder;
    /** Public-key encryptor. */
    public Encryptor encryptor;
    /** Decryptor (for sanity checks and the decrypt benchmark). */
    public Decryptor decryptor;
    /** Evaluator with relinearisation and step-1 rotation keys. */
    public Evaluator evaluator;
    /** Input vectors. */
    public double[] x;
    /** Second input vector. */
    public double[] y;
    /** x encoded at the top level. */
    public Plaintext plainX;
    /** Enc(x). */
    public Ciphertext cipherX;
    /** Enc(y). */
    public Ciphertext cipherY;
    /** Enc(x) repeated {@link #TERMS} times. */
    public Ciphertext[] manyX;
    /** Enc(y) repeated {@link #TERMS} times. */
    public Ciphertext[] manyY;
    /** Enc(y) prepared as a fixed operand. */
    public PreparedCiphertext preparedY;
    /** Enc(x) * Enc(y), degree 2. */
    public Ciphertext product2;
    /** Enc(x) * Enc(y), relinearised. */
    public Ciphertext product1;
    /** Output buffer of degree 1 at the top level. */
    public Ciphertext out1;
    /** Output buffer of degree 2 at the top level. */
    public Ciphertext out2;
    /** Accumulator of the multiply-accumulate benchmark. */
    public Ciphertext accumulator;
    /** Plaintext output buffer. */
    public Plaintext plainOut;

    /** Builds keys and inputs (once per trial). */
    @Setup(Level.Trial)
    public void setUp() {
        params = CkksPresets.byName(preset);
        RandomSource random = RandomSource.secure();
        KeyGenerator keys = new KeyGenerator(params, random);
        SecretKey sk = keys.secretKey();
        encoder = new CkksEncoder(params);
        encryptor = Encryptor.withPublicKey(params, keys.publicKey(sk), random.fork());
        decryptor = new Decryptor(params, sk);
        evaluator = new Evaluator(params, new EvaluationKeys(keys.relinearizationKey(sk), keys.galoisKeys(sk, 1)));
        int slots = params.slots();
        x = new double[slots];
        y = new double[slots];
        for (int i = 0; i < slots; i++) {
            x[i] = Math.sin(0.01 * i);
            y[i] = Math.cos(0.003 * i);
        }
        int top = params.maxLevel();
        double scale = params.defaultScale();
        plainX = encoder.encodeNew(x, top, scale);
        cipherX = encryptor.encryptNew(plainX);
        cipherY = encryptor.encryptNew(encoder.encodeNew(y, top, scale));
        preparedY = evaluator.prepare(cipherY);
        manyX = new Ciphertext[TERMS];
        manyY = new Ciphertext[TERMS];
        java.util.Arrays.fill(manyX, cipherX);
        java.util.Arrays.fill(manyY, cipherY);
        product2 = evaluator.multiplyNoRelinNew(cipherX, cipherY);
        product1 = evaluator.relinearizeNew(product2);
        out1 = evaluator.newCiphertext(1, top, scale);
        out2 = evaluator.newCiphertext(2, top, scale);
        accumulator = evaluator.newCiphertext(2, top, cipherX.scale() * cipherY.scale());
        plainOut = new Plaintext(params, top, scale);
    }

    /** @return the slots of a decrypted ciphertext */
    public double[] decrypt(Ciphertext ct) {
        return encoder.decode(decryptor.decryptNew(ct));
    }
}
