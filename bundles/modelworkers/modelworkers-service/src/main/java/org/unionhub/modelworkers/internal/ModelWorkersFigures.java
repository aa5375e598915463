package org.unionhub.modelworkers.internal;

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
 * The model workers' figures for the hub's report upward (Xinjiang reports the special subsidy funds paid: "9.378 M
 * CNY"): subsidies paid and their amount, at the record's organisation, by payment time.
 */
@Component(service = ModuleFigures.class)
public class ModelWorkersFigures extends SqlFigures {

    private static final List<Figure> FIGURES = List.of(new Figure("subsidies", "劳模专项补助", "笔"),
            new Figure("subsidyAmount", "补助金额", "元"));

    @Activate
    public ModelWorkersFigures(@Reference(target = "(unionhub.module=modelworkers)") ModuleDatabase db, @Reference HubSettings settings) {
        super("modelworkers", FIGURES, db, settings);
    }

    @Override
    protected void count(Counts counts) throws SQLException {
        counts.add("subsidies", "SELECT R.ORG_ID, COUNT(*) FROM MODELWORKERS_SUBSIDY S JOIN MODELWORKERS_RECORD R "
                + "ON R.ID = S.RECORD_ID WHERE S.PAID_AT >= ? AND S.PAID_AT < ? GROUP BY R.ORG_ID", counts.start(), counts.end());
        counts.add("subsidyAmount", "SELECT R.ORG_ID, SUM(S.AMOUNT) FROM MODELWORKERS_SUBSIDY S JOIN "
                + "MODELWORKERS_RECORD R ON R.ID = S.RECORD_ID WHERE S.PAID_AT >= ? AND S.PAID_AT < ? GROUP BY R.ORG_ID", counts.start(), counts.end());
    }
}
