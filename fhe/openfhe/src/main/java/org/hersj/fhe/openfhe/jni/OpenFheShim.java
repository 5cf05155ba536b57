package org.hersj.fhe.openfhe.jni;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.annotation.ByRef;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Const;
import org.bytedeco.javacpp.annotation.Name;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.Platform;

/**
 * JavaCPP binding of {@code hersj_openfhe_shim.h}, our C++ shim over OpenFHE's CKKS API.
 *
 * <p>The JavaCPP Maven plugin of the {@code openfhe} profile generates and compiles the JNI code
 * for this class against the OpenFHE installation given by {@code -Dopenfhe.home}. The three
 * OpenFHE libraries are listed core, binfhe, pke: the installed libraries carry no run path, so
 * JavaCPP must preload them in dependency order. Callers use {@link OpenFheKeys} and
 * {@link OpenFheKeyFiles} (the search layer's backends), not this class.
 */
@Platform(
        compiler = "cpp17",
        include = "hersj_openfhe_shim.h",
        link = {"OPENFHEcore@.1", "OPENFHEbinfhe@.1", "OPENFHEpke@.1"})
@Namespace("hersj")
public final class OpenFheShim {
    static {
        Loader.load();
    }

    private OpenFheShim() {}

    /** The most OpenMP threads OpenFHE will use inside one operation. */
    public static native int openFheThreadLimit();

    /** Sets OpenFHE's OpenMP threads per operation, process-wide. */
    public static native void setOpenMpThreads(int threads);

    /** Bytes of one serialised object, owned by native memory until released. */
    @Name("Bytes")
    public static final class NativeBytes extends Pointer {
        static {
            Loader.load();
        }

        /** Allocates an empty buffer. */
        public NativeBytes() {
            allocate();
        }

        private native void allocate();

        /** Start of the bytes. */
        @Cast("const char*")
        public native BytePointer data();

        /** Number of bytes. */
        @Cast("long long")
        public native long size();
    }

    /** One native CKKS ciphertext; empty until an operation writes into it. */
    @Name("Ciphertext")
    public static final class NativeCiphertext extends Pointer {
        static {
            Loader.load();
        }

        /** Allocates an empty ciphertext. */
        public NativeCiphertext() {
            allocate();
        }

        private native void allocate();

        /** Whether nothing has been written into this ciphertext yet. */
        @Cast("bool")
        public native boolean isEmpty();

        /** Drops the content (the next multiply-accumulate starts a new sum). */
        public native void reset();

        /** 1 when relinearised or fresh, 2 after a product without relinearisation. */
        public native int degree();

        /** OpenFHE level: rescales applied so far. */
        public native int level();

        /** OpenFHE's scale of the encrypted values. */
        public native double scale();

        /** RNS limbs of the ciphertext modulus still present. */
        public native int limbCount();
    }

    /** A secret/public key pair (the key owner's side). */
    @Name("KeyPair")
    public static final class NativeKeyPair extends Pointer {
        static {
            Loader.load();
        }

        /** Allocates an empty key pair. */
        public NativeKeyPair() {
            allocate();
        }

        private native void allocate();

        /** Whether no key has been generated into this pair yet. */
        @Cast("bool")
        public native boolean isEmpty();

        /** Whether this pair holds the secret key (false for a public-key-only copy). */
        @Cast("bool")
        public native boolean hasSecretKey();

        /** Copies only the public key into out. */
        public native void copyPublicKey(@ByRef NativeKeyPair out);
    }

    /** A native CKKS crypto context; see the shim header for each operation's contract. */
    @Name("Context")
    public static final class NativeContext extends Pointer {
        static {
            Loader.load();
        }

        /** Allocates an uninitialised context. */
        public NativeContext() {
            allocate();
        }

        private native void allocate();

        /** Builds the OpenFHE context (securityBits 0 means not set). */
        public native void init(int ringDim, int multDepth, int firstModBits, int scaleBits,
                int securityBits, @Cast("bool") boolean hybridKeySwitching, int bvDigitBits,
                int ompThreads);

        /** Ring dimension N. */
        public native int ringDimension();

        /** N/2. */
        public native int slots();

        /** Number of primes in Q. */
        public native int qCount();

        /** The i-th prime of Q. */
        @Cast("long long")
        public native long qModulus(int i);

        /** log2(QP) as OpenFHE counts it. */
        public native double logQP();

        /** Generates a key pair and registers its relinearisation key. */
        public native void keyGen(@ByRef NativeKeyPair out);

        /** Generates and registers rotation keys. */
        public native void rotationKeyGen(@Const @ByRef NativeKeyPair keys, int[] steps, int count);

        /** Encrypts count values at an OpenFHE level. */
        public native void encrypt(@Const @ByRef NativeKeyPair keys, @Const double[] values, int count,
                int level, @ByRef NativeCiphertext out);

        /** Encrypts one value replicated in every slot. */
        public native void encryptReplicated(@Const @ByRef NativeKeyPair keys, double value, int level,
                @ByRef NativeCiphertext out);

        /** out = a * b, relinearised. */
        public native void multiply(@Const @ByRef NativeCiphertext a, @Const @ByRef NativeCiphertext b,
                @ByRef NativeCiphertext out);

        /** out = a * b, degree 2. */
        public native void multiplyNoRelin(@Const @ByRef NativeCiphertext a,
                @Const @ByRef NativeCiphertext b, @ByRef NativeCiphertext out);

        /** acc += a * b, degree 2. */
        public native void multiplyAccumulate(@Const @ByRef NativeCiphertext a,
                @Const @ByRef NativeCiphertext b, @ByRef NativeCiphertext acc);

        /** acc += a * value (clear number). */
        public native void multiplyConstAccumulate(@Const @ByRef NativeCiphertext a, double value,
                @ByRef NativeCiphertext acc);

        /** out = a + b. */
        public native void add(@Const @ByRef NativeCiphertext a, @Const @ByRef NativeCiphertext b,
                @ByRef NativeCiphertext out);

        /** a += count clear values (real parts) encoded at a's level and noise degree (stage-2 blinding). */
        public native void addPlainValues(@ByRef NativeCiphertext a, @Const double[] values, int count);

        /** out = relinearise(a). */
        public native void relinearize(@Const @ByRef NativeCiphertext a, @ByRef NativeCiphertext out);

        /** out = rescale(a). */
        public native void rescale(@Const @ByRef NativeCiphertext a, @ByRef NativeCiphertext out);

        /** out = a rotated left by steps. */
        public native void rotate(@Const @ByRef NativeCiphertext a, int steps, @ByRef NativeCiphertext out);

        /** Decrypts the first count slots into out. */
        public native void decrypt(@Const @ByRef NativeKeyPair keys, @Const @ByRef NativeCiphertext a,
                double[] out, int count);

        /** Bytes of a raw ciphertext payload of this degree and limb count. */
        public native long rawSize(int degree, int limbs);

        /** Writes a ciphertext raw (header and NTT-form residues) into out[0 .. rawSize). */
        public native void writeRaw(@Const @ByRef NativeCiphertext a, @Cast("char*") byte[] out,
                @Cast("long long") long capacity);

        /** Reads a raw ciphertext into a copy of templ (same degree and level; residues checked). */
        public native void readRaw(@Cast("const char*") byte[] data, @Cast("long long") long size,
                @Const @ByRef NativeCiphertext templ, @ByRef NativeCiphertext out);

        /** Serialises a ciphertext (OpenFHE binary format). */
        public native void serialize(@Const @ByRef NativeCiphertext a, @ByRef NativeBytes out);

        /** Serialises the public key of a key pair. */
        public native void serializePublicKey(@Const @ByRef NativeKeyPair keys, @ByRef NativeBytes out);

        /** Reads a ciphertext serialised under this context. */
        public native void deserialize(@Cast("const char*") byte[] data, @Cast("long long") long size,
                @ByRef NativeCiphertext out);

        /** Serialises this context. */
        public native void serializeContext(@ByRef NativeBytes out);

        /** Instead of init: reads a context written by serializeContext. */
        public native void initFromBytes(@Cast("const char*") byte[] data, @Cast("long long") long size,
                int ompThreads);

        /** Serialises the secret key of a key pair. */
        public native void serializeSecretKey(@Const @ByRef NativeKeyPair keys, @ByRef NativeBytes out);

        /** Reads a public key and, if secretSize > 0, a secret key into out. */
        public native void readKeys(@Cast("const char*") byte[] publicData, @Cast("long long") long publicSize,
                @Cast("const char*") byte[] secretData, @Cast("long long") long secretSize,
                @ByRef NativeKeyPair out);

        /** Serialises the relinearisation key of a key pair. */
        public native void serializeRelinearizationKey(@Const @ByRef NativeKeyPair keys, @ByRef NativeBytes out);

        /** Serialises the rotation keys of a key pair (empty if none). */
        public native void serializeRotationKeys(@Const @ByRef NativeKeyPair keys, @ByRef NativeBytes out);

        /** Registers evaluation keys of a key pair read from their serialisations (rotSize 0: none). */
        public native void readEvaluationKeys(@Const @ByRef NativeKeyPair keys, @Cast("const char*") byte[] multData,
                @Cast("long long") long multSize, @Cast("const char*") byte[] rotData, @Cast("long long") long rotSize);

        /** Serialised size of the relinearisation key of a key pair. */
        @Cast("long long")
        public native long evaluationKeyBytes(@Const @ByRef NativeKeyPair keys);
    }
}
