package org.unionhub.fairs.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.OrgInfo;
import org.unionhub.api.PageRequest;
import org.unionhub.api.security.Caller;
import org.unionhub.fairs.api.CouponBatchRequest;
import org.unionhub.fairs.api.CouponKind;
import org.unionhub.fairs.api.Fair;
import org.unionhub.fairs.api.FairFilter;
import org.unionhub.fairs.api.FairRequest;

/**
 * Demo installs only: a Haicang-style fair (30 stalls, registration open now) and a "spend 30 save 20" batch,
 * like the 22 March fair where 64 merchants applied for 30 stalls on the first day.
 */
@Component(service = DemoData.class, immediate = true)
public class DemoData {

    private final Logger logger = LoggerFactory.getLogger(DemoData.class);

    @Activate
    public DemoData(@Reference HubSettings settings, @Reference FairsServiceImpl fairs, @Reference MemberDirectory directory) {
        if (!settings.demo() || fairs.fairs(new FairFilter(null, null, null), PageRequest.of(0, 1)).total() > 0) {
            return;
        }
        ZoneId zone = settings.zone();
        // the core's demo rows are found by a demo member's card, not by id: Derby may skip identity values under
        // concurrent DDL (one CI run's demo organisations started at 100)
        Long haicang = directory.memberByCardNumber("XM-0001").flatMap(m -> directory.org(m.orgId()))
                .map(OrgInfo::parentId).orElse(null);
        LocalDate day = LocalDate.now(zone).plusDays(30);
        OffsetDateTime opens = OffsetDateTime.now(zone).minusDays(1).withNano(0);
        Fair fair = fairs.createFair(Caller.SYSTEM, new FairRequest("海沧区工会集市·春季消费季 Haicang Union Fair",
                "工会惠工 · 月月有主题 Spring consumption", "海沧区文化中心广场 Haicang Culture Centre Square", haicang,
                day.atTime(LocalTime.of(9, 0)).atZone(zone).toOffsetDateTime(),
                day.atTime(LocalTime.of(21, 0)).atZone(zone).toOffsetDateTime(), 30, null, opens,
                day.minusDays(2).atTime(LocalTime.of(18, 0)).atZone(zone).toOffsetDateTime(), null,
                List.of("特惠购物 discount shopping", "招聘 job recruitment", "法律援助 legal aid", "心理咨询 counselling",
                        "义诊 free clinic", "入会 union sign-up", "文艺演出 performances")));
        fairs.createBatch(Caller.SYSTEM, new CouponBatchRequest(fair.id(), "满30减20 spend 30 save 20", CouponKind.THRESHOLD,
                new BigDecimal("30.00"), new BigDecimal("20.00"), null, 1000, 1, opens,
                day.atTime(LocalTime.of(21, 0)).atZone(zone).toOffsetDateTime(), null));
        logger.info("Fairs demo data created: fair {} with 30 stalls and a 30/20 coupon batch", fair.id());
    }
}
