package org.unionhub.modelworkers.internal;

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
 * The model workers' figures for the hub's report upward (Xinjiang reports the special subsidy funds paid: "9.378 M
 * CNY"): subsidies paid and their amount, at the record's organisation, by payment time.
 */
@Component(service = ModuleFigures.class)
public class ModelWorkersFigures implements ModuleFigures {

    private static final List<Figure> FIGURES = List.of(new Figure("subsidies", "劳模专项补助", "笔"),
            new Figure("subsidyAmount", "补助金额", "元"));

    private final ModuleDatabase db;
    private final HubSettings settings;

    @Activate
    public ModelWorkersFigures(@Reference(target = "(unionhub.module=modelworkers)") ModuleDatabase db, @Reference HubSettings settings) {
        this.db = db;
        this.settings = settings;
    }

    @Override
    public String module() {
        return "modelworkers";
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
            FigureCounts.add(c, out, "subsidies", "SELECT R.ORG_ID, COUNT(*) FROM MODELWORKERS_SUBSIDY S JOIN MODELWORKERS_RECORD R "
                    + "ON R.ID = S.RECORD_ID WHERE S.PAID_AT >= ? AND S.PAID_AT < ? GROUP BY R.ORG_ID", a, b);
            FigureCounts.add(c, out, "subsidyAmount", "SELECT R.ORG_ID, SUM(S.AMOUNT) FROM MODELWORKERS_SUBSIDY S JOIN "
                    + "MODELWORKERS_RECORD R ON R.ID = S.RECORD_ID WHERE S.PAID_AT >= ? AND S.PAID_AT < ? GROUP BY R.ORG_ID", a, b);
            return out;
        });
    }
}
