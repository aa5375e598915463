package org.unionhub.fairs.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import org.unionhub.api.Money;
import org.unionhub.api.Validation;
import org.unionhub.api.validation.CreditCode;
import org.unionhub.fairs.api.ApplicationRequest;
import org.unionhub.fairs.api.CouponBatchRequest;
import org.unionhub.fairs.api.CouponKind;
import org.unionhub.fairs.api.FairRequest;
import org.unionhub.fairs.api.FairState;

/** The rules of fairs that need no database: fees, states, validation, coupon redemption, codes. */
public final class Rules {

    static final int MAX_STALLS = 10_000;
    static final int MAX_OFFER_HOURS = 24 * 30;
    static final int MAX_SECTIONS = 30;
    /** No 0/O, 1/I/L: codes are read aloud and typed at a stall. */
    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int CODE_LENGTH = 12;

    private Rules() {
    }

    /** Calendar days a fair spans in the hub's zone, both ends included: 22 March 09:00 to 22 March 18:00 is 1. */
    public static int days(Instant startsAt, Instant endsAt, ZoneId zone) {
        long d = ChronoUnit.DAYS.between(startsAt.atZone(zone).toLocalDate(), endsAt.atZone(zone).toLocalDate()) + 1;
        return (int) Math.max(1, d);
    }

    /** Merchants offering member discounts (特惠商家) pay nothing; the others pay the fee per day for every fair day. */
    public static BigDecimal fee(boolean offersMemberDiscount, BigDecimal feePerDay, int days) {
        if (offersMemberDiscount) {
            return Money.ZERO;
        }
        return Money.normalize(feePerDay.multiply(BigDecimal.valueOf(days)));
    }

    /** What the fee would have been, for the waiver figures. */
    public static BigDecimal fullFee(BigDecimal feePerDay, int days) {
        return fee(false, feePerDay, days);
    }

    public static FairState state(Instant now, Instant regOpens, Instant regCloses, Instant startsAt, Instant endsAt,
            Instant closedAt) {
        if (closedAt != null || !now.isBefore(endsAt)) {
            return FairState.CLOSED;
        }
        if (!now.isBefore(startsAt)) {
            return FairState.RUNNING;
        }
        if (!now.isBefore(regOpens) && now.isBefore(regCloses)) {
            return FairState.REGISTRATION_OPEN;
        }
        return FairState.PLANNED;
    }

    public static boolean registrationOpen(Instant now, Instant regOpens, Instant regCloses, Instant closedAt) {
        return closedAt == null && !now.isBefore(regOpens) && now.isBefore(regCloses);
    }

    public static void validateFair(FairRequest r, Validation v) {
        v.required("name", r.name()).maxLength("name", r.name(), 200);
        v.maxLength("theme", r.theme(), 200);
        v.required("venue", r.venue()).maxLength("venue", r.venue(), 300);
        v.required("startsAt", r.startsAt()).required("endsAt", r.endsAt());
        v.check(r.startsAt() == null || r.endsAt() == null || r.endsAt().isAfter(r.startsAt()), "endsAt",
                "must be after startsAt");
        v.required("stallCount", r.stallCount()).positive("stallCount", r.stallCount());
        v.check(r.stallCount() == null || r.stallCount() <= MAX_STALLS, "stallCount", "must be at most " + MAX_STALLS);
        v.money("stallFeePerDay", r.stallFeePerDay());
        v.required("registrationOpensAt", r.registrationOpensAt()).required("registrationClosesAt", r.registrationClosesAt());
        v.check(r.registrationOpensAt() == null || r.registrationClosesAt() == null
                || r.registrationClosesAt().isAfter(r.registrationOpensAt()), "registrationClosesAt",
                "must be after registrationOpensAt");
        v.check(r.registrationClosesAt() == null || r.endsAt() == null || !r.registrationClosesAt().isAfter(r.endsAt()),
                "registrationClosesAt", "must not be after endsAt");
        v.check(r.offerWindowHours() == null || (r.offerWindowHours() >= 0 && r.offerWindowHours() <= MAX_OFFER_HOURS),
                "offerWindowHours", "must be between 0 and " + MAX_OFFER_HOURS);
        List<String> sections = r.sections();
        if (sections != null) {
            v.check(sections.size() <= MAX_SECTIONS, "sections", "must list at most " + MAX_SECTIONS + " sections");
            for (int i = 0; i < sections.size(); i++) {
                String s = sections.get(i);
                v.check(s != null && !s.isBlank() && s.length() <= 100 && s.indexOf('\n') < 0, "sections[" + i + "]",
                        "must be a name of 1 to 100 characters on one line");
            }
        }
    }

    public static void validateApplication(ApplicationRequest r, Validation v) {
        v.required("companyName", r.companyName()).maxLength("companyName", r.companyName(), 200);
        String problem = CreditCode.problem(r.creditCode());
        v.check(problem == null, "creditCode", problem);
        v.required("contact", r.contact()).maxLength("contact", r.contact(), 200);
        v.required("category", r.category()).maxLength("category", r.category(), 100);
        v.required("offersMemberDiscount", r.offersMemberDiscount());
    }

    public static void validateBatch(CouponBatchRequest r, Validation v) {
        v.required("title", r.title()).maxLength("title", r.title(), 200);
        v.required("kind", r.kind());
        if (r.kind() == CouponKind.THRESHOLD) {
            v.required("threshold", r.threshold()).money("threshold", r.threshold()).positive("threshold", r.threshold());
            v.required("discount", r.discount()).money("discount", r.discount()).positive("discount", r.discount());
            v.check(r.threshold() == null || r.discount() == null || r.discount().compareTo(r.threshold()) < 0,
                    "discount", "must be less than threshold");
        } else if (r.kind() == CouponKind.GIFT) {
            v.required("gift", r.gift()).maxLength("gift", r.gift(), 200);
            v.check(r.discount() == null, "discount", "applies only to THRESHOLD coupons");
        } else if (r.kind() == CouponKind.PERCENT) {
            // the rate and the cap are the batch's terms (coupons.TermsRules); a threshold is optional
            v.money("threshold", r.threshold()).positive("threshold", r.threshold());
            v.check(r.discount() == null, "discount", "applies only to THRESHOLD coupons; a PERCENT coupon has rate and cap");
            v.check(r.gift() == null, "gift", "applies only to GIFT coupons");
        }
        v.required("quantity", r.quantity()).positive("quantity", r.quantity());
        v.check(r.perMemberLimit() == null || r.perMemberLimit() >= 1, "perMemberLimit", "must be at least 1");
        v.check(r.perMemberLimit() == null || r.quantity() == null || r.perMemberLimit() <= r.quantity(),
                "perMemberLimit", "must not exceed quantity");
        v.required("validFrom", r.validFrom()).required("validTo", r.validTo());
        v.check(r.validFrom() == null || r.validTo() == null || r.validTo().isAfter(r.validFrom()), "validTo",
                "must be after validFrom");
        if (r.merchantCreditCode() != null && !r.merchantCreditCode().isBlank()) {
            String problem = CreditCode.problem(r.merchantCreditCode());
            v.check(problem == null, "merchantCreditCode", problem);
        }
    }

    /**
     * The discount a redemption grants, or a field error: the order must reach the threshold. A gift coupon
     * grants no money discount.
     */
    public static BigDecimal redemptionDiscount(CouponKind kind, BigDecimal threshold, BigDecimal discount,
            BigDecimal orderAmount, Validation v) {
        if (kind == CouponKind.THRESHOLD) {
            v.check(orderAmount.compareTo(threshold) >= 0, "orderAmount", "must be at least the threshold " + threshold);
            return Money.normalize(discount);
        }
        return Money.ZERO;
    }

    /** Whether a coupon may be used at {@code now}: from validFrom (inclusive) to validTo (inclusive). */
    public static boolean withinValidity(Instant now, Instant validFrom, Instant validTo) {
        return !now.isBefore(validFrom) && !now.isAfter(validTo);
    }

    public static String newCode(SecureRandom random) {
        StringBuilder b = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            b.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return b.toString();
    }

    /** A withdrawal token: 128 random bits, hex. Only its hash is stored. */
    public static String newToken(SecureRandom random) {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean tokenMatches(String token, String storedHash) {
        if (token == null || token.isBlank() || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(token.trim()).getBytes(StandardCharsets.US_ASCII),
                storedHash.trim().getBytes(StandardCharsets.US_ASCII));
    }

    static OffsetDateTime at(Instant i, ZoneId zone) {
        return i == null ? null : i.atZone(zone).toOffsetDateTime();
    }
}
