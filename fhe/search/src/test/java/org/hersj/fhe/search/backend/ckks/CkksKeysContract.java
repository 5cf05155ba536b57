package org.hersj.fhe.search.backend.ckks;

import java.util.function.Supplier;
import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.SearchRejectionContract;
import org.hersj.fhe.search.testing.Backends;

/**
 * The search contract on the java CKKS engine: a subclass names its {@link KeySets} (made once per JVM from a
 * deterministic test stream; insecure by design, tests only), and the main, other-key and other-parameter
 * backends come from them, the key owner's without noise flooding so score errors can be bounded.
 */
abstract class CkksKeysContract extends SearchRejectionContract {

  /**
   * The three key sets the contract needs.
   *
   * @param main the keys under test
   * @param other other keys of the same parameters
   * @param otherParameters keys of other parameters
   */
  record KeySets(CkksSearchKeys main, CkksSearchKeys other, CkksSearchKeys otherParameters) {

    /** Keys of {@code preset} from seeds {@code seed} (with {@code rotationSteps}) and seed + 1, of {@code otherPreset} from seed + 2. */
    static KeySets generate(String preset, String otherPreset, long seed, int... rotationSteps) {
      return new KeySets(
          CkksSearchKeys.generate(CkksPresets.byName(preset), RandomSource.seededForTestsOnly(seed), rotationSteps),
          CkksSearchKeys.generate(CkksPresets.byName(preset), RandomSource.seededForTestsOnly(seed + 1)),
          CkksSearchKeys.generate(CkksPresets.byName(otherPreset), RandomSource.seededForTestsOnly(seed + 2)));
    }
  }

  private final Supplier<KeySets> keys;

  /** @param keys the key sets, typically a lazily initialised static holder's */
  CkksKeysContract(Supplier<KeySets> keys) {
    this.keys = keys;
  }

  private static Backends of(CkksSearchKeys k) {
    return new Backends(k.client().withoutNoiseFlooding(), k.server());
  }

  @Override
  protected final Backends backends() {
    return of(keys.get().main());
  }

  @Override
  protected final Backends otherKeys() {
    return of(keys.get().other());
  }

  @Override
  protected final Backends otherParameters() {
    return of(keys.get().otherParameters());
  }
}
