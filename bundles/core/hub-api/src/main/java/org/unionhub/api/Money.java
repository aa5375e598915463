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

    /** Rounds to fen, half up, as Chinese financial practice does. */
    public static BigDecimal normalize(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }

    public static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
