package org.hersj.fhe.ckks;

/** Validation of evaluator operands, with messages that say what to do. */
final class OperandChecks {
    /** Relative tolerance under which two scales count as equal. */
    static final double SCALE_TOLERANCE = 1e-9;

    private OperandChecks() {
    }

    static void sameParameters(CkksParameters params, CkksParameters other, String what) {
        if (other != params && !other.equals(params)) {
            throw new IllegalArgumentException(what + " belongs to other CKKS parameters (" + other
                    + ") than this evaluator (" + params + ")");
        }
    }

    static void requireDegree(Ciphertext ct, int degree, String op) {
        if (ct.degree() != degree) {
            throw new IllegalArgumentException(op + " needs a ciphertext of degree " + degree + ", got degree "
                    + ct.degree() + (ct.degree() == 2 ? " (relinearize it first)" : ""));
        }
    }

    static boolean scalesAgree(double a, double b) {
        return Math.abs(a - b) <= SCALE_TOLERANCE * Math.max(a, b);
    }

    static void sameScale(double a, double b, String op) {
        if (!scalesAgree(a, b)) {
            throw new IllegalArgumentException(op + ": scales differ (2^" + log2(a) + " vs 2^" + log2(b)
                    + "); use Evaluator.matchLevelAndScale or rescale both to the same level");
        }
    }

    static String log2(double x) {
        return String.format("%.6f", Math.log(x) / Math.log(2));
    }

    /**
     * Checks acc2 += a * b: a of degree 1, acc2 of degree 2 at a level the operands reach, with scale a * b.
     *
     * @return the level to accumulate at (acc2's)
     */
    static int accumulation(Ciphertext a, int bLevel, double bScale, Ciphertext acc2) {
        requireDegree(a, 1, "multiplyAccumulate");
        requireDegree(acc2, 2, "multiplyAccumulate accumulator");
        int level = acc2.level();
        if (level > Math.min(a.level(), bLevel)) {
            throw new IllegalArgumentException("accumulator level " + level + " is above the operands' levels "
                    + a.level() + ", " + bLevel);
        }
        sameScale(acc2.scale(), a.scale() * bScale, "multiplyAccumulate (accumulator vs a*b)");
        return level;
    }
}
