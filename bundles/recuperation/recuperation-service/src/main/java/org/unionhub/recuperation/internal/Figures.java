package org.unionhub.recuperation.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.Money;
import org.unionhub.api.OrgInfo;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;

/** Trips, person-days and subsidy of standing bookings, by organiser, category and month of the stay's start. */
@Component(service = Figures.class)
public class Figures {

    /** One group: a trip is one member's stay; person-days add up each stay's days. */
    public record Line(String key, String name, long trips, long personDays, BigDecimal subsidy) {
    }

    public record Report(Integer year, long trips, long personDays, BigDecimal subsidyTotal, List<Line> byOrganiser,
            List<Line> byCategory, List<Line> byMonth) {
    }

    private record Row(long organiserOrgId, String category, LocalDate startDate, int days, BigDecimal subsidy) {
    }

    private final ModuleDatabase db;
    private final MemberDirectory directory;

    @Activate
    public Figures(@Reference(target = "(unionhub.module=recuperation)") ModuleDatabase db, @Reference MemberDirectory directory) {
        this.db = db;
        this.directory = directory;
    }

    /** Admins see every organiser; an officer the organisers in his part of the tree. */
    public Report report(Caller caller, Integer year) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        String sql = "SELECT B.ORGANISER_ORG_ID, M.CATEGORY, B.START_DATE, B.DAYS, M.SUBSIDY FROM RECUPERATION_BOOKED_MEMBER M "
                + "JOIN RECUPERATION_BOOKING B ON B.ID = M.BOOKING_ID WHERE B.STATUS = 'ACTIVE'"
                + (year == null ? "" : " AND B.START_DATE >= ? AND B.START_DATE < ?");
        Object[] params = year == null ? new Object[0] : new Object[] {LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)};
        List<Row> rows = db.read(c -> Sql.list(c, sql, rs -> new Row(rs.getLong(1), rs.getString(2), Sql.getDate(rs, "START_DATE"),
                rs.getInt(4), rs.getBigDecimal(5)), params));
        List<Row> mine = rows.stream().filter(r -> caller.canManage(r.organiserOrgId(), directory)).toList();
        long trips = mine.size();
        long personDays = mine.stream().mapToLong(Row::days).sum();
        BigDecimal total = mine.stream().map(Row::subsidy).reduce(Money.ZERO, BigDecimal::add);
        return new Report(year, trips, personDays, total,
                group(mine, r -> Long.toString(r.organiserOrgId()), k -> directory.org(Long.parseLong(k)).map(OrgInfo::name).orElse(null)),
                group(mine, r -> r.category() == null ? "NONE" : r.category(), k -> null),
                group(mine, r -> r.startDate().toString().substring(0, 7), k -> null));
    }

    private static List<Line> group(List<Row> rows, Function<Row, String> key, Function<String, String> name) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, BigDecimal> money = new TreeMap<>();
        for (Row r : rows) {
            String k = key.apply(r);
            long[] c = counts.computeIfAbsent(k, x -> new long[2]);
            c[0]++;
            c[1] += r.days();
            money.merge(k, r.subsidy(), BigDecimal::add);
        }
        List<Line> out = new ArrayList<>();
        counts.forEach((k, c) -> out.add(new Line(k, name.apply(k), c[0], c[1], Money.normalize(money.get(k)))));
        return out;
    }
}
