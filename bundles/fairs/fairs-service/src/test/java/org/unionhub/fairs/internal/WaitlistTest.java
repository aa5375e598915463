package org.unionhub.fairs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unionhub.api.HubException;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.validation.CreditCode;
import org.unionhub.fairs.api.Application;
import org.unionhub.fairs.api.ApplicationRequest;
import org.unionhub.fairs.api.ApplicationStatus;
import org.unionhub.fairs.api.FairRequest;
import org.unionhub.fairs.api.FairsEvents;
import org.unionhub.testing.Configs;
import org.unionhub.testing.RecordedEvents;
import org.unionhub.testing.Region;
import org.unionhub.testing.TestDatabase;
import org.unionhub.testing.TestDirectory;

/**
 * The waitlist and offer rules on a real (in-memory) Derby with the module's own migrations (the test kit's
 * {@link TestDatabase}): offers that lapse pass to the next in line, stall numbers are reused, and the events follow.
 * Only the hub's services around the database are stand-ins; the time that passes is an offer expiry moved into the
 * past.
 */
class WaitlistTest {

    private static final AtomicInteger CODES = new AtomicInteger(5000);
    private static FairsServiceImpl fairs;
    private static ModuleDatabase db;
    private static final RecordedEvents EVENTS = new RecordedEvents();

    @BeforeAll
    static void database() {
        db = TestDatabase.module("fairs", FairsServiceImpl.class);
        fairs = new FairsServiceImpl(db, (c, caller, action, entity, id, changes) -> { }, TestDirectory.empty(),
                new Region("test", "350200", ZoneId.of("Asia/Shanghai"), false), EVENTS,
                Configs.of(ModuleConfig.class, Map.of("stall.fee.per.day", "150.00")));
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
        assertEquals(FairsEvents.STALL_OFFERED, EVENTS.all().get(0).getTopic());

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
        assertEquals(FairsEvents.STALL_ALLOCATED, EVENTS.all().get(EVENTS.all().size() - 1).getTopic());
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
}
