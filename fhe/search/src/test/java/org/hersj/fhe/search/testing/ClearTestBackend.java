package org.hersj.fhe.search.testing;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.BlockEvaluator;
import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.backend.ServerBackend;

/**
 * Test double of a backend that does not encrypt: a "ciphertext" is its slot values in the clear
 * (plus zero polynomials so degrees and payload sizes behave like real ones). It lets the layout,
 * store and role logic be tested exactly, independently of any engine's noise. Never use outside tests.
 */
public final class ClearTestBackend implements ClientBackend, ServerBackend {

  private final int slots;
  private final String fingerprint;
  private final String keyFingerprint;
  private final AtomicLong encryptions;

  /** A clear backend with {@code slots} slots and the given parameter and key fingerprints. */
  public ClearTestBackend(int slots, String fingerprint, String keyFingerprint) {
    this(slots, fingerprint, keyFingerprint, new AtomicLong());
  }

  private ClearTestBackend(int slots, String fingerprint, String keyFingerprint, AtomicLong encryptions) {
    this.slots = slots;
    this.fingerprint = fingerprint;
    this.keyFingerprint = keyFingerprint;
    this.encryptions = encryptions;
  }

  @Override
  public String keyFingerprint() {
    return keyFingerprint;
  }

  /** Number of column or replicated encryptions made by this backend and its workers. */
  public long encryptions() {
    return encryptions.get();
  }

  /** A clear ciphertext. */
  static final class ClearCiphertext implements BackendCiphertext {
    final double[][] polys;
    final int level;

    ClearCiphertext(int degree, int level, int slots) {
      this.polys = new double[degree + 1][slots];
      this.level = level;
    }

    @Override
    public int degree() {
      return polys.length - 1;
    }

    @Override
    public int level() {
      return level;
    }
  }

  @Override
  public String engineName() {
    return "clear-test";
  }

  @Override
  public int slots() {
    return slots;
  }

  @Override
  public String parameterFingerprint() {
    return fingerprint;
  }

  @Override
  public String describeParameters() {
    return "clear test backend, " + slots + " slots";
  }

  @Override
  public int freshLevel() {
    return 1;
  }

  @Override
  public int payloadBytes(int degree, int level) {
    return (degree + 1) * slots * Double.BYTES;
  }

  @Override
  public BackendCiphertext newCiphertext(int degree, int level) {
    return new ClearCiphertext(degree, level, slots);
  }

  @Override
  public void writePayload(ByteBuffer out, BackendCiphertext ct) {
    for (double[] p : ((ClearCiphertext) ct).polys) {
      for (double v : p) {
        out.putDouble(v);
      }
    }
  }

  @Override
  public void readPayload(ByteBuffer in, BackendCiphertext out) {
    for (double[] p : ((ClearCiphertext) out).polys) {
      for (int i = 0; i < p.length; i++) {
        p[i] = in.getDouble();
      }
    }
  }

  @Override
  public void encryptReplicated(double value, BackendCiphertext out) {
    double[][] p = ((ClearCiphertext) out).polys;
    Arrays.fill(p[0], value);
    Arrays.fill(p[1], 0.0);
    encryptions.incrementAndGet();
  }

  @Override
  public void encryptColumn(double[] values, BackendCiphertext out) {
    double[][] p = ((ClearCiphertext) out).polys;
    Arrays.fill(p[0], 0.0);
    System.arraycopy(values, 0, p[0], 0, values.length);
    Arrays.fill(p[1], 0.0);
    encryptions.incrementAndGet();
  }

  @Override
  public void decrypt(BackendCiphertext ct, double[] out) {
    System.arraycopy(((ClearCiphertext) ct).polys[0], 0, out, 0, slots);
  }

  @Override
  public ClearTestBackend newWorker() {
    return new ClearTestBackend(slots, fingerprint, keyFingerprint, encryptions);
  }

  @Override
  public boolean hasRotationKeys(int... steps) {
    return true;
  }

  @Override
  public BlockEvaluator newEvaluator() {
    return new BlockEvaluator() {
      @Override
      public void clear(BackendCiphertext acc) {
        for (double[] p : ((ClearCiphertext) acc).polys) {
          Arrays.fill(p, 0.0);
        }
      }

      @Override
      public void multiplyAccumulate(BackendCiphertext a, BackendCiphertext b, BackendCiphertext acc2) {
        double[] x = ((ClearCiphertext) a).polys[0];
        double[] y = ((ClearCiphertext) b).polys[0];
        double[] z = ((ClearCiphertext) acc2).polys[0];
        for (int i = 0; i < z.length; i++) {
          z[i] += x[i] * y[i];
        }
      }

      @Override
      public void multiplyConstantAccumulate(BackendCiphertext ct, double value, BackendCiphertext acc1) {
        double[] x = ((ClearCiphertext) ct).polys[0];
        double[] z = ((ClearCiphertext) acc1).polys[0];
        for (int i = 0; i < z.length; i++) {
          z[i] += x[i] * value;
        }
      }

      @Override
      public void relinearizeAndRescale(BackendCiphertext acc2, BackendCiphertext out) {
        rescale(acc2, out);
      }

      @Override
      public void relinearize(BackendCiphertext acc2, BackendCiphertext out) {
        rescale(acc2, out);
      }

      @Override
      public void rescale(BackendCiphertext in, BackendCiphertext out) {
        ClearCiphertext o = (ClearCiphertext) out;
        System.arraycopy(((ClearCiphertext) in).polys[0], 0, o.polys[0], 0, slots);
        for (int k = 1; k < o.polys.length; k++) {
          Arrays.fill(o.polys[k], 0.0);
        }
      }

      @Override
      public void sumFirstSlots(BackendCiphertext ct, int count) {
        double[] x = ((ClearCiphertext) ct).polys[0];
        for (int step = 1; step < count; step <<= 1) { // rotate-and-sum, as an engine does it
          double[] rotated = new double[x.length];
          for (int i = 0; i < x.length; i++) {
            rotated[i] = x[(i + step) % x.length];
          }
          for (int i = 0; i < x.length; i++) {
            x[i] += rotated[i];
          }
        }
      }

      @Override
      public void maskNonScoreSlots(BackendCiphertext ct, int period) {
        double[] x = ((ClearCiphertext) ct).polys[0];
        java.util.SplittableRandom random = new java.util.SplittableRandom();
        for (int i = 0; i < x.length; i++) {
          if (i % period != 0) {
            x[i] += random.nextDouble(-1000, 1000);
          }
        }
      }

      @Override
      public void multiplyRelinearize(BackendCiphertext a, BackendCiphertext b, BackendCiphertext out) {
        double[] x = ((ClearCiphertext) a).polys[0];
        double[] y = ((ClearCiphertext) b).polys[0];
        double[] z = ((ClearCiphertext) out).polys[0];
        for (int i = 0; i < z.length; i++) {
          z[i] = x[i] * y[i];
        }
      }
    };
  }
}
