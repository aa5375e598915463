package org.unionhub.fairs.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.unionhub.api.HubException;
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.Money;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.db.OrgScope;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.validation.Texts;
import org.unionhub.fairs.api.ApplicationStatus;
import org.unionhub.fairs.api.Fair;
import org.unionhub.fairs.api.FairFilter;
import org.unionhub.fairs.api.FairRequest;

/** The SQL of fairs (FAIRS_FAIR): rows in, {@link Fair} records out. The rules are {@link Fairs}'. */
final class FairStore {

    private final HubSettings settings;
    private final MemberDirectory directory;

    FairStore(HubSettings settings, MemberDirectory directory) {
        this.settings = settings;
        this.directory = directory;
    }

    static long insert(Connection c, FairRequest r, Long orgId, BigDecimal fee, Instant now) throws SQLException {
        return Sql.insert(c, "INSERT INTO FAIRS_FAIR (NAME, THEME, VENUE, ORG_ID, STARTS_AT, ENDS_AT, "
                + "REG_OPENS_AT, REG_CLOSES_AT, STALL_COUNT, STALL_FEE_PER_DAY, OFFER_WINDOW_HOURS, SECTIONS, "
                + "CREATED_AT, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.name().trim(), Texts.blankToNull(r.theme()), r.venue().trim(), orgId, r.startsAt(), r.endsAt(),
                r.registrationOpensAt(), r.registrationClosesAt(), r.stallCount(), fee, offerHours(r),
                sections(r.sections()), now, now);
    }

    static void update(Connection c, long fairId, FairRequest r, Long orgId, BigDecimal fee, Instant now) throws SQLException {
        Sql.update(c, "UPDATE FAIRS_FAIR SET NAME = ?, THEME = ?, VENUE = ?, ORG_ID = ?, STARTS_AT = ?, ENDS_AT = ?, "
                + "REG_OPENS_AT = ?, REG_CLOSES_AT = ?, STALL_COUNT = ?, STALL_FEE_PER_DAY = ?, OFFER_WINDOW_HOURS = ?, "
                + "SECTIONS = ?, UPDATED_AT = ? WHERE ID = ?", r.name().trim(), Texts.blankToNull(r.theme()), r.venue().trim(),
                orgId, r.startsAt(), r.endsAt(), r.registrationOpensAt(), r.registrationClosesAt(), r.stallCount(),
                fee, offerHours(r), sections(r.sections()), now, fairId);
    }

    static void close(Connection c, long fairId, Instant now) throws SQLException {
        Sql.update(c, "UPDATE FAIRS_FAIR SET CLOSED_AT = ?, UPDATED_AT = ? WHERE ID = ?", now, now, fairId);
    }

    static Optional<FairRow> row(Connection c, long fairId) throws SQLException {
        return Sql.one(c, "SELECT " + FairRow.COLUMNS + " FROM FAIRS_FAIR WHERE ID = ?", FairRow::of, fairId);
    }

    /** Locks the fair's row for the rest of the transaction (a no-op UPDATE) and reads it. */
    static FairRow lock(Connection c, long fairId) throws SQLException {
        if (Sql.update(c, "UPDATE FAIRS_FAIR SET WAITLIST_SEQ = WAITLIST_SEQ WHERE ID = ?", fairId) == 0) {
            throw HubException.notFound("fair", fairId);
        }
        return row(c, fairId).orElseThrow();
    }

    /** The fairs starting on the days {@code from} to {@code to} (both included, in the hub's zone), soonest first. */
    List<FairRow> startingBetween(Connection c, LocalDate from, LocalDate to) throws SQLException {
        return Sql.list(c, "SELECT " + FairRow.COLUMNS + " FROM FAIRS_FAIR WHERE STARTS_AT >= ? "
                + "AND STARTS_AT < ? ORDER BY STARTS_AT", FairRow::of, from.atStartOfDay(zone()).toInstant(),
                to.plusDays(1).atStartOfDay(zone()).toInstant());
    }

    /** A page of fairs as {@code caller} lists them (an officer's scope is part of the query). */
    Page<Fair> page(Connection c, Caller caller, FairFilter filter, PageRequest page, Instant now) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        // an officer's list holds the fairs he may open as staff (issue 20: no row that then says "outside")
        OrgScope.appendFor(caller, directory, "ORG_ID", where, params);
        if (filter.from() != null) {
            where.append(" AND STARTS_AT >= ?");
            params.add(filter.from().atStartOfDay(zone()).toInstant());
        }
        if (filter.to() != null) {
            where.append(" AND STARTS_AT < ?");
            params.add(filter.to().plusDays(1).atStartOfDay(zone()).toInstant());
        }
        if (filter.state() != null) {
            switch (filter.state()) {
                case CLOSED -> {
                    where.append(" AND (CLOSED_AT IS NOT NULL OR ENDS_AT <= ?)");
                    params.add(now);
                }
                case RUNNING -> {
                    where.append(" AND CLOSED_AT IS NULL AND ENDS_AT > ? AND STARTS_AT <= ?");
                    params.addAll(List.of(now, now));
                }
                case REGISTRATION_OPEN -> {
                    where.append(" AND CLOSED_AT IS NULL AND STARTS_AT > ? AND REG_OPENS_AT <= ? AND REG_CLOSES_AT > ?");
                    params.addAll(List.of(now, now, now));
                }
                case PLANNED -> {
                    where.append(" AND CLOSED_AT IS NULL AND STARTS_AT > ? AND (REG_OPENS_AT > ? OR REG_CLOSES_AT <= ?)");
                    params.addAll(List.of(now, now, now));
                }
                default -> throw new IllegalStateException();
            }
        }
        Page<FairRow> rows = ListPages.FAIRS.page(c, "SELECT " + FairRow.COLUMNS, " FROM FAIRS_FAIR" + where, params, page,
                FairRow::of);
        List<Fair> items = new ArrayList<>();
        for (FairRow f : rows.items()) {
            items.add(fair(c, f, now));
        }
        return ListPages.with(rows, items);
    }

    /** The fair as the API shows it, with the length of its line. */
    Fair fair(Connection c, FairRow f, Instant now) throws SQLException {
        int waitlisted = (int) Sql.count(c, "SELECT COUNT(*) FROM FAIRS_APPLICATION WHERE FAIR_ID = ? AND STATUS = ?", f.id(),
                ApplicationStatus.WAITLISTED);
        ZoneId zone = zone();
        List<String> sections = f.sections() == null || f.sections().isEmpty() ? List.of()
                : List.of(f.sections().split("\n"));
        return new Fair(f.id(), f.name(), f.theme(), f.venue(), f.orgId(), Rules.at(f.startsAt(), zone),
                Rules.at(f.endsAt(), zone), Rules.days(f.startsAt(), f.endsAt(), zone), f.stallCount(),
                Money.normalize(f.feePerDay()), Rules.at(f.regOpens(), zone), Rules.at(f.regCloses(), zone),
                f.offerWindowHours(), sections, Rules.state(now, f.regOpens(), f.regCloses(), f.startsAt(), f.endsAt(),
                        f.closedAt()), f.stallsTaken(), Math.max(0, f.stallCount() - f.stallsTaken()), waitlisted,
                Rules.at(f.closedAt(), zone), Rules.at(f.createdAt(), zone), Rules.at(f.updatedAt(), zone));
    }

    private ZoneId zone() {
        return settings.zone();
    }

    private static Integer offerHours(FairRequest r) {
        return r.offerWindowHours() == null || r.offerWindowHours() == 0 ? null : r.offerWindowHours();
    }

    private static String sections(List<String> sections) {
        return sections == null || sections.isEmpty() ? null
                : String.join("\n", sections.stream().map(String::trim).toList());
    }
}
