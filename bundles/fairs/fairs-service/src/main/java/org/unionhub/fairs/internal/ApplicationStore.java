package org.unionhub.fairs.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.unionhub.api.HubSettings;
import org.unionhub.api.Money;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.Sql;
import org.unionhub.fairs.api.Application;
import org.unionhub.fairs.api.ApplicationRequest;
import org.unionhub.fairs.api.ApplicationStatus;

/**
 * The SQL of stall applications (FAIRS_APPLICATION) and of the fair's stall counters they move (STALLS_TAKEN,
 * WAITLIST_SEQ): rows in, {@link Application} records out. The rules, and the fair's row lock every write here runs
 * under, are {@link StallApplications}'.
 */
final class ApplicationStore {

    private static final Keyset PAGES = Keyset.by("ID");
    private static final String SELECT = "SELECT " + AppRow.COLUMNS + " FROM FAIRS_APPLICATION";
    /** Index hints for Derby (comments to other databases): a fair's applications in one status; its waitlist in order. */
    private static final String BY_STATUS = " --DERBY-PROPERTIES index=FAIRS_APP_FAIR_STATUS\n";
    private static final String WAITLIST = " --DERBY-PROPERTIES index=FAIRS_APP_WAITLIST\n";

    private final HubSettings settings;

    ApplicationStore(HubSettings settings) {
        this.settings = settings;
    }

    static Optional<AppRow> row(Connection c, long fairId, long applicationId) throws SQLException {
        return Sql.one(c, SELECT + " WHERE ID = ? AND FAIR_ID = ?", AppRow::of, applicationId, fairId);
    }

    /** Whether the credit code already holds or waits for a stall of the fair. */
    static boolean hasActive(Connection c, long fairId, String code) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM FAIRS_APPLICATION WHERE FAIR_ID = ? AND ACTIVE_CODE = ?", fairId, code) > 0;
    }

    static long insert(Connection c, long fairId, ApplicationRequest r, String code, ApplicationStatus status, Integer stall,
            Integer seq, BigDecimal fee, String applicant, String tokenHash, Instant now) throws SQLException {
        return Sql.insert(c, "INSERT INTO FAIRS_APPLICATION (FAIR_ID, COMPANY_NAME, CREDIT_CODE, ACTIVE_CODE, CONTACT, "
                + "CATEGORY, OFFERS_DISCOUNT, STATUS, STALL_NUMBER, WAITLIST_SEQ, FEE, APPLICANT, TOKEN_HASH, CREATED_AT, "
                + "UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", fairId, r.companyName().trim(), code,
                code, r.contact().trim(), r.category().trim(), r.offersMemberDiscount(), status, stall, seq, fee, applicant,
                tokenHash, now, now);
    }

    /** The next number of the fair's waitlist counter. */
    static int nextWaitlistSeq(Connection c, long fairId) throws SQLException {
        Sql.update(c, "UPDATE FAIRS_FAIR SET WAITLIST_SEQ = WAITLIST_SEQ + 1 WHERE ID = ?", fairId);
        return Sql.one(c, "SELECT WAITLIST_SEQ FROM FAIRS_FAIR WHERE ID = ?", rs -> rs.getInt(1), fairId).orElseThrow();
    }

    /** Takes one stall of the fair if one is free: the conditional UPDATE answers 1 or 0 rows. */
    static boolean takeStall(Connection c, long fairId) throws SQLException {
        return Sql.update(c, "UPDATE FAIRS_FAIR SET STALLS_TAKEN = STALLS_TAKEN + 1 WHERE ID = ? AND STALLS_TAKEN < STALL_COUNT",
                fairId) == 1;
    }

    static void freeStall(Connection c, long fairId) throws SQLException {
        Sql.update(c, "UPDATE FAIRS_FAIR SET STALLS_TAKEN = STALLS_TAKEN - 1 WHERE ID = ?", fairId);
    }

    /** The lowest stall number no active application holds; the fair's row lock makes this exact, the unique key backs it. */
    static int lowestFreeStall(Connection c, long fairId) throws SQLException {
        // Fast path. Held numbers are as many as STALLS_TAKEN before this take (taken - 1), all distinct and
        // positive; when none is >= taken they are exactly 1..taken-1 and the next is taken. One index probe.
        int taken = Sql.one(c, "SELECT STALLS_TAKEN FROM FAIRS_FAIR WHERE ID = ?", rs -> rs.getInt(1), fairId).orElseThrow();
        if (Sql.count(c, "SELECT COUNT(*) FROM FAIRS_APPLICATION WHERE FAIR_ID = ? AND STALL_NUMBER >= ?", fairId, taken) == 0) {
            return taken;
        }
        List<Integer> held = Sql.list(c, "SELECT STALL_NUMBER FROM FAIRS_APPLICATION WHERE FAIR_ID = ? AND STALL_NUMBER IS NOT NULL "
                + "ORDER BY STALL_NUMBER", rs -> rs.getInt(1), fairId);
        int candidate = 1;
        for (int n : held) {
            if (n > candidate) {
                break;
            }
            if (n == candidate) {
                candidate++;
            }
        }
        return candidate;
    }

    /** The application at place 1 of the fair's line, if anyone waits. */
    static Optional<Long> firstInLine(Connection c, long fairId) throws SQLException {
        return Sql.one(c, "SELECT ID FROM FAIRS_APPLICATION WHERE FAIR_ID = ? AND STATUS = ? "
                + "ORDER BY WAITLIST_SEQ FETCH FIRST 1 ROWS ONLY", rs -> rs.getLong(1), fairId, ApplicationStatus.WAITLISTED);
    }

    static void offer(Connection c, long applicationId, int stall, Instant expires, Instant now) throws SQLException {
        Sql.update(c, "UPDATE FAIRS_APPLICATION SET STATUS = ?, STALL_NUMBER = ?, OFFER_EXPIRES_AT = ?, UPDATED_AT = ? "
                + "WHERE ID = ?", ApplicationStatus.OFFERED, stall, expires, now, applicationId);
    }

    static void allocate(Connection c, long applicationId, int stall, Instant now) throws SQLException {
        Sql.update(c, "UPDATE FAIRS_APPLICATION SET STATUS = ?, STALL_NUMBER = ?, UPDATED_AT = ? WHERE ID = ?",
                ApplicationStatus.ALLOCATED, stall, now, applicationId);
    }

    /** An offered stall becomes the merchant's. */
    static void accept(Connection c, long applicationId, Instant now) throws SQLException {
        Sql.update(c, "UPDATE FAIRS_APPLICATION SET STATUS = ?, OFFER_EXPIRES_AT = NULL, UPDATED_AT = ? WHERE ID = ?",
                ApplicationStatus.ALLOCATED, now, applicationId);
    }

    /** The application leaves its stall or its place in line (its credit code may apply again). */
    static void leave(Connection c, long applicationId, ApplicationStatus to, String reason, Instant now) throws SQLException {
        Sql.update(c, "UPDATE FAIRS_APPLICATION SET STATUS = ?, STALL_NUMBER = NULL, ACTIVE_CODE = NULL, OFFER_EXPIRES_AT = NULL, "
                + "REASON = ?, UPDATED_AT = ? WHERE ID = ?", to, reason, now, applicationId);
    }

    /** The fair's offers not accepted by {@code now}. */
    static List<AppRow> lapsedOffers(Connection c, long fairId, Instant now) throws SQLException {
        // the hint: with parameters Derby otherwise reads every application of the fair through the FAIR_ID key, under
        // the fair's lock (66 ms a stall application at 13,000 applications)
        return Sql.list(c, SELECT + BY_STATUS + " WHERE FAIR_ID = ? AND STATUS = ? AND OFFER_EXPIRES_AT <= ?",
                AppRow::of, fairId, ApplicationStatus.OFFERED, now);
    }

    static long lapsedOfferCount(Connection c, long fairId, Instant now) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM FAIRS_APPLICATION" + BY_STATUS + " WHERE FAIR_ID = ? AND STATUS = ? "
                + "AND OFFER_EXPIRES_AT <= ?", fairId, ApplicationStatus.OFFERED, now);
    }

    static List<Long> fairsWithLapsedOffers(Connection c, Instant now) throws SQLException {
        return Sql.list(c, "SELECT DISTINCT FAIR_ID FROM FAIRS_APPLICATION WHERE STATUS = ? "
                + "AND OFFER_EXPIRES_AT <= ?", rs -> rs.getLong(1), ApplicationStatus.OFFERED, now);
    }

    /** A page of the fair's applications; keyset over (FAIR_ID, ID) and (FAIR_ID, STATUS, ID), migration V2. */
    Page<Application> page(Connection c, long fairId, ApplicationStatus status, PageRequest page) throws SQLException {
        String where = " FROM FAIRS_APPLICATION WHERE FAIR_ID = ?" + (status == null ? "" : " AND STATUS = ?");
        List<Object> params = status == null ? List.of(fairId) : List.of(fairId, status);
        Page<AppRow> rows = PAGES.page(c, "SELECT " + AppRow.COLUMNS, where, params, page, AppRow::of);
        Map<Integer, Integer> positions = positions(c, fairId);
        return rows.map(a -> application(a, positions.get(a.waitlistSeq())));
    }

    /** Place in line by arrival among those still waiting: waitlist sequence number to position 1, 2, 3… */
    private static Map<Integer, Integer> positions(Connection c, long fairId) throws SQLException {
        List<Integer> seqs = Sql.list(c, "SELECT WAITLIST_SEQ FROM FAIRS_APPLICATION" + WAITLIST + " WHERE FAIR_ID = ? AND STATUS = ? "
                + "ORDER BY WAITLIST_SEQ", rs -> rs.getInt(1), fairId, ApplicationStatus.WAITLISTED);
        Map<Integer, Integer> out = new HashMap<>();
        for (int i = 0; i < seqs.size(); i++) {
            out.put(seqs.get(i), i + 1);
        }
        return out;
    }

    /** The application as the API shows it, with its place in line while it waits. */
    Application application(Connection c, AppRow a) throws SQLException {
        Integer position = null;
        if (a.status() == ApplicationStatus.WAITLISTED) {
            position = (int) Sql.count(c, "SELECT COUNT(*) FROM FAIRS_APPLICATION" + WAITLIST + " WHERE FAIR_ID = ? AND STATUS = ? "
                    + "AND WAITLIST_SEQ <= ?", a.fairId(), ApplicationStatus.WAITLISTED, a.waitlistSeq());
        }
        return application(a, position);
    }

    private Application application(AppRow a, Integer position) {
        ZoneId zone = settings.zone();
        boolean waitlisted = a.status() == ApplicationStatus.WAITLISTED;
        return new Application(a.id(), a.fairId(), a.companyName(), a.creditCode().trim(), a.contact(), a.category(),
                a.offersDiscount(), a.status(), a.stallNumber(), waitlisted ? position : null, Money.normalize(a.fee()),
                a.offersDiscount(), Rules.at(a.offerExpiresAt(), zone), a.reason(), Rules.at(a.createdAt(), zone),
                Rules.at(a.updatedAt(), zone), null);
    }
}
