package org.hersj.experiments.cli;

import java.util.Locale;
import org.hersj.fhe.search.layout.LayoutKind;

/**
 * Parses the option values the search role commands share.
 */
final class RoleOptions {

    private RoleOptions() {
    }

    /**
     * @param value {@code hers} or {@code boddeti} (case-insensitive)
     * @return the gallery layout
     * @throws IllegalArgumentException listing the accepted values
     */
    static LayoutKind layout(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "hers" -> LayoutKind.HERS_SIMD;
            case "boddeti", "boddeti2018" -> LayoutKind.BODDETI_2018;
            default -> throw new IllegalArgumentException("--layout must be 'hers' or 'boddeti', got '" + value + "'");
        };
    }
}
