package org.hersj.fhe.search.backend.ckks;

import java.nio.ByteBuffer;
import org.hersj.fhe.ckks.Ciphertext;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ckks.PublicKey;
import org.hersj.fhe.ckks.io.CkksSerializer;
import org.hersj.fhe.ckks.io.CompactPayloads;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.PayloadEncoding;
import org.hersj.fhe.search.backend.SearchBackend;

/**
 * What every CKKS search backend shares: parameters, the key fingerprint (SHA-256 of the public key)
 * and ciphertext payloads in the engine's raw payload format ({@link CkksSerializer#writeCiphertextPayload}).
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
    this.params = params;
    this.keyFingerprint = fingerprintOf(publicKey);
  }

  CkksBackendBase(CkksBackendBase same) {
    this.params = same.params;
    this.keyFingerprint = same.keyFingerprint;
  }

  /** SHA-256 of the public key (its 0.1.0 frame): identifies the key pair from public material. */
  static String fingerprintOf(PublicKey pk) {
    return new CkksSerializer(pk.params()).publicKeyFingerprint(pk);
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

  /** CKKS slots are complex: two real values per slot. */
  @Override
  public boolean packsTwoValuesPerSlot() {
    return true;
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
    return CkksSerializer.ciphertextSize(params, degree, level);
  }

  /** Residues bit-packed in the bit length of their prime ({@link CkksSerializer#writePackedCiphertextPayload}). */
  @Override
  public boolean packsResidues() {
    return true;
  }

  @Override
  public int payloadBytes(int degree, int level, PayloadEncoding encoding) {
    return switch (encoding) {
      case PACKED -> CompactPayloads.packedCiphertextSize(params, degree, level);
      case SEEDED -> degree == 1 ? CompactPayloads.seededCiphertextSize(params, level) : -1;
      case WORDS -> payloadBytes(degree, level);
    };
  }

  @Override
  public void writePayload(ByteBuffer out, BackendCiphertext handle, PayloadEncoding encoding) {
    switch (encoding) {
      case PACKED -> CompactPayloads.writePackedCiphertextPayload(out, CkksCiphertext.of(handle).ct);
      case SEEDED -> CompactPayloads.writeSeededCiphertextPayload(out, CkksCiphertext.of(handle).ct);
      case WORDS -> writePayload(out, handle);
    }
  }

  @Override
  public void readPayload(ByteBuffer in, BackendCiphertext handle, PayloadEncoding encoding) {
    CkksCiphertext h = CkksCiphertext.of(handle);
    switch (encoding) {
      case PACKED -> CompactPayloads.readPackedCiphertextPayload(in, params, h.ct.capacityDegree(),
          h.ct.capacityLevel(), h.ct);
      case SEEDED -> CompactPayloads.readSeededCiphertextPayload(in, params, h.ct.capacityLevel(), h.ct);
      case WORDS -> CkksSerializer.readCiphertextPayload(in, params, h.ct.capacityDegree(), h.ct.capacityLevel(),
          h.ct);
    }
    h.empty = false;
  }

  @Override
  public BackendCiphertext newCiphertext(int degree, int level) {
    return new CkksCiphertext(new Ciphertext(params, degree, level, params.defaultScale()));
  }

  @Override
  public void writePayload(ByteBuffer out, BackendCiphertext handle) {
    CkksSerializer.writeCiphertextPayload(out, CkksCiphertext.of(handle).ct);
  }

  @Override
  public void readPayload(ByteBuffer in, BackendCiphertext handle) {
    CkksCiphertext h = CkksCiphertext.of(handle);
    CkksSerializer.readCiphertextPayload(in, params, h.ct.capacityDegree(), h.ct.capacityLevel(), h.ct);
    h.empty = false;
  }
}
