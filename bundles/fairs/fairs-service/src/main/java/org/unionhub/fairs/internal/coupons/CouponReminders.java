package org.unionhub.fairs.internal.coupons;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.HubSettings;
import org.unionhub.api.Topics;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.fairs.internal.ModuleConfig;

/**
 * Tells members of coupons about to expire (issue 21): every few minutes, unused coupons whose validity ends within
 * {@code coupon.reminder.hours} are marked reminded and, after that commit, posted as
 * {@code org/unionhub/fairs/COUPON_EXPIRING} with the member's id; the core's inbox turns each into a message.
 * Each coupon is announced once.
 */
@Component(immediate = true, configurationPid = "org.unionhub.fairs")
public class CouponReminders {

    public static final String COUPON_EXPIRING = Topics.of("fairs", "COUPON_EXPIRING");
    private static final int BATCH = 500;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final Logger logger = LoggerFactory.getLogger(CouponReminders.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "unionhub-fairs-coupon-reminders");
        t.setDaemon(true);
        return t;
    });
    private final ModuleDatabase db;
    private final EventAdmin events;
    private final Duration ahead;
    private final DateTimeFormatter shown;

    private record Due(long id, long memberId, String title, Instant validTo) {
    }

    @Activate
    public CouponReminders(@Reference(target = "(unionhub.module=fairs)") ModuleDatabase db, @Reference EventAdmin events,
            @Reference HubSettings settings, ModuleConfig config) {
        this.db = db;
        this.shown = SHOWN.withZone(settings.zone());
        this.events = events;
        this.ahead = Duration.ofHours(Math.max(0, config.coupon_reminder_hours()));
        long every = Math.max(5, config.coupon_reminder_check_seconds());
        if (!ahead.isZero()) {
            timer.scheduleWithFixedDelay(this::remind, every, every, TimeUnit.SECONDS);
        }
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    void remind() {
        try {
            Instant now = Instant.now();
            List<Due> due = db.inTransaction(c -> {
                List<Due> found = Sql.list(c, "SELECT C.ID, C.MEMBER_ID, B.TITLE, B.VALID_TO FROM FAIRS_COUPON C "
                        + "JOIN FAIRS_COUPON_BATCH B ON B.ID = C.BATCH_ID WHERE C.REDEEMED_AT IS NULL AND C.REMINDED_AT IS NULL "
                        + "AND B.VALID_TO > ? AND B.VALID_TO <= ? ORDER BY C.ID FETCH FIRST " + BATCH + " ROWS ONLY",
                        rs -> new Due(rs.getLong(1), rs.getLong(2), rs.getString(3), Sql.getInstant(rs, "VALID_TO")),
                        now, now.plus(ahead));
                for (Due d : found) {
                    Sql.update(c, "UPDATE FAIRS_COUPON SET REMINDED_AT = ? WHERE ID = ?", now, d.id());
                }
                return found;
            });
            // after the commit: a reminder never goes out for a mark that was rolled back
            for (Due d : due) {
                Map<String, Object> props = new HashMap<>();
                props.put("couponId", d.id());
                props.put("memberId", d.memberId());
                props.put("title", d.title());
                props.put("validTo", shown.format(d.validTo()));
                events.postEvent(new Event(COUPON_EXPIRING, props));
            }
        } catch (RuntimeException e) {
            logger.warn("Could not send coupon reminders: {}", e.toString());
        }
    }
}
