package org.hersj.fhe.search.backend.ckks;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.hersj.fhe.ckks.Ciphertext;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ckks.PublicKey;
import org.hersj.fhe.ring.RnsPoly;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.SearchBackend;

/**
 * What every CKKS search backend shares: parameters, the key fingerprint (SHA-256 of the public key)
 * and the raw payload format: the scale as a little-endian double, then the residues of every
 * polynomial (c_0 .. c_degree), limb by limb (q_0 .. q_level), N little-endian longs each, NTT form.
 */
abstract class CkksBackendBase implements SearchBackend {

  /** Engine name written to file headers. */
  static final String ENGINE = "hersj-ckks";

  final CkksParameters params;
  private final String keyFingerprint;

  CkksBackendBase(CkksParameters params, PublicKey publicKey) {
    if (!publicKey.params().equals(params)) {
      throw new IllegalArgumentException("public key belongs to other parameters than " + params);
    }
    if (params.maxLevel() < 1) {
      throw new IllegalArgumentException("encrypted search needs one rescale: parameters with at least two "
          + "q primes, got " + params);
    }
    this.params = params;
    this.keyFingerprint = fingerprintOf(publicKey);
  }

  CkksBackendBase(CkksBackendBase same) {
    this.params = same.params;
    this.keyFingerprint = same.keyFingerprint;
  }

  /** SHA-256 over the public key's residues: identifies the key pair from public material. */
  static String fingerprintOf(PublicKey pk) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      ByteBuffer buf = ByteBuffer.allocate(8 * pk.a().degree()).order(ByteOrder.LITTLE_ENDIAN);
      for (RnsPoly p : new RnsPoly[] {pk.b(), pk.a()}) {
        for (int i = 0; i < p.limbCount(); i++) {
          buf.clear();
          buf.asLongBuffer().put(p.limb(i));
          md.update(buf.array());
        }
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** The engine parameters. */
  public CkksParameters parameters() {
    return params;
  }

  @Override
  public String engineName() {
    return ENGINE;
  }

  @Override
  public int slots() {
    return params.slots();
  }

  @Override
  public String parameterFingerprint() {
    return params.fingerprint();
  }

  @Override
  public String keyFingerprint() {
    return keyFingerprint;
  }

  @Override
  public String describeParameters() {
    return params.toString();
  }

  @Override
  public int freshLevel() {
    return params.maxLevel();
  }

  @Override
  public int payloadBytes(int degree, int level) {
    return Double.BYTES + (degree + 1) * (level + 1) * params.ringDegree() * Long.BYTES;
  }

  @Override
  public BackendCiphertext newCiphertext(int degree, int level) {
    return new CkksCiphertext(new Ciphertext(params, degree, level, params.defaultScale()));
  }

  @Override
  public void writePayload(ByteBuffer out, BackendCiphertext handle) {
    Ciphertext ct = CkksCiphertext.of(handle).ct;
    ByteBuffer le = out.order() == ByteOrder.LITTLE_ENDIAN ? out : out.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    le.putDouble(ct.scale());
    for (int d = 0; d <= ct.degree(); d++) {
      for (int i = 0; i <= ct.level(); i++) {
        long[] limb = ct.poly(d).limb(i);
        le.asLongBuffer().put(limb);
        le.position(le.position() + limb.length * Long.BYTES);
      }
    }
    if (le != out) {
      out.position(le.position());
    }
  }

  @Override
  public void readPayload(ByteBuffer in, BackendCiphertext handle) {
    CkksCiphertext h = CkksCiphertext.of(handle);
    Ciphertext ct = h.ct;
    ByteBuffer le = in.order() == ByteOrder.LITTLE_ENDIAN ? in : in.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    double scale = le.getDouble();
    if (!(scale >= 1) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("ciphertext payload has an invalid scale " + scale);
    }
    ct.reset(ct.capacityDegree(), ct.capacityLevel(), scale);
    for (int d = 0; d <= ct.degree(); d++) {
      for (int i = 0; i <= ct.level(); i++) {
        long[] limb = ct.poly(d).limb(i);
        le.asLongBuffer().get(limb);
        le.position(le.position() + limb.length * Long.BYTES);
      }
    }
    if (le != in) {
      in.position(le.position());
    }
    h.empty = false;
  }
}
