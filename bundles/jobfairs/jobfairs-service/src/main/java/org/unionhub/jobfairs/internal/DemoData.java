package org.unionhub.jobfairs.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.OrgInfo;
import org.unionhub.api.PageRequest;
import org.unionhub.api.security.Caller;
import org.unionhub.api.validation.CreditCode;
import org.unionhub.jobfairs.api.FairMode;

/**
 * Demo installs only, on empty tables: a hybrid fair of 海沧区总工会 (org 2 of the core demo) in the
 * style of Shenzhen Bao'an and Shanghai, and a livestream fair in the style of Guangzhou Nansha.
 */
@Component(service = DemoData.class, immediate = true)
public class DemoData {

    private final Logger logger = LoggerFactory.getLogger(DemoData.class);

    @Activate
    public DemoData(@Reference Env env, @Reference FairService fairs, @Reference EmployerService employers,
            @Reference PositionService positions, @Reference LivestreamService livestreams) {
        // the core's demo district is found from a demo member's card, not by id: Derby may skip identity values
        // under concurrent DDL (one CI run's demo organisations started at 100)
        Long haicang = env.directory.memberByCardNumber("XM-0001").flatMap(m -> env.directory.org(m.orgId()))
                .map(OrgInfo::parentId).orElse(null);
        if (!env.demo() || fairs.list(null, null, null, PageRequest.of(0, 1)).total() > 0 || haicang == null) {
            return;
        }
        Caller sys = Caller.SYSTEM;
        OffsetDateTime day = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.DAYS).plusDays(14).withHour(9);
        Fair spring = fairs.create(sys, new FairRequest(haicang, "2025海沧区总工会春风行动招聘会 Haicang Spring Job Fair", FairMode.HYBRID,
                "海沧区文化中心 Haicang Culture Centre", null, day, day.withHour(16),
                List.of("职业规划 Career planning", "技能提升 Skills upgrade", "劳动法律咨询 Labour-law advice",
                        "心理疏导 Counselling", "工会入会 Union sign-up"), 30, null));
        Employer port = employer(employers, positions, sys, spring.id(), "厦门海沧港务有限公司", 1, "freight",
                CompanySize.LARGE, true);
        post(positions, sys, spring.id(), port, "集装箱桥吊司机 Gantry crane operator", 6, "8000", "12000", Education.VOCATIONAL, 2);
        post(positions, sys, spring.id(), port, "理货员 Tally clerk", 10, "5500", "7000", Education.SENIOR_HIGH, 0);
        Employer chips = employer(employers, positions, sys, spring.id(), "厦门海沧半导体科技有限公司", 2,
                "semiconductors", CompanySize.MEDIUM, true);
        post(positions, sys, spring.id(), chips, "晶圆设备技术员 Wafer equipment technician", 8, "7000", "11000",
                Education.JUNIOR_COLLEGE, 1);

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.HOURS);
        Fair live = fairs.create(sys, new FairRequest(haicang, "工会主席直播带岗 Union chairman's livestream job fair",
                FairMode.LIVESTREAM, null, "https://live.example.org/haicang", now.minusHours(1), now.plusDays(1), List.of(), null, null));
        Employer yard = employer(employers, positions, sys, live.id(), "海沧船舶重工有限公司", 3, "shipbuilding",
                CompanySize.LARGE, false);
        Position welder = post(positions, sys, live.id(), yard, "船体电焊工 Hull welder", 40, "9000", "14000", Education.JUNIOR_MIDDLE, 1);
        Employer gold = employer(employers, positions, sys, live.id(), "海沧珠宝首饰有限公司", 4, "jewellery",
                CompanySize.SMALL, false);
        Position polisher = post(positions, sys, live.id(), gold, "首饰抛光工 Jewellery polisher", 12, "6000", "8500",
                Education.JUNIOR_MIDDLE, 0);
        livestreams.create(sys, live.id(), new LivestreamRequest("看企业·选岗位·投简历 See, pick, send", "海沧区总工会主席",
                "https://live.example.org/haicang/1", now.minusHours(1), now.plusHours(3), List.of(welder.id(), polisher.id())));
        logger.info("Job fairs demo data created: 2 fairs, 4 employers, 5 positions, 1 livestream");
    }

    private static Employer employer(EmployerService employers, PositionService positions, Caller sys, long fairId,
            String name, int n, String industry, CompanySize size, boolean booth) {
        String first17 = String.format("913502050000000%02d", n);
        Employer e = employers.register(sys, fairId, new EmployerRequest(name, first17 + CreditCode.checkCharacter(first17),
                industry, size, "人事部 HR", "0592-6000000", null, booth, null));
        return employers.approve(sys, e.id(), new Review("demo", null));
    }

    private static Position post(PositionService positions, Caller sys, long fairId, Employer e, String title, int headcount,
            String min, String max, Education education, int years) {
        return positions.create(sys, fairId, new PositionRequest(e.id(), title, null, headcount, new BigDecimal(min),
                new BigDecimal(max), education, years, "厦门海沧 Haicang, Xiamen", null, null));
    }
}
