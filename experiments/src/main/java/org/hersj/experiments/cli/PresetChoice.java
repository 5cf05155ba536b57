package org.hersj.experiments.cli;

import java.util.Locale;
import org.hersj.fhe.ckks.CkksPresets;

/** Chooses the CKKS preset of a command from {@code --preset} and {@code --precision} ({@link CkksPresets#choose}). */
final class PresetChoice {

    private PresetChoice() {
    }

    /**
     * @param preset            the named preset, or null
     * @param precision         the largest acceptable score error, or null ({@link CkksPresets#DEFAULT_PRECISION})
     * @param enrolledBy        {@code owner} or {@code public-key}: whose gallery errors {@code precision} is
     *                          compared with
     * @param needsKeySwitching whether rotation or relinearisation keys, or a prime to rescale by (an engine that
     *                          does not run one-prime parameters), are needed
     * @param floodingBits      the noise flooding of the key owner's decryptions ({@code hers rank} floods
     *                          {@link org.hersj.fhe.ckks.NoiseFlooding#DEFAULT_BITS}), negative for none
     * @return the preset name: the named one (checked against the precision), or the lightest meeting it
     * @throws IllegalArgumentException if the precision cannot be met or the named preset does not meet it
     */
    static String choose(String preset, Double precision, String enrolledBy, boolean needsKeySwitching,
            int floodingBits) {
        boolean publicKey = switch (enrolledBy == null ? "public-key" : enrolledBy.trim().toLowerCase(Locale.ROOT)) {
            case "public-key" -> true;
            case "owner" -> false;
            default -> throw new IllegalArgumentException("--enrolled-by must be owner or public-key, got '" + enrolledBy + "'");
        };
        try {
            return CkksPresets.choose(preset, precision, publicKey, needsKeySwitching, floodingBits);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((preset != null ? "--preset: " : "--precision: ") + e.getMessage(), e);
        }
    }
}
