package org.unionhub.fairs.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.HubSettings;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.figures.Figure;
import org.unionhub.api.figures.FigureCounts;
import org.unionhub.api.figures.ModuleFigures;

/**
 * The union fairs' figures for the hub's report upward, the ones the reports plan by ("举办20场…服务100万人次…拉动消费
 * 5000万元"): fairs held, visits and spending, each counted at the fair's organising union.
 */
@Component(service = ModuleFigures.class)
public class FairsFigures implements ModuleFigures {

    private static final List<Figure> FIGURES = List.of(new Figure("fairs", "举办集市", "场"),
            new Figure("visits", "服务人次", "人次"), new Figure("spending", "拉动消费", "元"));

    private final ModuleDatabase db;
    private final HubSettings settings;

    @Activate
    public FairsFigures(@Reference(target = "(unionhub.module=fairs)") ModuleDatabase db, @Reference HubSettings settings) {
        this.db = db;
        this.settings = settings;
    }

    @Override
    public String module() {
        return "fairs";
    }

    @Override
    public List<Figure> figures() {
        return FIGURES;
    }

    @Override
    public Map<Long, Map<String, BigDecimal>> countedAt(LocalDate from, LocalDate to) {
        Instant a = from.atStartOfDay(settings.zone()).toInstant();
        Instant b = to.atStartOfDay(settings.zone()).toInstant();
        return db.read(c -> {
            Map<Long, Map<String, BigDecimal>> out = new HashMap<>();
            FigureCounts.add(c, out, "fairs", "SELECT ORG_ID, COUNT(*) FROM FAIRS_FAIR WHERE ORG_ID IS NOT NULL AND STARTS_AT >= ? "
                    + "AND STARTS_AT < ? GROUP BY ORG_ID", a, b);
            FigureCounts.add(c, out, "visits", "SELECT F.ORG_ID, SUM(V.VISITORS) FROM FAIRS_VISIT V JOIN FAIRS_FAIR F ON F.ID = V.FAIR_ID "
                    + "WHERE F.ORG_ID IS NOT NULL AND V.SLOT_START >= ? AND V.SLOT_START < ? GROUP BY F.ORG_ID", a, b);
            FigureCounts.add(c, out, "spending", "SELECT F.ORG_ID, SUM(S.AMOUNT) FROM FAIRS_SALE S JOIN FAIRS_FAIR F ON F.ID = S.FAIR_ID "
                    + "WHERE F.ORG_ID IS NOT NULL AND S.SOLD_AT >= ? AND S.SOLD_AT < ? GROUP BY F.ORG_ID", a, b);
            return out;
        });
    }
}
