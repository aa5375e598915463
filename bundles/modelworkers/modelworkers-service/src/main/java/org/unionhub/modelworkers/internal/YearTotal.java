package org.unionhub.modelworkers.internal;

import java.math.BigDecimal;

/** What the fund paid in one year. */
public record YearTotal(int year, BigDecimal annualSpecial, BigDecimal hardshipRelief, BigDecimal total, long payments,
        long recipients) {
}
