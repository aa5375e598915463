package org.unionhub.fairs.internal;

import java.sql.SQLException;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.HubSettings;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.figures.Figure;
import org.unionhub.api.figures.ModuleFigures;
import org.unionhub.api.figures.SqlFigures;

/**
 * The union fairs' figures for the hub's report upward, the ones the reports plan by ("举办20场…服务100万人次…拉动消费
 * 5000万元"): fairs held, visits and spending, each counted at the fair's organising union.
 */
@Component(service = ModuleFigures.class)
public class FairsFigures extends SqlFigures {

    private static final List<Figure> FIGURES = List.of(new Figure("fairs", "举办集市", "场"),
            new Figure("visits", "服务人次", "人次"), new Figure("spending", "拉动消费", "元"));

    @Activate
    public FairsFigures(@Reference(target = "(unionhub.module=fairs)") ModuleDatabase db, @Reference HubSettings settings) {
        super("fairs", FIGURES, db, settings);
    }

    @Override
    protected void count(Counts counts) throws SQLException {
        counts.add("fairs", "SELECT ORG_ID, COUNT(*) FROM FAIRS_FAIR WHERE ORG_ID IS NOT NULL AND STARTS_AT >= ? "
                + "AND STARTS_AT < ? GROUP BY ORG_ID", counts.start(), counts.end());
        counts.add("visits", "SELECT F.ORG_ID, SUM(V.VISITORS) FROM FAIRS_VISIT V JOIN FAIRS_FAIR F ON F.ID = V.FAIR_ID "
                + "WHERE F.ORG_ID IS NOT NULL AND V.SLOT_START >= ? AND V.SLOT_START < ? GROUP BY F.ORG_ID", counts.start(), counts.end());
        counts.add("spending", "SELECT F.ORG_ID, SUM(S.AMOUNT) FROM FAIRS_SALE S JOIN FAIRS_FAIR F ON F.ID = S.FAIR_ID "
                + "WHERE F.ORG_ID IS NOT NULL AND S.SOLD_AT >= ? AND S.SOLD_AT < ? GROUP BY F.ORG_ID", counts.start(), counts.end());
    }
}
