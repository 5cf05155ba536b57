package org.hersj.experiments.config;

import java.util.List;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.ckks.NoiseFlooding;
import org.hersj.fhe.search.engine.SearchEngine;
import org.hersj.fhe.search.engine.SearchEngines;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.server.ScoreForm;

/**
 * {@code fhe}: the CKKS parameters and engine of the {@code encrypted} and {@code plaintext-probe}
 * search modes.
 *
 * @param preset    a CKKS preset name ({@code LITE_N2048}, {@code LITE_N4096}, {@code SEARCH_N4096},
 *                  {@code SEARCH_N8192}, {@code DEEP_N16384}); default: the lightest preset meeting
 *                  {@code precision} ({@link CkksPresets#choose}), {@link CkksPresets#DEFAULT_PRECISION}
 *                  when no precision is given
 * @param backend   an engine on the class path ({@link SearchEngines}): {@code java} (HERS-J's engine, default)
 *                  or {@code openfhe} (needs the optional module; refused with what to do when it is absent)
 * @param threads   worker threads of enrollment, scoring and decryption; default all cores
 * @param layout    {@code hers-complex} (two items per complex slot, half the blocks; default with the
 *                  {@code java} engine) or {@code hers} (one item per slot as in the paper; default and only
 *                  choice with {@code openfhe})
 * @param precision largest acceptable absolute score error, in (0, 1), e.g. {@code 1e-4}: chooses the
 *                  lightest preset whose error (key-owner gallery, noise flooding included) meets it; with a
 *                  preset given too, the preset must meet it
 * @param scoreForm {@code degree-two} (the server returns the unrelinearised block product; default) or
 *                  {@code relinearized} (needs a preset with a special prime and two q primes)
 * @param noiseFlooding whether the key owner floods the noise of its decryptions (default {@code true}, 2^12 x
 *                  the score noise); {@code false} gives exact decryptions, for experiments whose scores never
 *                  leave the key owner (recorded in the run's resolved config); it lets the one-prime LITE
 *                  presets meet {@code 1e-4}
 */
public record FheConfig(String preset, String backend, Integer threads, String layout, Double precision,
                        String scoreForm, Boolean noiseFlooding) {

    /** The gallery layouts a config may name. */
    public static final List<String> LAYOUTS = List.of("hers-complex", "hers");

    /** Checks values and fills in defaults (the preset of a precision is chosen by {@link #resolved}). */
    public FheConfig {
        noiseFlooding = noiseFlooding == null || noiseFlooding;
        backend = backend == null ? "java" : backend;
        SearchEngine engine;
        try {
            engine = SearchEngines.byName(backend);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ConfigValueException("backend", e.getMessage());
        }
        backend = engine.name();
        if (threads != null) {
            Checks.atLeast("threads", threads, 1);
        }
        LayoutKind engineLayout = engine.hersLayout();
        layout = layout == null ? engineLayout.cliName() : layout.trim().toLowerCase(java.util.Locale.ROOT);
        if (!LAYOUTS.contains(layout)) {
            throw new ConfigValueException("layout", "'" + layout + "' is not supported; expected one of " + LAYOUTS);
        }
        if (LayoutKind.byName(layout).valuesPerSlot() > engineLayout.valuesPerSlot()) {
            throw new ConfigValueException("layout", "the " + backend
                    + " engine packs one item per slot; use layout: hers");
        }
        if (precision != null && !(precision > 0 && precision < 1)) {
            throw new ConfigValueException("precision", precision + " must be in (0, 1), e.g. 1e-4");
        }
        if (scoreForm != null) {
            try {
                scoreForm = ScoreForm.byName(scoreForm).cliName();
            } catch (IllegalArgumentException e) {
                throw new ConfigValueException("scoreForm", e.getMessage());
            }
        }
        if (preset != null) {
            checkPreset(preset, scoreForm);
        }
    }

    private static void checkPreset(String preset, String scoreForm) {
        CkksParameters params;
        try {
            params = CkksPresets.byName(preset);
        } catch (IllegalArgumentException e) {
            throw new ConfigValueException("preset", e.getMessage());
        }
        if ("relinearized".equals(scoreForm) && !(params.supportsKeySwitching() && params.maxLevel() >= 1)) {
            throw new ConfigValueException("scoreForm", "relinearized needs a preset with a special prime and two"
                    + " q primes; " + preset + " makes degree-two scores only");
        }
    }

    /** @return the defaults */
    public static FheConfig defaults() {
        return new FheConfig(null, null, null, null, null, null, null);
    }

    /**
     * @param needsKeySwitching whether a search mode of the experiment needs relinearisation or rotation keys
     *                          (plaintext-probe, two-stage)
     * @return this config with the preset chosen from the precision when none was named
     * @throws ConfigValueException if no preset meets the precision, or the named one lacks key switching
     */
    public FheConfig resolved(boolean needsKeySwitching) {
        String chosen;
        try {
            chosen = CkksPresets.choose(preset, precision, false,
                    needsKeySwitching || !SearchEngines.byName(backend).runsOnePrimeParameters(),
                    noiseFlooding ? NoiseFlooding.DEFAULT_BITS : -1);
        } catch (IllegalArgumentException e) {
            throw new ConfigValueException(preset != null ? "preset" : "precision", e.getMessage());
        }
        checkPreset(chosen, scoreForm);
        return new FheConfig(chosen, backend, threads, layout, precision, scoreForm, noiseFlooding);
    }

    /** @return the score form, or null for the server's default ({@code ScoreForm.defaultFor}) */
    public ScoreForm scoreFormOrNull() {
        return scoreForm == null ? null : ScoreForm.byName(scoreForm);
    }

    /** @return the gallery layout */
    public LayoutKind layoutKind() {
        return LayoutKind.byName(layout);
    }

    /** @return the thread count, all cores when not given */
    public int threadCount() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }
}
