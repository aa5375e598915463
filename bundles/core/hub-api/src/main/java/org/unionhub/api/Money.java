package org.unionhub.api;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money is CNY in {@code BigDecimal} with two decimals, stored as DECIMAL(14,2); never a double. */
public final class Money {

    public static final BigDecimal ZERO = new BigDecimal("0.00");

    private Money() {
    }

    public static BigDecimal of(String amount) {
        return normalize(new BigDecimal(amount));
    }

    public static BigDecimal of(long yuan) {
        return normalize(BigDecimal.valueOf(yuan));
    }

    /** The most digits before the point that a DECIMAL(14,2) column holds. */
    static final int MAX_INTEGER_DIGITS = 12;

    /**
     * Rounds to fen, half up, as Chinese financial practice does. An amount far beyond any column (e.g.
     * {@code 1e2000000}, which rounding would expand into millions of digits) is refused with an
     * {@link ArithmeticException} instead; requests never get here with one, the JSON reader refuses it first.
     */
    public static BigDecimal normalize(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        if (amount.signum() != 0 && amount.precision() - amount.scale() > 2 * MAX_INTEGER_DIGITS
                || amount.scale() > 1000 || amount.scale() < -1000) {
            throw new ArithmeticException("amount out of range");
        }
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    public static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
