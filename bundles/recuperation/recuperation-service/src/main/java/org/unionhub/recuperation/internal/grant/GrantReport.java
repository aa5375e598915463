package org.unionhub.recuperation.internal.grant;

import java.math.BigDecimal;

/** After the trip the enterprise union reports who went, the person-days and what the trip cost. */
public record GrantReport(Integer persons, Integer personDays, BigDecimal spent) {
}
