package org.unionhub.jobfairs.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.db.Sql;

/** The figures of a fair, as union reports give them: employers, positions, people hired, by industry. */
@Component(service = StatsService.class)
public class StatsService {

    private final Env env;

    @Activate
    public StatsService(@Reference Env env) {
        this.env = env;
    }

    public Stats stats(long fairId) {
        return env.db.read(c -> {
            FairRow fair = env.fair(c, fairId);
            Map<String, long[]> byIndustry = new TreeMap<>();
            // [employers, positions, headcount, applications, interviews, offers, hires]
            for (Object[] r : Sql.list(c, "SELECT INDUSTRY, COUNT(*) FROM JOBFAIRS_EMPLOYER WHERE FAIR_ID = ? "
                    + "AND STATUS = 'APPROVED' GROUP BY INDUSTRY", rs -> new Object[] {rs.getString(1), rs.getLong(2)}, fairId)) {
                figures(byIndustry, r[0])[0] = (Long) r[1];
            }
            for (Object[] r : Sql.list(c, "SELECT P.INDUSTRY, COUNT(*), COALESCE(SUM(P.HEADCOUNT), 0) FROM JOBFAIRS_POSITION P "
                    + "JOIN JOBFAIRS_EMPLOYER E ON E.ID = P.EMPLOYER_ID WHERE P.FAIR_ID = ? AND E.STATUS = 'APPROVED' "
                    + "GROUP BY P.INDUSTRY", rs -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3)}, fairId)) {
                long[] f = figures(byIndustry, r[0]);
                f[1] = (Long) r[1];
                f[2] = (Long) r[2];
            }
            for (Object[] r : Sql.list(c, "SELECT P.INDUSTRY, COUNT(*), COUNT(A.INTERVIEW_AT), COUNT(A.OFFERED_AT), "
                    + "COUNT(A.HIRED_AT) FROM JOBFAIRS_APPLICATION A JOIN JOBFAIRS_POSITION P ON P.ID = A.POSITION_ID "
                    + "WHERE A.FAIR_ID = ? GROUP BY P.INDUSTRY", rs -> new Object[] {rs.getString(1), rs.getLong(2),
                            rs.getLong(3), rs.getLong(4), rs.getLong(5)}, fairId)) {
                long[] f = figures(byIndustry, r[0]);
                for (int i = 0; i < 4; i++) {
                    f[3 + i] = (Long) r[1 + i];
                }
            }
            long[] sum = new long[7];
            List<Stats.IndustryFigures> industries = byIndustry.entrySet().stream().map(e -> {
                long[] f = e.getValue();
                for (int i = 0; i < 7; i++) {
                    sum[i] += f[i];
                }
                return new Stats.IndustryFigures(e.getKey(), f[0], f[1], f[2], f[3], f[4], f[5], f[6]);
            }).toList();
            List<Stats.SessionFigures> sessions = sessions(c, fairId);
            long pending = Sql.count(c, "SELECT COUNT(*) FROM JOBFAIRS_EMPLOYER WHERE FAIR_ID = ? AND STATUS = 'PENDING'",
                    fairId);
            return new Stats(fairId, sum[0], pending, sum[1], sum[2], sum[3], sum[4], sum[5], sum[6], fair.boothCapacity(),
                    fair.boothsTaken(), industries, sessions.size(),
                    sessions.stream().mapToLong(Stats.SessionFigures::peakViewers).max().orElse(0),
                    sessions.stream().mapToLong(Stats.SessionFigures::totalViewers).sum(),
                    sessions.stream().mapToLong(Stats.SessionFigures::applications).sum(), sessions);
        });
    }

    private static List<Stats.SessionFigures> sessions(Connection c, long fairId) throws SQLException {
        return Sql.list(c, "SELECT L.ID, L.TITLE, L.PEAK_VIEWERS, L.TOTAL_VIEWERS, "
                + "(SELECT COUNT(*) FROM JOBFAIRS_APPLICATION A WHERE A.LIVESTREAM_ID = L.ID) FROM JOBFAIRS_LIVESTREAM L "
                + "WHERE L.FAIR_ID = ? ORDER BY L.STARTS_AT, L.ID", rs -> new Stats.SessionFigures(rs.getLong(1),
                        rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getLong(5)), fairId);
    }

    private static long[] figures(Map<String, long[]> byIndustry, Object industry) {
        return byIndustry.computeIfAbsent((String) industry, k -> new long[7]);
    }
}
