package org.unionhub.mutualaid.internal;

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
 * Mutual aid's figures for the hub's report upward, the ones Guizhou reports ("1,071,300 workers enrolled… 162,500
 * payouts… 211 M CNY"): enrolments, claims paid and the amount paid, each at the member's organisation.
 */
@Component(service = ModuleFigures.class)
public class MutualAidFigures extends SqlFigures {

    private static final List<Figure> FIGURES = List.of(new Figure("enrolments", "参保职工", "人次"),
            new Figure("payouts", "互助金赔付", "笔"), new Figure("paid", "赔付金额", "元"));

    @Activate
    public MutualAidFigures(@Reference(target = "(unionhub.module=mutualaid)") ModuleDatabase db, @Reference HubSettings settings) {
        super("mutualaid", FIGURES, db, settings);
    }

    @Override
    protected void count(Counts counts) throws SQLException {
        counts.add("enrolments", "SELECT ORG_ID, COUNT(*) FROM MUTUALAID_ENROLMENT WHERE CREATED_AT >= ? "
                + "AND CREATED_AT < ? GROUP BY ORG_ID", counts.start(), counts.end());
        // PAID_ON is a date: the period's dates themselves
        counts.add("payouts", "SELECT ORG_ID, COUNT(*) FROM MUTUALAID_CLAIM WHERE PAID_ON >= ? "
                + "AND PAID_ON < ? GROUP BY ORG_ID", counts.from(), counts.to());
        counts.add("paid", "SELECT ORG_ID, SUM(PAYOUT) FROM MUTUALAID_CLAIM WHERE PAID_ON >= ? "
                + "AND PAID_ON < ? GROUP BY ORG_ID", counts.from(), counts.to());
    }
}
