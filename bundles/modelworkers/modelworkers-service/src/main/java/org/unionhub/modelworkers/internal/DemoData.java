package org.unionhub.modelworkers.internal;

import java.math.BigDecimal;
import java.util.Set;


import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.MemberInfo;
import org.unionhub.api.OrgInfo;
import org.unionhub.api.PageRequest;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.api.validation.IdCardNumber;

/**
 * Demo installs only, on an empty archive: a few model workers of the Haicang district (the core demo
 * district and 陈建国's port union), one of them 陈建国 himself, a subsidy, a survey and a draft nomination.
 */
@Component(service = DemoData.class, immediate = true)
public class DemoData {

    private final Logger logger = LoggerFactory.getLogger(DemoData.class);

    @Activate
    public DemoData(@Reference HubSettings settings, @Reference MemberDirectory directory, @Reference Archive archive,
            @Reference Subsidies subsidies, @Reference SubsidyApplications applications, @Reference Nominations nominations) {
        Caller sys = Caller.SYSTEM;
        // the core's demo rows are found from the demo member 陈建国's card, not by id: Derby may skip identity values
        // under concurrent DDL (in one CI run the demo organisations started at 100, and this demo was skipped)
        MemberInfo chenInfo = directory.memberByCardNumber("XM-0001").orElse(null);
        if (!settings.demo() || chenInfo == null
                || archive.search(sys, new RecordFilter(null, null, null, null, null), PageRequest.of(0, 1)).total() > 0) {
            return;
        }
        Long chen = chenInfo.id();
        long portUnion = chenInfo.orgId();
        long haicang = directory.org(portUnion).map(OrgInfo::parentId).orElseThrow();
        long city = directory.org(haicang).map(OrgInfo::parentId).orElseThrow();
        RecordView port = archive.create(sys, new RecordRequest("陈建国", "11010519491231002X", "NATIONAL_MODEL_WORKER", 2005,
                "中华全国总工会", "厦门海沧港务有限公司", portUnion, "13800000001", RecordStatus.RETIRED, chen));
        archive.create(sys, new RecordRequest("李秀英", id("35020519780315002"), "MAY_DAY_MEDAL", 2019, "中华全国总工会",
                "厦门海沧港务有限公司", portUnion, "13800000011", RecordStatus.ACTIVE, null));
        archive.create(sys, new RecordRequest("黄志明", id("35020519650702001"), "REGIONAL_MODEL_WORKER", 2010, "福建省人民政府",
                "海沧区环卫所", haicang, "13800000012", RecordStatus.ACTIVE, null));
        archive.create(sys, new RecordRequest("吴国强", id("35020519400101001"), "NATIONAL_ADVANCED_WORKER", 1989, "国务院",
                "海沧区第一中学", haicang, null, RecordStatus.DECEASED, null));
        // applied for by the district officer, reviewed by the city's approver, paid by the city's payer (demo accounts)
        SubsidyApplication applied = applications.apply(new Caller("officer", Set.of(Roles.OFFICER), haicang, null),
                new SubsidyRequest(port.id(), SubsidyKind.ANNUAL_SPECIAL, 2024, null, null));
        applications.approve(new Caller("approver", Set.of(Roles.OFFICER, SubsidyApplications.REVIEWER), city, null), applied.id(),
                null);
        applications.pay(new Caller("payer", Set.of(Roles.OFFICER, SubsidyApplications.PAYER), city, null), applied.id(),
                new SubsidyPayment(city, "劳模专项补助资金"));
        subsidies.putSurvey(sys, port.id(), 2024, new SurveyRequest(Survey.IncomeBand.LOW, Survey.Health.SERIOUS_ILLNESS,
                Survey.Housing.ADEQUATE, new BigDecimal("260000.00"), "医疗费用自付部分较高"));
        nominations.create(sys, new NominationRequest(portUnion, "林晓燕", null, "厦门海沧港务有限公司", "13800000002",
                "REGIONAL_MODEL_WORKER", null));
        logger.info("Model-worker demo data created: 4 archive records, 1 subsidy, 1 survey, 1 draft nomination");
    }

    /** A valid number from its first 17 digits. */
    private static String id(String first17) {
        return first17 + IdCardNumber.checkCharacter(first17);
    }
}
