package org.unionhub.mutualaid.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.EmploymentForm;
import org.unionhub.api.HubException;
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;

/**
 * Demo installs only, on empty tables: a Guizhou-style inpatient plan with the four demo members enrolled and the
 * typical case (a 600,000 bill, 200,000 self-paid after public insurance, 60,000 paid), one claim waiting for
 * review, and an accident plan for new-employment-form workers. The core seeds its members at the same time,
 * so this waits for them on its own thread.
 */
@Component(service = DemoData.class, immediate = true)
public class DemoData {

    /**
     * The core's four demo members, found by card rather than by id: Derby may skip identity values under concurrent
     * DDL (one CI run's demo organisations started at 100).
     */
    private static final List<String> CARDS = List.of("XM-0001", "XM-0002", "XM-0003", "XM-0004");

    private final Logger logger = LoggerFactory.getLogger(DemoData.class);
    private final Thread worker;

    @Activate
    public DemoData(@Reference HubSettings settings, @Reference(target = "(unionhub.module=mutualaid)") ModuleDatabase db,
            @Reference MemberDirectory directory, @Reference PlanService plans, @Reference EnrolmentService enrolments,
            @Reference ClaimService claims, @Reference ClaimSubmissions submissions, @Reference ClaimApprovals approvals,
            @Reference Allocations allocations) {
        if (!settings.demo()) {
            worker = null;
            return;
        }
        worker = new Thread(() -> {
            try {
                for (int i = 0; i < 240 && directory.memberByCardNumber(CARDS.get(3)).isEmpty(); i++) {
                    Thread.sleep(250);
                }
                if (directory.memberByCardNumber(CARDS.get(3)).isEmpty()) {
                    logger.info("Mutual aid demo data skipped: the demo members {} are not there", CARDS);
                    return;
                }
                if (db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM MUTUALAID_PLAN")) > 0) {
                    return;
                }
                seed(directory, plans, enrolments, new Claims(claims, submissions, approvals), allocations);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                logger.warn("Mutual aid demo data failed: {}", e.toString(), e);
            }
        }, "unionhub-mutualaid-demo");
        worker.setDaemon(true);
        worker.start();
    }

    @Deactivate
    void stop() throws InterruptedException {
        if (worker != null) {
            worker.interrupt();
            worker.join(5_000);
        }
    }

    /** The claim services the demo goes through. */
    private record Claims(ClaimService steps, ClaimSubmissions submissions, ClaimApprovals approvals) {
    }

    private void seed(MemberDirectory directory, PlanService plans, EnrolmentService enrolments, Claims claims,
            Allocations allocations) {
        Caller sys = Caller.SYSTEM;
        LocalDate today = plans.today();
        LocalDate start = today.minusMonths(6).withDayOfMonth(1);
        LocalDate end = start.plusYears(1).minusDays(1);
        Plan inpatient = plans.create(sys, new PlanRequest("职工住院医疗互助 Inpatient mutual aid (Guizhou model)", PlanKind.INPATIENT,
                start, end, money("30"), null, 90, money("1000"),
                List.of(new Band(money("50000"), new BigDecimal("0.5")), new Band(null, new BigDecimal("0.6"))),
                money("60000"), money("100000"), null, null));
        Plan accident = plans.create(sys, new PlanRequest("新业态劳动者意外伤害互助 Accident cover for new-form workers",
                PlanKind.ACCIDENT, start, end, money("10"), Set.of(EmploymentForm.NEW_FORM), 0, money("500"),
                List.of(new Band(null, new BigDecimal("0.8"))), money("20000"), money("50000"),
                // demo figures, not from the reports: a region sets its own condolence sums
                List.of(new FixedSum(ClaimEvent.DEATH, money("20000")), new FixedSum(ClaimEvent.DISABILITY, money("10000"))),
                null));
        List<Long> members = CARDS.stream().map(card -> directory.memberByCardNumber(card).orElseThrow().id()).toList();
        for (long member : members) {
            enrolments.enrol(sys, inpatient.id(), new EnrolmentRequest(member, null, start, null, null));
        }
        // the riders' federation pays their accident contributions
        for (long member : members.subList(2, 4)) {
            enrolments.enrol(sys, accident.id(), new EnrolmentRequest(member, null, start, PayerKind.UNION,
                    "海沧区新业态工会联合会 Haicang New-Form Workers Federation"));
        }
        // the contributions of four members cannot pay a 60,000 aid: the city union's allocation funds the plan
        allocations.add(sys, inpatient.id(), new AllocationRequest(money("200000"), PayerKind.UNION,
                "厦门市总工会 Xiamen Federation of Trade Unions", "demo allocation"));
        try {
            Claim typical = claims.submissions().submit(sys, new ClaimRequest(inpatient.id(), members.get(0),
                    "贵州省人民医院 Guizhou Provincial People's Hospital", today.minusDays(40), today.minusDays(25), money("600000"),
                    money("400000"), null, null, null));
            // three people, as the demo accounts reviewer, approver and payer: the district, the city, the city's fund
            String path = directory.orgPath(directory.member(members.get(0)).orElseThrow().orgId()).orElse("/");
            String[] ids = path.replaceAll("^/|/$", "").split("/");
            Long city = ids.length > 1 ? Long.valueOf(ids[0]) : null;
            Long district = ids.length > 2 ? Long.valueOf(ids[1]) : city;
            claims.steps().review(new Caller("reviewer", Set.of(Roles.OFFICER, Descriptor.CLAIMS_REVIEWER), district, null),
                    typical.id(), new Decision(null, "invoice and discharge summary checked"));
            claims.approvals().approve(new Caller("approver", Set.of(Roles.OFFICER, Descriptor.CLAIMS_APPROVER), city, null),
                    typical.id(), null);
            claims.steps().pay(new Caller("payer", Set.of(Roles.OFFICER, Descriptor.FUND_PAYER), city, null), typical.id());
            claims.submissions().submit(sys, new ClaimRequest(inpatient.id(), members.get(1),
                    "厦门大学附属第一医院 First Affiliated Hospital of Xiamen University", today.minusDays(12), today.minusDays(5),
                    money("38500.50"), money("26950.35"), null, null, null));
        } catch (HubException e) {
            logger.info("Mutual aid demo claims skipped: {}", e.detail());
        }
        logger.info("Mutual aid demo data created: plans {} and {}, the four demo members enrolled, one claim paid, one submitted",
                inpatient.id(), accident.id());
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount).setScale(2);
    }
}
