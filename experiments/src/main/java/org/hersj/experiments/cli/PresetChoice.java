package org.hersj.experiments.cli;

import java.util.Locale;
import org.hersj.fhe.ckks.CkksPresets;

/** Chooses the CKKS preset of a command from {@code --preset} and {@code --precision}. */
final class PresetChoice {

    /** The preset used when neither {@code --preset} nor {@code --precision} is given. */
    static final String DEFAULT_PRESET = "SEARCH_N8192";

    private PresetChoice() {
    }

    /**
     * @param preset            the named preset, or null
     * @param precision         the largest acceptable score error, or null
     * @param enrolledBy        {@code owner} or {@code public-key}: whose gallery errors {@code precision} is
     *                          compared with
     * @param needsKeySwitching whether rotation or relinearisation keys are needed
     * @return the preset name: the named one (checked against the precision), or the lightest meeting it
     * @throws IllegalArgumentException if the precision cannot be met or the named preset does not meet it
     */
    static String choose(String preset, Double precision, String enrolledBy, boolean needsKeySwitching) {
        boolean publicKey = switch (enrolledBy == null ? "public-key" : enrolledBy.trim().toLowerCase(Locale.ROOT)) {
            case "public-key" -> true;
            case "owner" -> false;
            default -> throw new IllegalArgumentException("--enrolled-by must be owner or public-key, got '" + enrolledBy + "'");
        };
        if (precision == null) {
            String name = preset == null ? DEFAULT_PRESET : preset;
            requireKeySwitching(name, needsKeySwitching);
            return name;
        }
        String lightest = CkksPresets.lightestFor(precision, publicKey, needsKeySwitching);
        if (preset == null) {
            return lightest;
        }
        CkksPresets.ScorePrecision named = CkksPresets.scorePrecisions().stream()
                .filter(p -> p.preset().equalsIgnoreCase(preset.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--preset " + preset + " has no measured score precision;"
                        + " drop --precision or name a search preset"));
        if (named.error(publicKey) > precision) {
            throw new IllegalArgumentException("--preset " + preset + " gives score errors up to "
                    + named.error(publicKey) + ", more than --precision " + precision + "; drop --preset to get "
                    + lightest);
        }
        requireKeySwitching(named.preset(), needsKeySwitching);
        return named.preset();
    }

    private static void requireKeySwitching(String name, boolean needed) {
        if (needed && !CkksPresets.byName(name).supportsKeySwitching()) {
            throw new IllegalArgumentException("preset " + name + " has no special prime, so no rotation keys; use"
                    + " SEARCH_N4096 or SEARCH_N8192 with --boddeti-dims, --two-stage-dims or --rotations");
        }
    }
}
