package org.unionhub.core.internal;

import java.time.LocalDate;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.EmploymentForm;
import org.unionhub.api.HubSettings;
import org.unionhub.api.NewFormKind;
import org.unionhub.api.OrgKind;
import org.unionhub.api.PageRequest;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.core.internal.directory.Directory;
import org.unionhub.core.internal.directory.Member;
import org.unionhub.core.internal.directory.MemberRequest;
import org.unionhub.core.internal.directory.Org;
import org.unionhub.core.internal.directory.OrgRequest;
import org.unionhub.core.internal.security.AccountStore;

/**
 * Demo installs only: a small Xiamen federation tree, members of each employment form, and the
 * demo accounts the README lists. Runs once, on an empty organisation table. Registered as a service so
 * that {@code /api/health} can wait for it: a demo hub is ready when its demo data is there.
 */
@Component(service = DemoData.class, immediate = true)
public class DemoData {

    private final Logger logger = LoggerFactory.getLogger(DemoData.class);

    @Activate
    public DemoData(@Reference HubSettings settings, @Reference Directory directory, @Reference AccountStore accounts) {
        if (!settings.demo() || directory.listOrgs(Caller.SYSTEM, null, null, null, PageRequest.of(0, 1)).total() > 0) {
            return;
        }
        Caller sys = Caller.SYSTEM;
        Org city = directory.createOrg(sys, new OrgRequest("厦门市总工会 Xiamen Federation of Trade Unions", OrgKind.FEDERATION, null));
        Org haicang = directory.createOrg(sys, new OrgRequest("海沧区总工会 Haicang District Federation", OrgKind.DISTRICT, city.id()));
        Org siming = directory.createOrg(sys, new OrgRequest("思明区总工会 Siming District Federation", OrgKind.DISTRICT, city.id()));
        Org factory = directory.createOrg(sys, new OrgRequest("厦门海沧港务有限公司工会 Haicang Port Co. Union", OrgKind.GRASSROOTS, haicang.id()));
        Org newForm = directory.createOrg(sys, new OrgRequest("海沧区新业态工会联合会 Haicang New-Form Workers Federation",
                OrgKind.NEW_FORM_FEDERATION, haicang.id()));
        directory.createOrg(sys, new OrgRequest("思明区软件园工会 Siming Software Park Union", OrgKind.GRASSROOTS, siming.id()));

        Member port = directory.createMember(sys, new MemberRequest("陈建国", "13800000001", factory.id(), EmploymentForm.EMPLOYEE,
                null, "XM-0001", LocalDate.of(2015, 3, 1), "11010519491231002X"));
        Member frontline = directory.createMember(sys, new MemberRequest("林晓燕", "13800000002", factory.id(),
                EmploymentForm.PRIVATE_FRONTLINE, null, "XM-0002", LocalDate.of(2021, 6, 15), null));
        Member rider = directory.createMember(sys, new MemberRequest("王磊", "13800000003", newForm.id(), EmploymentForm.NEW_FORM,
                NewFormKind.DELIVERY_RIDER, "XM-0003", LocalDate.of(2025, 3, 22), null));
        directory.createMember(sys, new MemberRequest("张伟", "13800000004", newForm.id(), EmploymentForm.NEW_FORM,
                NewFormKind.RIDE_HAILING_DRIVER, "XM-0004", LocalDate.of(2024, 11, 2), null));

        accounts.ensure("officer", "officer", Set.of(Roles.OFFICER), haicang.id(), null);
        accounts.ensure("siming", "siming", Set.of(Roles.OFFICER), siming.id(), null);
        accounts.ensure("member", "member", Set.of(Roles.MEMBER), null, rider.id());
        accounts.ensure("porter", "porter", Set.of(Roles.MEMBER), null, port.id());
        // the member app's three kinds (issue 21): member the rider (新就业形态), porter the national model worker
        // (the model-worker module's demo record is his), worker the frontline employee
        accounts.ensure("worker", "worker", Set.of(Roles.MEMBER), null, frontline.id());
        // mutual-aid claims and model-worker subsidies pass three people (the modules' roles; accounts are plain role
        // names to the core): the district reviews claims, the city approves them and reviews subsidies, the city pays
        accounts.ensure("reviewer", "reviewer", Set.of(Roles.OFFICER, "claims-reviewer"), haicang.id(), null);
        accounts.ensure("approver", "approver", Set.of(Roles.OFFICER, "claims-approver", "subsidy-reviewer"), city.id(), null);
        accounts.ensure("payer", "payer", Set.of(Roles.OFFICER, "fund-payer", "subsidy-payer"), city.id(), null);
        logger.info("Demo data created: 6 organisations, 4 members, accounts officer, siming, member, porter, worker, "
                + "reviewer, approver, payer");
    }
}
