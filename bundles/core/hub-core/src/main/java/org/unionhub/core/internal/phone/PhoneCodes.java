package org.unionhub.core.internal.phone;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.unionhub.api.FieldError;
import org.unionhub.api.HubException;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.notify.Message;
import org.unionhub.api.notify.Notifier;
import org.unionhub.api.security.PersonalDataCipher;
import org.unionhub.api.security.SlidingWindow;
import org.unionhub.api.security.TooManyAttempts;

/**
 * One-time codes that prove a member holds a phone: 6 digits, sent through the highest-ranked {@link Notifier},
 * kept only as a keyed hash, good for {@value #MINUTES} minutes and {@value #MAX_ATTEMPTS} wrong tries, and only the
 * newest code of a phone and purpose counts. Requests are rate-limited per phone (one a minute for each purpose, five
 * an hour) and
 * per client address (twenty an hour), so nobody floods a stranger's phone or the region's SMS bill.
 */
@Component(service = PhoneCodes.class, immediate = true)
public class PhoneCodes {

    public enum Purpose {
        /** Proves the phone of a join request. */
        JOIN,
        /** Sets a member's password after his join was approved, or resets a forgotten one. */
        PASSWORD,
        /** Proves the phone of a join applicant who sees or withdraws the consent of his join requests. */
        CONSENT
    }

    public static final int MINUTES = 5;
    public static final int MAX_ATTEMPTS = 5;
    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}");

    private final SlidingWindow perPhoneMinute = new SlidingWindow(1, 60_000L);
    private final SlidingWindow perPhoneHour = new SlidingWindow(5, 3_600_000L);
    private final SlidingWindow perAddress = new SlidingWindow(20, 3_600_000L);
    private final SecureRandom random = new SecureRandom();
    private final ModuleDatabase db;
    private final PersonalDataCipher cipher;
    private final Notifier notifier;

    @Activate
    public PhoneCodes(@Reference(target = "(unionhub.module=core)") ModuleDatabase db, @Reference PersonalDataCipher cipher,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) Notifier notifier) {
        this.db = db;
        this.cipher = cipher;
        this.notifier = notifier;
    }

    /** Answers 422 naming {@code field} unless {@code phone} is a mainland mobile number. */
    public static String checkPhone(String field, String phone) {
        String p = phone == null ? "" : phone.trim();
        if (!PHONE.matcher(p).matches()) {
            throw HubException.invalid(field, "must be a mainland mobile number of 11 digits starting with 1");
        }
        return p;
    }

    /**
     * Counts a request against the limits of its phone and address; throws 429 (with Retry-After) when one is
     * reached. Called for every request, also those that then send nothing (no account), so that the limits tell
     * nothing either.
     */
    public void admit(String phone, Purpose purpose, String address, long now) {
        String minuteKey = phone + ":" + purpose;
        long retry = Math.max(perPhoneMinute.retryAfterSeconds(minuteKey, now), perPhoneHour.retryAfterSeconds(phone, now));
        String field = "phone";
        if (address != null) {
            long byAddress = perAddress.retryAfterSeconds(address, now);
            if (byAddress > retry) {
                retry = byAddress;
                field = "address";
            }
        }
        if (retry > 0) {
            throw new TooManyAttempts("too many codes requested; retry in " + retry + " s", retry,
                    List.of(new FieldError(field, "too many codes requested; retry in " + retry + " s")));
        }
        perPhoneMinute.record(minuteKey, now);
        perPhoneHour.record(phone, now);
        if (address != null) {
            perAddress.record(address, now);
        }
    }

    /** Makes a new code for {@code phone}, keeps its hash and sends it by SMS. */
    public void send(String phone, Purpose purpose) {
        String code = String.format("%06d", random.nextInt(1_000_000));
        Instant now = Instant.now();
        db.inTransaction(c -> {
            // codes a day past their expiry prove nothing any more: they go as new ones come
            Sql.update(c, "DELETE FROM HUB_PHONE_CODE WHERE EXPIRES_AT < ?", now.minus(Duration.ofDays(1)));
            return Sql.insert(c, "INSERT INTO HUB_PHONE_CODE (PHONE, PURPOSE, CODE_HASH, CREATED_AT, EXPIRES_AT) "
                    + "VALUES (?, ?, ?, ?, ?)", phone, purpose, hash(phone, purpose, code), now,
                    now.plus(Duration.ofMinutes(MINUTES)));
        });
        notifier.send(Message.sms(phone, "code.sms", Map.of("code", code, "minutes", String.valueOf(MINUTES))));
    }

    /**
     * Whether {@code code} is the newest unused, unexpired code of the phone and purpose; a right code is used up,
     * a wrong one counts an attempt, and after {@value #MAX_ATTEMPTS} the code is dead.
     */
    public boolean use(String phone, Purpose purpose, String code) {
        if (code == null || !code.matches("\\d{6}")) {
            return false;
        }
        Instant now = Instant.now();
        return db.inTransaction(c -> {
            Optional<Object[]> newest = Sql.one(c, "SELECT ID, CODE_HASH, EXPIRES_AT, ATTEMPTS, USED_AT FROM HUB_PHONE_CODE "
                    + "WHERE PHONE = ? AND PURPOSE = ? ORDER BY ID DESC FETCH FIRST 1 ROWS ONLY",
                    rs -> new Object[] {rs.getLong(1), rs.getString(2), Sql.getInstant(rs, "EXPIRES_AT"), rs.getInt(4),
                            Sql.getInstant(rs, "USED_AT")}, phone, purpose);
            if (newest.isEmpty()) {
                return false;
            }
            Object[] row = newest.get();
            if (row[4] != null || ((Instant) row[2]).isBefore(now) || (Integer) row[3] >= MAX_ATTEMPTS) {
                return false;
            }
            boolean right = java.security.MessageDigest.isEqual(((String) row[1]).getBytes(StandardCharsets.UTF_8),
                    hash(phone, purpose, code).getBytes(StandardCharsets.UTF_8));
            if (right) {
                Sql.update(c, "UPDATE HUB_PHONE_CODE SET USED_AT = ? WHERE ID = ?", now, row[0]);
            } else {
                Sql.update(c, "UPDATE HUB_PHONE_CODE SET ATTEMPTS = ATTEMPTS + 1 WHERE ID = ?", row[0]);
            }
            return right;
        });
    }

    private String hash(String phone, Purpose purpose, String code) {
        return cipher.blindIndex("phone-code:" + phone + ":" + purpose + ":" + code);
    }
}
