package org.unionhub.core.internal.figures;

import java.math.BigDecimal;

/**
 * One figure of one module at one organisation: {@code level} 0 is the report's top organisation, 1 those right
 * below it, and so on; {@code own} is what was counted at the organisation itself, {@code total} with everything
 * below it; {@code target} is the region's plan for the period (null when none is set) and {@code achieved}
 * total ÷ target, to four places.
 */
public record FigureRow(long orgId, String orgName, String orgKind, Long parentId, int level, String module,
        String figure, String label, String unit, BigDecimal own, BigDecimal total, BigDecimal target,
        BigDecimal achieved) {
}
