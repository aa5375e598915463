package org.unionhub.mutualaid.internal;

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
 * Mutual aid's figures for the hub's report upward, the ones Guizhou reports ("1,071,300 workers enrolled… 162,500
 * payouts… 211 M CNY"): enrolments, claims paid and the amount paid, each at the member's organisation.
 */
@Component(service = ModuleFigures.class)
public class MutualAidFigures implements ModuleFigures {

    private static final List<Figure> FIGURES = List.of(new Figure("enrolments", "参保职工", "人次"),
            new Figure("payouts", "互助金赔付", "笔"), new Figure("paid", "赔付金额", "元"));

    private final ModuleDatabase db;
    private final HubSettings settings;

    @Activate
    public MutualAidFigures(@Reference(target = "(unionhub.module=mutualaid)") ModuleDatabase db, @Reference HubSettings settings) {
        this.db = db;
        this.settings = settings;
    }

    @Override
    public String module() {
        return "mutualaid";
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
            FigureCounts.add(c, out, "enrolments", "SELECT ORG_ID, COUNT(*) FROM MUTUALAID_ENROLMENT WHERE CREATED_AT >= ? "
                    + "AND CREATED_AT < ? GROUP BY ORG_ID", a, b);
            // PAID_ON is a date: the period's dates themselves
            FigureCounts.add(c, out, "payouts", "SELECT ORG_ID, COUNT(*) FROM MUTUALAID_CLAIM WHERE PAID_ON >= ? "
                    + "AND PAID_ON < ? GROUP BY ORG_ID", from, to);
            FigureCounts.add(c, out, "paid", "SELECT ORG_ID, SUM(PAYOUT) FROM MUTUALAID_CLAIM WHERE PAID_ON >= ? "
                    + "AND PAID_ON < ? GROUP BY ORG_ID", from, to);
            return out;
        });
    }
}
