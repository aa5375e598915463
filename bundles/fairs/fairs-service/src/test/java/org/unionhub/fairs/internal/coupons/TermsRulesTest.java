package org.unionhub.fairs.internal.coupons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.unionhub.api.NewFormKind;
import org.unionhub.api.Validation;
import org.unionhub.fairs.api.CouponKind;

/** Issue 19's coupon terms, quoting the Qingdao and Xiamen reports (domain.md, section 1). */
class TermsRulesTest {

    /** "网约车75–80 % coupons, courier 70–80 %": the member pays the rate, the saving is capped. */
    @ParameterizedTest(name = "{0} at {1}, cap {2}, threshold {3} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # order  | rate | cap   | threshold | saving
            100.00   | 0.75 | 20.00 | -         | 20.00
            40.00    | 0.75 | 20.00 | -         | 10.00
            33.33    | 0.8  | 50.00 | -         | 6.67
            200.00   | 0.5  | 30.00 | 100.00    | 30.00
            """)
    void aPercentCouponSavesTheUnpaidShareUpToItsCap(String order, String rate, String cap, String threshold, String saving) {
        Validation v = new Validation();
        BigDecimal got = TermsRules.percentDiscount(new BigDecimal(rate), new BigDecimal(cap), threshold == null ? null
                : new BigDecimal(threshold), new BigDecimal(order), v);
        assertTrue(v.isValid());
        assertEquals(new BigDecimal(saving), got);
    }

    @Test
    void aPercentCouponBelowItsThresholdIsRefused() {
        Validation v = new Validation();
        TermsRules.percentDiscount(new BigDecimal("0.5"), new BigDecimal("30"), new BigDecimal("100.00"), new BigDecimal("99.99"), v);
        assertEquals("orderAmount", v.errors().get(0).field());
    }

    @Test
    void nobodyClaimsBeforeTheReleaseAndOnlyTheGroupClaimsAfter() {
        Instant release = Instant.parse("2027-05-01T02:00:00Z");
        List<NewFormKind> riders = List.of(NewFormKind.DELIVERY_RIDER);
        assertEquals("release", TermsRules.claimRefusal(release, riders, NewFormKind.DELIVERY_RIDER, release.minusMillis(1)));
        assertNull(TermsRules.claimRefusal(release, riders, NewFormKind.DELIVERY_RIDER, release));
        assertEquals("group", TermsRules.claimRefusal(release, riders, NewFormKind.COURIER, release));
        assertEquals("group", TermsRules.claimRefusal(null, riders, null, release));
        assertNull(TermsRules.claimRefusal(null, List.of(), null, release));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # field      | kind      | rate | cap   | months | sponsor | unionShare
            rate         | PERCENT   | -    | 20.00 | -      | -       | -
            rate         | PERCENT   | 1.0  | 20.00 | -      | -       | -
            rate         | THRESHOLD | 0.75 | -     | -      | -       | -
            cap          | PERCENT   | 0.75 | -     | -      | -       | -
            months       | PERCENT   | 0.75 | 20.00 | 13     | -       | -
            unionShare   | PERCENT   | 0.75 | 20.00 | -      | 银行    | 1.5
            sponsor      | PERCENT   | 0.75 | 20.00 | -      | -       | 0.5
            """)
    void badTermsNameTheirField(String field, CouponKind kind, BigDecimal rate, BigDecimal cap, Integer months, String sponsor,
            BigDecimal unionShare) {
        Validation v = new Validation();
        TermsRules.validate(request(kind, rate, cap, months, sponsor, unionShare), v);
        assertFalse(v.isValid());
        assertTrue(v.errors().stream().anyMatch(e -> e.field().equals(field)), v.errors().toString());
    }

    /** "商家让一点、工会贴一点、职工付一点": the union's part of each saving, the sponsor the rest. */
    @Test
    void theUnionPaysItsShareOfEachSaving() {
        assertEquals(new BigDecimal("15.00"), TermsRules.unionPart(new BigDecimal("30.00"), new BigDecimal("0.5")));
        Validation v = new Validation();
        TermsRules.validate(request(CouponKind.PERCENT, new BigDecimal("0.75"), new BigDecimal("20"), 3, "建设银行", new BigDecimal("0.4")), v);
        assertTrue(v.isValid(), v.errors().toString());
    }

    private static CouponBatchRequest request(CouponKind kind, BigDecimal rate, BigDecimal cap, Integer months, String sponsor,
            BigDecimal unionShare) {
        OffsetDateTime now = OffsetDateTime.of(2027, 5, 1, 10, 0, 0, 0, ZoneOffset.ofHours(8));
        return new CouponBatchRequest(null, "骑手充电+洗车+体检", kind, null, null, null, 100, 1, now, now.plusDays(30), null, rate, cap,
                List.of(NewFormKind.DELIVERY_RIDER), now.plusHours(1), months, sponsor, unionShare);
    }
}
