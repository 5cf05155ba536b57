package org.hersj.fhe.ring;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.hersj.fhe.io.Sha256;

/**
 * A cryptographic pseudo-random stream: AES-256 in counter mode keyed with 32 bytes of seed.
 *
 * <p>{@link #secure()} seeds from {@link SecureRandom}; this is the only source that may be used for real
 * keys and encryption noise. {@link #seededForTestsOnly(long)} derives the key from a public number so that
 * tests are reproducible; anything produced with it is insecure. Not thread-safe: give each thread its own
 * source (see {@link #fork()}).
 */
public final class RandomSource {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int BUFFER_BYTES = 8192;

    private final Cipher cipher;
    private final byte[] zeros = new byte[BUFFER_BYTES];
    private final byte[] buffer = new byte[BUFFER_BYTES];
    /** The keystream buffer as little-endian longs, for bulk copies. */
    private final LongBuffer bufferLongs = ByteBuffer.wrap(buffer).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
    private final boolean deterministic;
    private final boolean publicSeed;
    private int position = BUFFER_BYTES;

    private RandomSource(byte[] key, boolean deterministic, boolean publicSeed) {
        this.deterministic = deterministic;
        this.publicSeed = publicSeed;
        try {
            cipher = Cipher.getInstance("AES/CTR/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no AES/CTR cipher", e);
        }
        key(key);
        java.util.Arrays.fill(key, (byte) 0);
    }

    private RandomSource(byte[] key, boolean deterministic) {
        this(key, deterministic, false);
    }

    // (Re)starts the keystream of AES-256-CTR under `key` at counter 0.
    private void key(byte[] key) {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK refused a 32-byte AES key", e);
        }
        position = BUFFER_BYTES;
    }

    /**
     * System property through which test runs (and only they: the build's surefire configuration sets it)
     * let deterministic streams into key generation and encryption, see {@link #requireSecureFor}.
     */
    public static final String ALLOW_TEST_STREAMS_PROPERTY = "hersj.allowDeterministicTestStreams";

    /** @return a stream seeded with 256 bits from {@link SecureRandom} */
    public static RandomSource secure() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new RandomSource(key, false);
    }

    /**
     * A reproducible stream for tests. Never use it for real data: its key is derived from {@code seed}.
     *
     * @param seed public test seed
     * @return the deterministic stream
     */
    public static RandomSource seededForTestsOnly(long seed) {
        return new RandomSource(Sha256.of(("hers-j deterministic test stream " + seed)
                .getBytes(StandardCharsets.US_ASCII)), true);
    }

    /**
     * The stream a public 32-byte seed expands to (the uniform half of a seeded ciphertext): anyone holding the
     * seed regenerates the same values, so use it only for public randomness, never for keys or noise.
     *
     * @param seed 32 bytes (not modified)
     * @return AES-256-CTR keyed with the seed
     */
    public static RandomSource expandingPublicSeed(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("a seed is 32 bytes, got " + seed.length);
        }
        return new RandomSource(seed.clone(), true, true);
    }

    /**
     * Restarts this stream as {@link #expandingPublicSeed}{@code (seed)} would start a new one, reusing its cipher
     * and buffers (a reader expanding many seeds in a row skips the cipher's set-up).
     *
     * @param seed 32 bytes (not modified)
     * @throws IllegalStateException if this stream was not made by {@link #expandingPublicSeed}: a secret stream
     *         is never re-keyed
     */
    public void restartFromPublicSeed(byte[] seed) {
        if (!publicSeed) {
            throw new IllegalStateException("only a stream made by expandingPublicSeed can be restarted from a seed");
        }
        if (seed.length != 32) {
            throw new IllegalArgumentException("a seed is 32 bytes, got " + seed.length);
        }
        key(seed);
    }

    /** @return an independent stream keyed from this one (deterministic iff this one is) */
    public RandomSource fork() {
        byte[] key = new byte[32];
        nextBytes(key);
        return new RandomSource(key, deterministic);
    }

    /** @return whether this stream is the insecure, reproducible test stream */
    public boolean isDeterministic() {
        return deterministic;
    }

    /** @return 64 uniformly random bits */
    public long nextLong() {
        if (position == BUFFER_BYTES) {
            refill();
        }
        long value = (long) LONGS.get(buffer, position);
        position += 8;
        return value;
    }

    /** @param out filled with random bytes */
    public void nextBytes(byte[] out) {
        for (int i = 0; i < out.length; i += 8) {
            long v = nextLong();
            for (int k = 0; k < 8 && i + k < out.length; k++) {
                out[i + k] = (byte) (v >>> (8 * k));
            }
        }
    }

    /**
     * @param bound exclusive upper bound, positive
     * @return a uniform value in [0, bound) by rejection sampling
     */
    public long uniformBelow(long bound) {
        long mask = -1L >>> Long.numberOfLeadingZeros(bound - 1 | 1);
        while (true) {
            long v = nextLong() & mask;
            if (v < bound) {
                return v;
            }
        }
    }

    /**
     * Fills {@code out} with uniform values in [0, bound): the same values, from the same stream positions, as
     * {@code out.length} calls of {@link #uniformBelow}, read straight from the keystream buffer.
     *
     * @param out filled in order
     * @param bound exclusive upper bound, positive
     */
    public void uniformBelow(long[] out, long bound) {
        long mask = -1L >>> Long.numberOfLeadingZeros(bound - 1 | 1);
        long last = bound - 1;
        int c = 0;
        while (c < out.length) {
            if (position == BUFFER_BYTES) {
                refill();
            }
            // Copy as many keystream words as values are missing, mask them, and keep them all unless one is
            // rejected (rare for the primes of our presets); then drop the rejected ones, keeping the order.
            int words = Math.min((BUFFER_BYTES - position) >>> 3, out.length - c);
            bufferLongs.get(position >>> 3, out, c, words);
            long rejected = 0;
            for (int i = c; i < c + words; i++) {
                long v = out[i] & mask;
                out[i] = v;
                rejected |= last - v;
            }
            position += 8 * words;
            if (rejected >= 0) {
                c += words;
            } else {
                int kept = c;
                for (int i = c; i < c + words; i++) {
                    if (out[i] < bound) {
                        out[kept++] = out[i];
                    }
                }
                c = kept;
            }
        }
    }

    /**
     * Refuses a deterministic stream ({@link #seededForTestsOnly}) for {@code purpose} (key generation,
     * encryption) unless the JVM runs tests that opted in with {@value #ALLOW_TEST_STREAMS_PROPERTY}=true.
     *
     * @throws IllegalStateException naming the purpose and what to use instead
     */
    public void requireSecureFor(String purpose) {
        if (deterministic && !Boolean.getBoolean(ALLOW_TEST_STREAMS_PROPERTY)) {
            throw new IllegalStateException(purpose + " refuses a deterministic test stream"
                    + " (RandomSource.seededForTestsOnly): its keys and noise are public; use RandomSource.secure()"
                    + " (tests opt in with -D" + ALLOW_TEST_STREAMS_PROPERTY + "=true)");
        }
    }

    /** @return a uniform double in [0, 1) with 53 random bits */
    public double uniformDouble() {
        return (nextLong() >>> 11) * 0x1p-53;
    }

    /**
     * Fills {@code out} with independent standard normal values ({@link ZigguratNormal}: the ziggurat method, two
     * keystream words per value in about 99 % of draws, at the full precision of a double).
     *
     * @param out filled in order
     */
    public void gaussians(double[] out) {
        for (int k = 0; k < out.length; k++) {
            out[k] = ZigguratNormal.next(this);
        }
    }

    private void refill() {
        try {
            cipher.update(zeros, 0, BUFFER_BYTES, buffer, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES keystream failed", e);
        }
        position = 0;
    }

    /** Never reveals the key or the stream state. */
    @Override
    public String toString() {
        return deterministic ? "RandomSource(deterministic test stream, INSECURE)" : "RandomSource(secure)";
    }
}
