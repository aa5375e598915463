package org.unionhub.jobfairs.internal;

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
 * The job fairs' figures for the hub's report upward, each counted at the organisation that runs the fair, the
 * registry or the programme: fairs held, employers approved into the registry, positions and headcount posted
 * (at fairs and on the board), applications, hires, and the study subsidy paid (people and CNY).
 */
@Component(service = ModuleFigures.class)
public class JobFairsFigures extends SqlFigures {

    private static final List<Figure> FIGURES = List.of(new Figure("fairs", "举办招聘会", "场"),
            new Figure("employers", "入库用人单位", "家"), new Figure("positions", "发布岗位", "个"),
            new Figure("headcount", "招聘人数", "人"), new Figure("applications", "求职申请", "人次"),
            new Figure("hires", "达成录用", "人"), new Figure("subsidies", "学历提升补助", "人"),
            new Figure("subsidyAmount", "补助金额", "元"));

    @Activate
    public JobFairsFigures(@Reference(target = "(unionhub.module=jobfairs)") ModuleDatabase db,
            @Reference HubSettings settings) {
        super(Env.MODULE, FIGURES, db, settings);
    }

    @Override
    protected void count(Counts counts) throws SQLException {
        counts.add("fairs", "SELECT ORG_ID, COUNT(*) FROM JOBFAIRS_FAIR WHERE STARTS_AT >= ? AND STARTS_AT < ? "
                + "GROUP BY ORG_ID", counts.start(), counts.end());
        counts.add("employers", "SELECT ORG_ID, COUNT(*) FROM JOBFAIRS_REGISTRY WHERE STATUS = 'APPROVED' "
                + "AND CREATED_AT >= ? AND CREATED_AT < ? GROUP BY ORG_ID", counts.start(), counts.end());
        for (String[] q : new String[][] {{"positions", "COUNT(*)"}, {"headcount", "SUM(P.HEADCOUNT)"}}) {
            counts.add(q[0], "SELECT F.ORG_ID, " + q[1] + " FROM JOBFAIRS_POSITION P JOIN JOBFAIRS_FAIR F ON F.ID = "
                    + "P.FAIR_ID WHERE P.CREATED_AT >= ? AND P.CREATED_AT < ? GROUP BY F.ORG_ID", counts.start(), counts.end());
            counts.add(q[0], "SELECT P.ORG_ID, " + q[1] + " FROM JOBFAIRS_JOB P WHERE P.CREATED_AT >= ? "
                    + "AND P.CREATED_AT < ? GROUP BY P.ORG_ID", counts.start(), counts.end());
        }
        counts.add("applications", "SELECT F.ORG_ID, COUNT(*) FROM JOBFAIRS_APPLICATION A JOIN JOBFAIRS_FAIR F "
                + "ON F.ID = A.FAIR_ID WHERE A.SUBMITTED_AT >= ? AND A.SUBMITTED_AT < ? GROUP BY F.ORG_ID", counts.start(), counts.end());
        counts.add("applications", "SELECT J.ORG_ID, COUNT(*) FROM JOBFAIRS_JOB_APPLICATION A JOIN JOBFAIRS_JOB J "
                + "ON J.ID = A.JOB_ID WHERE A.SUBMITTED_AT >= ? AND A.SUBMITTED_AT < ? GROUP BY J.ORG_ID", counts.start(), counts.end());
        counts.add("hires", "SELECT F.ORG_ID, COUNT(*) FROM JOBFAIRS_APPLICATION A JOIN JOBFAIRS_FAIR F "
                + "ON F.ID = A.FAIR_ID WHERE A.HIRED_AT >= ? AND A.HIRED_AT < ? GROUP BY F.ORG_ID", counts.start(), counts.end());
        // a board application keeps no hire time of its own: its last change is the hire
        counts.add("hires", "SELECT J.ORG_ID, COUNT(*) FROM JOBFAIRS_JOB_APPLICATION A JOIN JOBFAIRS_JOB J "
                + "ON J.ID = A.JOB_ID WHERE A.STATUS = 'HIRED' AND A.UPDATED_AT >= ? AND A.UPDATED_AT < ? "
                + "GROUP BY J.ORG_ID", counts.start(), counts.end());
        for (String[] q : new String[][] {{"subsidies", "COUNT(*)"}, {"subsidyAmount", "SUM(A.AMOUNT_PAID)"}}) {
            counts.add(q[0], "SELECT P.ORG_ID, " + q[1] + " FROM JOBFAIRS_PROGRAMME_APPLICATION A JOIN "
                    + "JOBFAIRS_PROGRAMME P ON P.ID = A.PROGRAMME_ID WHERE A.PAID_AT >= ? AND A.PAID_AT < ? "
                    + "GROUP BY P.ORG_ID", counts.start(), counts.end());
        }
    }
}
