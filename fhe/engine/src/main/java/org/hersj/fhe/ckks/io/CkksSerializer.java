package org.hersj.fhe.ckks.io;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hersj.fhe.ckks.Ciphertext;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ckks.CkksParametersLiteral;
import org.hersj.fhe.ckks.GaloisKeys;
import org.hersj.fhe.ckks.ParameterPolicy;
import org.hersj.fhe.ckks.Plaintext;
import org.hersj.fhe.ckks.PublicKey;
import org.hersj.fhe.ckks.RelinearizationKey;
import org.hersj.fhe.ckks.SecretKey;
import org.hersj.fhe.ckks.SecurityLevel;
import org.hersj.fhe.ckks.SwitchingKey;
import org.hersj.fhe.ring.RnsPoly;

/**
 * Versioned binary format of CKKS objects. Each framed object (see {@link ObjectType}) is an
 * {@link org.hersj.fhe.io.Envelope} (magic, versions, lengths, SHA-256) whose header holds the type and the
 * parameter fingerprint; files of release 0.1.0 (the "HJCK" frame) are still read; reading checks all of them
 * and every residue's range, so truncated, corrupted, mistyped or other-parameter input is a
 * {@link CkksFormatException}, never a wrong answer. Residues are stored as little-endian 64-bit words.
 *
 * <p>The raw ciphertext payload ({@link #writeCiphertextPayload}) is unframed and of fixed size
 * {@link #ciphertextSize} for given (parameters, degree, level): the gallery store frames and checksums its
 * own records; {@link CompactPayloads} has the bit-packed and seeded variants. Thread-safe (stateless apart from the parameters).
 */
public final class CkksSerializer {
    private final CkksParameters params;

    /** @param params the parameters every object read or written must belong to */
    public CkksSerializer(CkksParameters params) {
        this.params = params;
    }

    // ---- parameters ------------------------------------------------------------------------------------

    /** @return the framed literal of {@code params}; reading regenerates and checks the primes */
    public static byte[] writeParameters(CkksParameters params) {
        CkksParametersLiteral l = params.literal();
        ByteBuffer b = ByteBuffer.allocate(4 * (6 + l.logQ().size() + l.logP().size())).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(l.logN()).putInt(l.logScale()).putInt(l.security().ordinal()).putInt(l.allowInsecure() ? 1 : 0);
        b.putInt(l.logQ().size());
        l.logQ().forEach(b::putInt);
        b.putInt(l.logP().size());
        l.logP().forEach(b::putInt);
        return Frame.wrap(ObjectType.PARAMETERS, params.fingerprint(), b.array());
    }

    /**
     * Reads parameters, refusing parameters marked insecure ({@link ParameterPolicy#SECURE_ONLY}).
     *
     * @param bytes a framed parameters object
     * @param source name for messages
     * @return the parameters, validated, whose fingerprint matches the frame's
     */
    public static CkksParameters readParameters(byte[] bytes, String source) {
        return readParameters(bytes, source, ParameterPolicy.SECURE_ONLY);
    }

    /**
     * @param bytes a framed parameters object
     * @param source name for messages
     * @param policy whether parameters marked insecure are accepted (only when the command line says so)
     * @return the parameters, validated, whose fingerprint matches the frame's
     */
    public static CkksParameters readParameters(byte[] bytes, String source, ParameterPolicy policy) {
        ByteBuffer b = Frame.unwrap(bytes, ObjectType.PARAMETERS, null, source);
        String savedFingerprint = Frame.parse(bytes, source).fingerprint();
        try {
            int logN = b.getInt();
            int logScale = b.getInt();
            int security = b.getInt();
            boolean insecure = b.getInt() != 0;
            List<Integer> logQ = readInts(b, source);
            List<Integer> logP = readInts(b, source);
            if (security < 0 || security >= SecurityLevel.values().length) {
                throw new CkksFormatException(source + ": unknown security level " + security);
            }
            if (logN < 1 || logN > CkksParameters.MAX_LOG_N || logQ.size() + logP.size() > CkksParameters.MAX_PRIMES) {
                throw new CkksFormatException(source + ": log2 N = " + logN + " with " + (logQ.size() + logP.size())
                        + " primes exceeds the limits (log2 N <= " + CkksParameters.MAX_LOG_N + ", at most "
                        + CkksParameters.MAX_PRIMES + " primes); the file is damaged or not for this build");
            }
            if (insecure && !policy.allowsInsecure()) {
                throw new CkksFormatException(source + ": holds parameters marked insecure (allowInsecure, log2 N = "
                        + logN + ", prime bits " + logQ + " + " + logP + "); insecure parameters are refused when read"
                        + " from a file: regenerate the keys with a preset, or pass --allow-insecure on the command"
                        + " line (tests only)");
            }
            CkksParameters p = CkksParameters.of(new CkksParametersLiteral(logN, logQ, logP, logScale,
                    SecurityLevel.values()[security], insecure));
            if (!p.fingerprint().equals(savedFingerprint)) {
                throw new CkksFormatException(source + ": parameters regenerate to other primes than were saved");
            }
            return p;
        } catch (BufferUnderflowException e) {
            throw new CkksFormatException(source + ": parameter payload is too short");
        }
    }

    private static List<Integer> readInts(ByteBuffer b, String source) {
        int count = b.getInt();
        if (count < 0 || count > CkksParameters.MAX_PRIMES) {
            throw new CkksFormatException(source + ": " + count + " prime sizes is not plausible (0.."
                    + CkksParameters.MAX_PRIMES + ")");
        }
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(b.getInt());
        }
        return list;
    }

    /** Bytes of a file's head that {@link #isSecretKeyFrame} reads. */
    public static final int TYPE_PROBE_BYTES = Frame.TYPE_PROBE_BYTES;

    /**
     * Whether {@code head} (the first bytes of a file, at least {@link #TYPE_PROBE_BYTES}) starts a framed
     * secret key, whatever the file is called: server-side loaders refuse such files by content.
     */
    public static boolean isSecretKeyFrame(byte[] head) {
        return frameType(head) == ObjectType.SECRET_KEY;
    }

    /**
     * The object type a frame starting {@code head} (at least {@link #TYPE_PROBE_BYTES} bytes) announces, or null
     * when {@code head} does not start a frame: key directories sort their files into roles by it.
     */
    public static ObjectType frameType(byte[] head) {
        return Frame.typeOf(head);
    }

    // ---- keys --------------------------------------------------------------------------------------------

    /** @return the framed secret key (store it owner-only: {@link org.hersj.fhe.io.AtomicFiles#write(java.nio.file.Path, byte[], boolean)}) */
    public byte[] writeSecretKey(SecretKey sk) {
        ByteBuffer b = payload(polyBytes(params.ring().size()));
        putPoly(b, sk.poly(), params.ring().size());
        return Frame.wrap(ObjectType.SECRET_KEY, params.fingerprint(), b.array());
    }

    /** @return the secret key in {@code bytes} */
    public SecretKey readSecretKey(byte[] bytes, String source) {
        ByteBuffer b = Frame.unwrap(bytes, ObjectType.SECRET_KEY, params.fingerprint(), source);
        RnsPoly s = getPoly(b, params.ring().size(), source);
        expectEnd(b, source);
        return new SecretKey(params, s);
    }

    /** @return the framed public key */
    public byte[] writePublicKey(PublicKey pk) {
        return Frame.wrap(ObjectType.PUBLIC_KEY, params.fingerprint(), publicKeyPayload(pk));
    }

    private byte[] publicKeyPayload(PublicKey pk) {
        int limbs = pk.b().limbCount();
        ByteBuffer b = payload(2 * polyBytes(limbs));
        putPoly(b, pk.b(), limbs);
        putPoly(b, pk.a(), limbs);
        return b.array();
    }

    /**
     * The key fingerprint of {@code pk}: the SHA-256 of its format-1 frame (the file bytes of release 0.1.0),
     * kept so, whatever frame the key files use now, galleries, probes and scores made under a key keep
     * matching it.
     */
    public String publicKeyFingerprint(PublicKey pk) {
        return org.hersj.fhe.io.Sha256.hex(FrameV1.wrap(ObjectType.PUBLIC_KEY, params.fingerprint(),
                publicKeyPayload(pk)));
    }

    /** @return the public key in {@code bytes} */
    public PublicKey readPublicKey(byte[] bytes, String source) {
        ByteBuffer b = Frame.unwrap(bytes, ObjectType.PUBLIC_KEY, params.fingerprint(), source);
        int limbs = params.maxLevel() + 1;
        if (params.pCount() > 0 && b.remaining() == 2 * polyBytes(params.ring().size())) {
            limbs = params.ring().size(); // over QP (keys made since 0.2.0); over Q before
        }
        RnsPoly pb = getPoly(b, limbs, source);
        RnsPoly pa = getPoly(b, limbs, source);
        expectEnd(b, source);
        return new PublicKey(params, pb, pa);
    }

    /** @return the framed relinearisation key */
    public byte[] writeRelinearizationKey(RelinearizationKey rlk) {
        SwitchingKey k = rlk.switchingKey();
        ByteBuffer b = payload(switchingKeyBytes(k));
        putSwitchingKey(b, k);
        return Frame.wrap(ObjectType.RELINEARIZATION_KEY, params.fingerprint(), b.array());
    }

    /** @return the relinearisation key in {@code bytes} */
    public RelinearizationKey readRelinearizationKey(byte[] bytes, String source) {
        ByteBuffer b = Frame.unwrap(bytes, ObjectType.RELINEARIZATION_KEY, params.fingerprint(), source);
        SwitchingKey k = getSwitchingKey(b, source);
        expectEnd(b, source);
        return new RelinearizationKey(k);
    }

    /** @return the framed Galois keys */
    public byte[] writeGaloisKeys(GaloisKeys keys) {
        long size = 4;
        for (SwitchingKey k : keys.byGaloisElement().values()) {
            size += 8 + switchingKeyBytes(k);
        }
        ByteBuffer b = payload(size);
        b.putInt(keys.byGaloisElement().size());
        for (Map.Entry<Long, SwitchingKey> e : keys.byGaloisElement().entrySet()) {
            b.putLong(e.getKey());
            putSwitchingKey(b, e.getValue());
        }
        return Frame.wrap(ObjectType.GALOIS_KEYS, params.fingerprint(), b.array());
    }

    /** @return the Galois keys in {@code bytes} */
    public GaloisKeys readGaloisKeys(byte[] bytes, String source) {
        ByteBuffer b = Frame.unwrap(bytes, ObjectType.GALOIS_KEYS, params.fingerprint(), source);
        int count = b.getInt();
        if (count < 0 || count > params.slots()) {
            throw new CkksFormatException(source + ": " + count + " Galois keys is not plausible");
        }
        Map<Long, SwitchingKey> keys = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            long g = b.getLong();
            if ((g & 1) == 0 || g <= 1 || g >= 2L * params.ringDegree()) {
                throw new CkksFormatException(source + ": Galois element " + g + " must be odd and in [3, 2N)");
            }
            keys.put(g, getSwitchingKey(b, source));
        }
        expectEnd(b, source);
        return new GaloisKeys(params, keys);
    }

    private long switchingKeyBytes(SwitchingKey k) {
        return 8 + 2L * k.digits() * polyBytes(params.ring().size());
    }

    private void putSwitchingKey(ByteBuffer b, SwitchingKey k) {
        b.putInt(k.decompositionBits());
        b.putInt(k.digits());
        for (int j = 0; j < k.digits(); j++) {
            putPoly(b, k.b(j), params.ring().size());
            putPoly(b, k.a(j), params.ring().size());
        }
    }

    private SwitchingKey getSwitchingKey(ByteBuffer b, String source) {
        int decompositionBits = b.getInt();
        int digits = b.getInt();
        if (decompositionBits < 0 || decompositionBits > 60 || digits < 1 || digits > 64 * (params.maxLevel() + 1)) {
            throw new CkksFormatException(source + ": " + decompositionBits + "-bit words and " + digits + " key-switching digits are not plausible");
        }
        RnsPoly[] kb = new RnsPoly[digits];
        RnsPoly[] ka = new RnsPoly[digits];
        for (int j = 0; j < digits; j++) {
            kb[j] = getPoly(b, params.ring().size(), source);
            ka[j] = getPoly(b, params.ring().size(), source);
        }
        try {
            return new SwitchingKey(params, decompositionBits, kb, ka);
        } catch (IllegalArgumentException e) {
            throw new CkksFormatException(source + ": " + e.getMessage());
        }
    }

    // ---- plaintexts and ciphertexts ---------------------------------------------------------------------

    /** @return the framed plaintext */
    public byte[] writePlaintext(Plaintext pt) {
        ByteBuffer b = payload(4 + 8 + polyBytes(pt.level() + 1));
        b.putInt(pt.level()).putDouble(pt.scale());
        putPoly(b, pt.poly(), pt.level() + 1);
        return Frame.wrap(ObjectType.PLAINTEXT, params.fingerprint(), b.array());
    }

    /** @return the plaintext in {@code bytes} */
    public Plaintext readPlaintext(byte[] bytes, String source) {
        ByteBuffer b = Frame.unwrap(bytes, ObjectType.PLAINTEXT, params.fingerprint(), source);
        int level = b.getInt();
        double scale = b.getDouble();
        checkShape(1, level, scale, source);
        Plaintext pt = new Plaintext(params, level, scale);
        readLimbs(b, pt.poly(), level + 1, source);
        expectEnd(b, source);
        return pt;
    }

    /** @return the framed ciphertext */
    public byte[] writeCiphertext(Ciphertext ct) {
        ByteBuffer b = payload(8 + ciphertextSize(params, ct.degree(), ct.level()));
        b.putInt(ct.degree()).putInt(ct.level());
        writeCiphertextPayload(b, ct);
        return Frame.wrap(ObjectType.CIPHERTEXT, params.fingerprint(), b.array());
    }

    /** @return the ciphertext in {@code bytes} */
    public Ciphertext readCiphertext(byte[] bytes, String source) {
        ByteBuffer b = Frame.unwrap(bytes, ObjectType.CIPHERTEXT, params.fingerprint(), source);
        int degree = b.getInt();
        int level = b.getInt();
        checkShape(degree, level, 1, source);
        Ciphertext ct = new Ciphertext(params, degree, level, 1);
        readCiphertextPayload(b, params, degree, level, ct);
        expectEnd(b, source);
        return ct;
    }

    /**
     * @return bytes of the raw payload of a ciphertext: scale (8) + (degree+1)(level+1) N residues (8 each)
     */
    public static int ciphertextSize(CkksParameters params, int degree, int level) {
        return 8 + (degree + 1) * (level + 1) * params.ringDegree() * 8;
    }

    /**
     * Writes the unframed payload (little-endian, {@link #ciphertextSize} bytes) at the buffer's position.
     *
     * @param out destination with enough remaining space; its position advances
     * @param ct the ciphertext
     */
    public static void writeCiphertextPayload(ByteBuffer out, Ciphertext ct) {
        ByteOrder order = out.order();
        out.order(ByteOrder.LITTLE_ENDIAN).putDouble(ct.scale());
        LongBuffer longs = out.slice().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
        for (int d = 0; d <= ct.degree(); d++) {
            for (int i = 0; i <= ct.level(); i++) {
                longs.put(ct.poly(d).limb(i));
            }
        }
        out.position(out.position() + longs.position() * 8).order(order);
    }

    /**
     * Reads an unframed payload written by {@link #writeCiphertextPayload} into {@code out}.
     *
     * @param in source positioned at the payload; its position advances
     * @param params parameters of the ciphertext
     * @param degree its degree
     * @param level its level
     * @param out buffer with capacity for that degree and level
     * @throws CkksFormatException if the payload is short, the scale is not a positive finite number or a
     *         residue is not below its prime
     */
    public static void readCiphertextPayload(ByteBuffer in, CkksParameters params, int degree, int level,
            Ciphertext out) {
        ByteOrder order = in.order();
        startPayload(in, params, degree, level, out, ciphertextSize(params, degree, level), "ciphertext payload");
        LongBuffer longs = in.slice().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
        for (int d = 0; d <= degree; d++) {
            readLimbs(longs, params, out.poly(d), level + 1, "ciphertext payload");
        }
        in.position(in.position() + longs.position() * 8).order(order);
    }

    // Checks the output's parameters and the payload's length, reads the scale (little-endian) and resets out.
    static void startPayload(ByteBuffer in, CkksParameters params, int degree, int level, Ciphertext out,
            int size, String what) {
        if (!out.params().equals(params)) {
            throw new IllegalArgumentException("output ciphertext belongs to other CKKS parameters than " + params);
        }
        if (in.remaining() < size) {
            throw new CkksFormatException(what + " truncated: " + in.remaining() + " bytes left, " + size
                    + " needed for degree " + degree + ", level " + level);
        }
        double scale = in.order(ByteOrder.LITTLE_ENDIAN).getDouble();
        if (!(scale >= 1) || Double.isInfinite(scale)) {
            throw new CkksFormatException(what + " has scale " + scale + "; expected a finite number >= 1");
        }
        out.reset(degree, level, scale);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private long polyBytes(int limbs) {
        return (long) limbs * params.ringDegree() * 8;
    }

    private static ByteBuffer payload(long size) {
        if (size > Integer.MAX_VALUE - 1024) {
            throw new IllegalArgumentException("object of " + size + " bytes is too large for one frame");
        }
        return ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void putPoly(ByteBuffer b, RnsPoly poly, int limbs) {
        LongBuffer longs = b.slice().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
        for (int i = 0; i < limbs; i++) {
            longs.put(poly.limb(i));
        }
        b.position(b.position() + longs.position() * 8);
    }

    private RnsPoly getPoly(ByteBuffer b, int limbs, String source) {
        RnsPoly poly = new RnsPoly(params.ringDegree(), limbs);
        readLimbs(b, poly, limbs, source);
        return poly;
    }

    private void readLimbs(ByteBuffer b, RnsPoly poly, int limbs, String source) {
        if (b.remaining() < polyBytes(limbs)) {
            throw new CkksFormatException(source + ": payload too short for a polynomial of " + limbs + " limbs");
        }
        LongBuffer longs = b.slice().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
        readLimbs(longs, params, poly, limbs, source);
        b.position(b.position() + longs.position() * 8);
    }

    private static void readLimbs(LongBuffer longs, CkksParameters params, RnsPoly poly, int limbs, String source) {
        for (int i = 0; i < limbs; i++) {
            long[] limb = poly.limb(i);
            longs.get(limb);
            long q = params.ring().modulus(i).value();
            for (long v : limb) {
                if (v < 0 || v >= q) {
                    throw new CkksFormatException(source + ": residue " + v + " in limb " + i + " is not below its prime "
                            + q + "; the data is corrupted or belongs to other parameters");
                }
            }
        }
    }

    private void checkShape(int degree, int level, double scale, String source) {
        if (degree < 1 || degree > 2 || level < 0 || level > params.maxLevel() || !(scale >= 1)
                || Double.isInfinite(scale)) {
            throw new CkksFormatException(source + ": degree " + degree + ", level " + level + ", scale " + scale
                    + " do not fit these parameters (degree 1..2, level 0.." + params.maxLevel() + ", scale >= 1)");
        }
    }

    private static void expectEnd(ByteBuffer b, String source) {
        if (b.hasRemaining()) {
            throw new CkksFormatException(source + ": " + b.remaining() + " unexpected bytes after the object");
        }
    }
}
