package org.unionhub.fairs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.unionhub.api.HubException;
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.MemberInfo;
import org.unionhub.api.OrgInfo;
import org.unionhub.api.db.DatabaseException;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.db.SqlWork;
import org.unionhub.api.security.Caller;
import org.unionhub.api.validation.CreditCode;
import org.unionhub.fairs.api.Application;
import org.unionhub.fairs.api.ApplicationRequest;
import org.unionhub.fairs.api.ApplicationStatus;
import org.unionhub.fairs.api.FairRequest;
import org.unionhub.fairs.api.FairsEvents;

/**
 * The waitlist and offer rules on a real (in-memory) Derby with the module's own migration: offers that lapse
 * pass to the next in line, stall numbers are reused, and the events follow. Only the hub's services around the
 * database are stand-ins; the time that passes is an offer expiry moved into the past.
 */
class WaitlistTest {

    private static final AtomicInteger CODES = new AtomicInteger(5000);
    private static Connection keepAlive;
    private static FairsServiceImpl fairs;
    private static ModuleDatabase db;
    private static final List<Event> EVENTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void database() throws Exception {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        String url = "jdbc:derby:memory:fairs-waitlist;create=true";
        keepAlive = DriverManager.getConnection(url);
        try (InputStream in = WaitlistTest.class.getResourceAsStream("/db/migration/V1__fairs_applications_coupons_figures.sql");
                Statement st = keepAlive.createStatement()) {
            StringBuilder sql = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.trim().startsWith("--")) {
                    continue;
                }
                sql.append(line).append('\n');
                if (line.trim().endsWith(";")) {
                    st.execute(sql.substring(0, sql.lastIndexOf(";")));
                    sql.setLength(0);
                }
            }
        }
        db = new TestDatabase(url);
        fairs = new FairsServiceImpl(db, (c, caller, action, entity, id, changes) -> { }, new Directory(), new Settings(),
                new Events(), new Config());
    }

    @AfterAll
    static void close() throws SQLException {
        keepAlive.close();
    }

    @Test
    void aLapsedOfferPassesToTheNextInLineAndTheStallNumberIsReused() throws Exception {
        long fair = fair(2, 4);
        Application a = apply(fair);
        Application b = apply(fair);
        Application c = apply(fair);
        Application d = apply(fair);
        assertEquals(List.of(1, 2), List.of(a.stallNumber(), b.stallNumber()));
        assertEquals(ApplicationStatus.WAITLISTED, c.status());
        assertEquals(1, c.waitlistPosition());
        assertEquals(2, d.waitlistPosition());
        EVENTS.clear();

        fairs.withdraw(Caller.ANONYMOUS, fair, a.id(), a.withdrawalToken());
        Application offered = fairs.application(Caller.ANONYMOUS, fair, c.id(), c.withdrawalToken());
        assertEquals(ApplicationStatus.OFFERED, offered.status());
        assertEquals(1, offered.stallNumber(), "the freed number is the lowest free one");
        assertTrue(offered.offerExpiresAt().isAfter(OffsetDateTime.now().plusHours(3)));
        assertEquals(FairsEvents.STALL_OFFERED, EVENTS.get(0).getTopic());

        // four hours later: the offer lapsed; the next read passes the stall on to d
        db.inTransaction(x -> Sql.update(x, "UPDATE FAIRS_APPLICATION SET OFFER_EXPIRES_AT = ? WHERE ID = ?",
                Instant.now().minusSeconds(1), c.id()));
        Application lapsed = fairs.application(Caller.ANONYMOUS, fair, c.id(), c.withdrawalToken());
        assertEquals(ApplicationStatus.EXPIRED, lapsed.status());
        assertNull(lapsed.stallNumber());
        Application next = fairs.application(Caller.ANONYMOUS, fair, d.id(), d.withdrawalToken());
        assertEquals(ApplicationStatus.OFFERED, next.status());
        assertEquals(1, next.stallNumber());
        HubException late = assertThrows(HubException.class,
                () -> fairs.accept(Caller.ANONYMOUS, fair, c.id(), c.withdrawalToken()));
        assertEquals(409, late.status());

        Application accepted = fairs.accept(Caller.ANONYMOUS, fair, d.id(), d.withdrawalToken());
        assertEquals(ApplicationStatus.ALLOCATED, accepted.status());
        assertEquals(FairsEvents.STALL_ALLOCATED, EVENTS.get(EVENTS.size() - 1).getTopic());
        assertEquals(2, fairs.fair(fair).stallsTaken());
    }

    @Test
    void theScheduledSweepAlsoPassesOffersOnAndAnEmptyLineFreesTheStall() throws Exception {
        long fair = fair(1, 1);
        Application a = apply(fair);
        Application b = apply(fair);
        fairs.withdraw(Caller.ANONYMOUS, fair, a.id(), a.withdrawalToken());
        db.inTransaction(x -> Sql.update(x, "UPDATE FAIRS_APPLICATION SET OFFER_EXPIRES_AT = ? WHERE ID = ?",
                Instant.now().minusSeconds(1), b.id()));
        fairs.expireAllDue();
        assertEquals(ApplicationStatus.EXPIRED, fairs.application(Caller.ANONYMOUS, fair, b.id(), b.withdrawalToken()).status());
        assertEquals(0, fairs.fair(fair).stallsTaken(), "nobody waits: the stall is free again");
        Application c = apply(fair);
        assertEquals(ApplicationStatus.ALLOCATED, c.status());
        assertEquals(1, c.stallNumber());
    }

    @Test
    void withoutAnOfferWindowPlaceOneIsAllocatedAtOnceAndTheLineMovesUp() throws Exception {
        long fair = fair(1, null);
        Application a = apply(fair);
        Application b = apply(fair);
        Application c = apply(fair);
        fairs.withdraw(Caller.ANONYMOUS, fair, a.id(), a.withdrawalToken());
        Application promoted = fairs.application(Caller.ANONYMOUS, fair, b.id(), b.withdrawalToken());
        assertEquals(ApplicationStatus.ALLOCATED, promoted.status());
        assertEquals(1, promoted.stallNumber());
        assertEquals(1, fairs.application(Caller.ANONYMOUS, fair, c.id(), c.withdrawalToken()).waitlistPosition());
        HubException noToken = assertThrows(HubException.class, () -> fairs.withdraw(Caller.ANONYMOUS, fair, c.id(), null));
        assertEquals(403, noToken.status());
    }

    private static long fair(int stalls, Integer offerHours) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        return fairs.createFair(Caller.SYSTEM, new FairRequest("test", null, "here", null, now.plusDays(2),
                now.plusDays(2).plusHours(8), stalls, null, now.minusHours(1), now.plusDays(1), offerHours, null)).id();
    }

    private static Application apply(long fair) {
        String body = "91350200MA" + String.format("%07d", CODES.incrementAndGet());
        return fairs.apply(Caller.ANONYMOUS, fair, new ApplicationRequest("商家", body + CreditCode.checkCharacter(body),
                "c", "food", false));
    }

    /** Transactions as the hub's ModuleDatabase runs them, without its retries. */
    record TestDatabase(String url) implements ModuleDatabase {
        @Override
        public String moduleId() {
            return "fairs";
        }

        @Override
        public DataSource dataSource() {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> T inTransaction(SqlWork<T> work) {
            try (Connection c = DriverManager.getConnection(url)) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                throw new DatabaseException(e.getMessage(), e, false);
            }
        }

        @Override
        public <T> T read(SqlWork<T> work) {
            try (Connection c = DriverManager.getConnection(url)) {
                return work.run(c);
            } catch (SQLException e) {
                throw new DatabaseException(e.getMessage(), e, false);
            }
        }
    }

    static final class Directory implements MemberDirectory {
        @Override
        public Optional<MemberInfo> member(long memberId) {
            return Optional.empty();
        }

        @Override
        public Optional<OrgInfo> org(long orgId) {
            return Optional.empty();
        }

        @Override
        public Optional<MemberInfo> memberByCardNumber(String cardNumber) {
            return Optional.empty();
        }

        @Override
        public boolean isWithin(long orgId, long scopeOrgId) {
            return orgId == scopeOrgId;
        }
    }

    static final class Settings implements HubSettings {
        @Override
        public String regionName() {
            return "test";
        }

        @Override
        public String regionCode() {
            return "350200";
        }

        @Override
        public ZoneId zone() {
            return ZoneId.of("Asia/Shanghai");
        }

        @Override
        public boolean demo() {
            return false;
        }
    }

    static final class Events implements EventAdmin {
        @Override
        public void postEvent(Event event) {
            EVENTS.add(event);
        }

        @Override
        public void sendEvent(Event event) {
            EVENTS.add(event);
        }
    }

    @SuppressWarnings("all")
    static final class Config implements FairsConfig {
        @Override
        public Class<? extends Annotation> annotationType() {
            return FairsConfig.class;
        }

        @Override
        public String stall_fee_per_day() {
            return "150.00";
        }

        @Override
        public int offer_check_seconds() {
            return 60;
        }

        @Override
        public int coupon_reminder_hours() {
            return 24;
        }

        @Override
        public int coupon_reminder_check_seconds() {
            return 600;
        }
    }
}
