package org.unionhub.fairs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.unionhub.api.FieldError;
import org.unionhub.api.Validation;
import org.unionhub.fairs.api.ApplicationRequest;
import org.unionhub.fairs.api.CouponBatchRequest;
import org.unionhub.fairs.api.CouponKind;
import org.unionhub.fairs.api.FairRequest;
import org.unionhub.fairs.api.FairState;

class RulesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final OffsetDateTime MARCH_22 = OffsetDateTime.parse("2025-03-22T09:00:00+08:00");
    private static final String GOOD_CODE = "91350200MA2XYK123K";

    // ---- fees

    /**
     * Xiamen 2025: the union fair's offer to merchants is "免摊位费"; the 150 CNY a day quoted beside it is what
     * another market charged ("上次参加其他集市,摊位费1天要150元"). So a fair that sets no fee charges none, waived
     * or not, unless the region configures one.
     */
    @Test
    void aUnionFairChargesNoStallFeeUnlessTheRegionSetsOne() throws Exception {
        Object configured = ModuleConfig.class.getMethod("stall_fee_per_day").getDefaultValue();
        BigDecimal perDay = new BigDecimal((String) configured);
        for (boolean discount : new boolean[] {false, true}) {
            for (int days : new int[] {1, 2, 3}) {
                assertEquals(new BigDecimal("0.00"), Rules.fee(discount, perDay, days), discount + " " + days);
            }
        }
    }

    @Test
    void aOneDayFairCostsTheFeePerDay() {
        int days = Rules.days(MARCH_22.toInstant(), MARCH_22.plusHours(9).toInstant(), SHANGHAI);
        assertEquals(1, days);
        assertEquals(new BigDecimal("150.00"), Rules.fee(false, new BigDecimal("150"), days));
    }

    @Test
    void aThreeDayFairCostsThreeDaysOfFees() {
        int days = Rules.days(MARCH_22.toInstant(), MARCH_22.plusDays(2).plusHours(9).toInstant(), SHANGHAI);
        assertEquals(3, days);
        assertEquals(new BigDecimal("450.00"), Rules.fee(false, new BigDecimal("150.00"), days));
    }

    @Test
    void daysAreCountedInTheHubsZoneNotInUtc() {
        // 23:30 to 00:30 Shanghai time spans two calendar days there, one in UTC
        OffsetDateTime lateEvening = OffsetDateTime.parse("2025-03-22T23:30:00+08:00");
        assertEquals(2, Rules.days(lateEvening.toInstant(), lateEvening.plusHours(1).toInstant(), SHANGHAI));
    }

    @Test
    void merchantsOfferingMemberDiscountsPayNothing() {
        assertEquals(new BigDecimal("0.00"), Rules.fee(true, new BigDecimal("150.00"), 3));
        assertEquals(new BigDecimal("450.00"), Rules.fullFee(new BigDecimal("150.00"), 3));
    }

    // ---- fair states and validation

    @Test
    void stateFollowsTheDates() {
        Instant opens = MARCH_22.minusDays(10).toInstant();
        Instant closes = MARCH_22.minusDays(2).toInstant();
        Instant starts = MARCH_22.toInstant();
        Instant ends = MARCH_22.plusHours(9).toInstant();
        assertEquals(FairState.PLANNED, Rules.state(opens.minusSeconds(1), opens, closes, starts, ends, null));
        assertEquals(FairState.REGISTRATION_OPEN, Rules.state(opens, opens, closes, starts, ends, null));
        assertEquals(FairState.PLANNED, Rules.state(closes, opens, closes, starts, ends, null));
        assertEquals(FairState.RUNNING, Rules.state(starts, opens, closes, starts, ends, null));
        assertEquals(FairState.CLOSED, Rules.state(ends, opens, closes, starts, ends, null));
        assertEquals(FairState.CLOSED, Rules.state(opens, opens, closes, starts, ends, opens));
        assertTrue(Rules.registrationOpen(opens, opens, closes, null));
        assertFalse(Rules.registrationOpen(closes, opens, closes, null));
        assertFalse(Rules.registrationOpen(opens, opens, closes, opens));
    }

    @Test
    void aFairEndingBeforeItStartsIsRefusedNamingTheField() {
        FairRequest r = new FairRequest("集市", null, "海沧", null, MARCH_22, MARCH_22.minusHours(1), 30, null,
                MARCH_22.minusDays(10), MARCH_22.minusDays(2), null, List.of("legal aid"));
        assertTrue(fields(v -> Rules.validateFair(r, v)).contains("endsAt"));
    }

    @Test
    void aCompleteFairIsValidAndMissingFieldsAreAllNamed() {
        FairRequest ok = new FairRequest("集市", "spring", "海沧", null, MARCH_22, MARCH_22.plusHours(9), 30,
                new BigDecimal("150.00"), MARCH_22.minusDays(10), MARCH_22.minusDays(2), 24, List.of("legal aid"));
        assertEquals(Set.of(), fields(v -> Rules.validateFair(ok, v)));
        FairRequest empty = new FairRequest(null, null, null, null, null, null, null, new BigDecimal("-1"), null, null,
                -1, List.of(" "));
        assertEquals(Set.of("name", "venue", "startsAt", "endsAt", "stallCount", "stallFeePerDay", "registrationOpensAt",
                "registrationClosesAt", "offerWindowHours", "sections[0]"), fields(v -> Rules.validateFair(empty, v)));
    }

    @Test
    void applicationsNeedAValidCreditCode() {
        assertEquals(Set.of(), fields(v -> Rules.validateApplication(
                new ApplicationRequest("厦门好味道餐饮有限公司", GOOD_CODE, "陈先生 13800000000", "food", true), v)));
        assertEquals(Set.of("creditCode"), fields(v -> Rules.validateApplication(
                new ApplicationRequest("X", "91350200MA2XYK1230", "c", "food", false), v)));
        assertEquals(Set.of("companyName", "creditCode", "contact", "category", "offersMemberDiscount"),
                fields(v -> Rules.validateApplication(new ApplicationRequest(null, null, null, null, null), v)));
    }

    // ---- coupons

    @Test
    void aThresholdCouponNeedsItsDiscountBelowTheThreshold() {
        assertEquals(Set.of(), fields(v -> Rules.validateBatch(batch(CouponKind.THRESHOLD, "30", "20", null, 100), v)));
        assertEquals(Set.of("discount"), fields(v -> Rules.validateBatch(batch(CouponKind.THRESHOLD, "30", "30", null, 100), v)));
        assertEquals(Set.of("discount"), fields(v -> Rules.validateBatch(batch(CouponKind.THRESHOLD, "30", "35", null, 100), v)));
        assertEquals(Set.of("threshold", "discount"),
                fields(v -> Rules.validateBatch(batch(CouponKind.THRESHOLD, null, null, null, 100), v)));
    }

    @Test
    void aGiftCouponNeedsAGiftAndBatchesNeedAQuantityAndAValidityPeriod() {
        assertEquals(Set.of(), fields(v -> Rules.validateBatch(batch(CouponKind.GIFT, null, null, "电影票 cinema ticket", 7000), v)));
        assertEquals(Set.of("gift"), fields(v -> Rules.validateBatch(batch(CouponKind.GIFT, null, null, null, 10), v)));
        assertEquals(Set.of("quantity"), fields(v -> Rules.validateBatch(batch(CouponKind.GIFT, null, null, "g", 0), v)));
        CouponBatchRequest backwards = new CouponBatchRequest(null, "t", CouponKind.GIFT, null, null, "g", 10, 1,
                MARCH_22, MARCH_22.minusDays(1), null);
        assertEquals(Set.of("validTo"), fields(v -> Rules.validateBatch(backwards, v)));
        CouponBatchRequest greedy = new CouponBatchRequest(null, "t", CouponKind.GIFT, null, null, "g", 10, 11,
                MARCH_22, MARCH_22.plusDays(1), "bad");
        assertEquals(Set.of("perMemberLimit", "merchantCreditCode"), fields(v -> Rules.validateBatch(greedy, v)));
    }

    @Test
    void redemptionNeedsTheThresholdAndGrantsTheDiscount() {
        Validation ok = new Validation();
        assertEquals(new BigDecimal("20.00"), Rules.redemptionDiscount(CouponKind.THRESHOLD, new BigDecimal("30.00"),
                new BigDecimal("20.00"), new BigDecimal("30.00"), ok));
        assertTrue(ok.isValid());
        Validation low = new Validation();
        Rules.redemptionDiscount(CouponKind.THRESHOLD, new BigDecimal("30.00"), new BigDecimal("20.00"),
                new BigDecimal("29.99"), low);
        assertEquals("orderAmount", low.errors().get(0).field());
        Validation gift = new Validation();
        assertEquals(new BigDecimal("0.00"), Rules.redemptionDiscount(CouponKind.GIFT, null, null, BigDecimal.ZERO, gift));
        assertTrue(gift.isValid());
    }

    @Test
    void couponsAreValidFromStartToEndInclusive() {
        Instant from = MARCH_22.toInstant();
        Instant to = MARCH_22.plusHours(12).toInstant();
        assertTrue(Rules.withinValidity(from, from, to));
        assertTrue(Rules.withinValidity(to, from, to));
        assertFalse(Rules.withinValidity(from.minusSeconds(1), from, to));
        assertFalse(Rules.withinValidity(to.plusSeconds(1), from, to));
    }

    @Test
    void codesAreTwelveUnambiguousCharactersAndDoNotRepeat() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = Rules.newCode(random);
            assertEquals(12, code.length());
            assertTrue(code.matches("[A-HJKMNP-Z2-9]{12}"), code);
            assertTrue(seen.add(code));
        }
    }

    @Test
    void tokensAreCheckedAgainstTheirHashOnly() {
        String token = Rules.newToken(new SecureRandom());
        String hash = Rules.hash(token);
        assertNotEquals(token, hash);
        assertTrue(Rules.tokenMatches(token, hash));
        assertFalse(Rules.tokenMatches(token + "0", hash));
        assertFalse(Rules.tokenMatches(null, hash));
    }

    private static CouponBatchRequest batch(CouponKind kind, String threshold, String discount, String gift, int quantity) {
        return new CouponBatchRequest(null, "满30减20", kind, threshold == null ? null : new BigDecimal(threshold),
                discount == null ? null : new BigDecimal(discount), gift, quantity, null, MARCH_22, MARCH_22.plusDays(1), null);
    }

    private static Set<String> fields(java.util.function.Consumer<Validation> rule) {
        Validation v = new Validation();
        rule.accept(v);
        Set<String> out = new HashSet<>();
        for (FieldError e : v.errors()) {
            out.add(e.field());
        }
        return out;
    }
}
