package org.unionhub.recuperation.internal;

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
 * Recuperation's figures for the hub's report upward (Zhejiang reports trips and the subsidy spent): workers booked on
 * trips that were not cancelled and the subsidy granted for them, each at the organising union, by booking time.
 */
@Component(service = ModuleFigures.class)
public class RecuperationFigures extends SqlFigures {

    private static final List<Figure> FIGURES = List.of(new Figure("trips", "疗休养职工", "人次"),
            new Figure("subsidy", "疗休养补助", "元"));

    @Activate
    public RecuperationFigures(@Reference(target = "(unionhub.module=recuperation)") ModuleDatabase db, @Reference HubSettings settings) {
        super("recuperation", FIGURES, db, settings);
    }

    @Override
    protected void count(Counts counts) throws SQLException {
        counts.add("trips", "SELECT B.ORGANISER_ORG_ID, COUNT(*) FROM RECUPERATION_BOOKED_MEMBER M "
                + "JOIN RECUPERATION_BOOKING B ON B.ID = M.BOOKING_ID WHERE B.CANCELLED_AT IS NULL AND B.CREATED_AT >= ? "
                + "AND B.CREATED_AT < ? GROUP BY B.ORGANISER_ORG_ID", counts.start(), counts.end());
        counts.add("subsidy", "SELECT ORGANISER_ORG_ID, SUM(SUBSIDY_TOTAL) FROM RECUPERATION_BOOKING "
                + "WHERE CANCELLED_AT IS NULL AND CREATED_AT >= ? AND CREATED_AT < ? GROUP BY ORGANISER_ORG_ID", counts.start(), counts.end());
    }
}
