package org.hersj.experiments.config;

import java.util.regex.Pattern;

/**
 * Range checks shared by the config records; each failure names the key.
 */
final class Checks {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private Checks() {
    }

    static <T> T required(String key, T value, String expected) {
        if (value == null) {
            throw new ConfigValueException(key, "missing; expected " + expected);
        }
        return value;
    }

    static int atLeast(String key, Integer value, int min) {
        if (value == null) {
            throw new ConfigValueException(key, "missing; expected an integer >= " + min);
        }
        if (value < min) {
            throw new ConfigValueException(key, "is " + value + "; expected an integer >= " + min);
        }
        return value;
    }

    static Double positiveOrNull(String key, Double value, boolean allowZero) {
        if (value != null && (Double.isNaN(value) || Double.isInfinite(value) || value < 0 || (!allowZero && value == 0))) {
            throw new ConfigValueException(key, "is " + value + "; expected a finite number "
                    + (allowZero ? ">= 0" : "> 0"));
        }
        return value;
    }

    static String name(String key, String value) {
        required(key, value, "a name of letters, digits, '.', '_' or '-'");
        if (!NAME.matcher(value).matches()) {
            throw new ConfigValueException(key, "'" + value
                    + "' is not a valid name; expected letters, digits, '.', '_' or '-' (used as a directory name)");
        }
        return value;
    }
}
