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
     * @param value {@code hers}, {@code boddeti} or {@code packed} (case-insensitive)
     * @return the gallery layout
     * @throws IllegalArgumentException listing the accepted values
     */
    static LayoutKind layout(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "hers" -> LayoutKind.HERS_SIMD;
            case "boddeti", "boddeti2018" -> LayoutKind.BODDETI_2018;
            case "packed" -> LayoutKind.PACKED_ITEMS;
            default -> throw new IllegalArgumentException("--layout must be 'hers', 'boddeti' or 'packed' (the"
                    + " full-dimension gallery of two-stage search), got '" + value + "'");
        };
    }
}
