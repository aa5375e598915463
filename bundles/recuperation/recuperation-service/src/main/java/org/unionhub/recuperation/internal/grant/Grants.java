package org.unionhub.recuperation.internal.grant;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.Money;
import org.unionhub.api.OrgInfo;
import org.unionhub.api.OrgKind;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.OrgScope;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.api.validation.CreditCode;
import org.unionhub.api.validation.Texts;
import org.unionhub.recuperation.internal.Catalogue;
import org.unionhub.recuperation.internal.settle.PaymentRequest;
import org.unionhub.recuperation.internal.settle.SeparateDuties;

/**
 * Grants to private enterprises' own trips ("给予非公企业职工疗休养活动经费补助"): the enterprise's union applies, a
 * union above it (never the applicant's own) approves at most what was asked or rejects, and pays; after the trip the
 * enterprise union reports who went and what it cost.
 */
@Component(service = Grants.class)
public class Grants {

    /** The unions of enterprises: grassroots and industry unions apply; federations at county level and above review. */
    static final Set<OrgKind> APPLICANTS = EnumSet.of(OrgKind.GRASSROOTS, OrgKind.INDUSTRY);

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final MemberDirectory directory;
    private final Catalogue catalogue;

    @Activate
    public Grants(@Reference(target = "(unionhub.module=recuperation)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference MemberDirectory directory, @Reference Catalogue catalogue) {
        this.db = db;
        this.audit = audit;
        this.directory = directory;
        this.catalogue = catalogue;
    }

    public Grant apply(Caller caller, GrantRequest r) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        Validation v = new Validation();
        v.required("orgId", r.orgId()).required("enterpriseName", r.enterpriseName()).required("title", r.title())
                .required("startDate", r.startDate()).required("days", r.days()).positive("days", r.days())
                .required("persons", r.persons()).positive("persons", r.persons()).required("amount", r.amount())
                .money("amount", r.amount()).positive("amount", r.amount());
        v.check(r.enterpriseName() == null || !r.enterpriseName().isBlank(), "enterpriseName", "must not be blank");
        v.check(r.title() == null || !r.title().isBlank(), "title", "must not be blank");
        v.check(r.days() == null || r.days() <= 30, "days", "a recuperation trip lasts at most 30 days");
        String problem = CreditCode.problem(r.creditCode());
        v.check(problem == null, "creditCode", problem);
        v.throwIfInvalid();
        OrgInfo org = directory.org(r.orgId()).orElseThrow(() -> HubException.invalid("orgId", "organisation " + r.orgId()
                + " does not exist"));
        if (!APPLICANTS.contains(org.kind())) {
            throw HubException.invalid("orgId", org.name() + " is a " + org.kind() + "; an enterprise's own union applies");
        }
        if (!caller.canManage(org.id(), directory)) {
            throw HubException.forbidden("organisation " + org.id() + " is outside your part of the federation");
        }
        long id = db.inTransaction(c -> {
            long gid = GrantStore.insert(c, r, CreditCode.normalize(r.creditCode()), caller.username());
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("orgId", r.orgId());
            changes.put("creditCode", CreditCode.normalize(r.creditCode()));
            changes.put("persons", r.persons());
            changes.put("amount", r.amount());
            audit.record(c, caller, "recuperation.grant.apply", "grant", gid, changes);
            return gid;
        });
        return load(id);
    }

    public Grant review(Caller caller, long id, GrantReview r) {
        Validation v = new Validation();
        v.required("approve", r.approve()).money("approvedAmount", r.approvedAmount()).positive("approvedAmount", r.approvedAmount());
        v.check(r.approve() == null || r.approve() || r.note() != null && !r.note().isBlank(), "note", "a rejection says why");
        v.check(r.approve() == null || r.approve() || r.approvedAmount() == null, "approvedAmount", "a rejection approves nothing");
        v.throwIfInvalid();
        db.inTransaction(c -> {
            Grant g = above(c, caller, id);
            BigDecimal amount = r.approvedAmount() == null ? g.requested() : Money.normalize(r.approvedAmount());
            if (amount.compareTo(g.requested()) > 0) {
                throw HubException.invalid("approvedAmount", "must not exceed the " + g.requested().toPlainString() + " CNY asked");
            }
            String note = Texts.blankToNull(r.note());
            if (!GrantStore.review(c, id, r.approve(), amount, caller.username(), note)) {
                throw HubException.conflict("status", "grant " + id + " is " + g.status() + ", not APPLIED");
            }
            audit.record(c, caller, r.approve() ? "recuperation.grant.approve" : "recuperation.grant.reject", "grant", id,
                    Map.of("approved", r.approve() ? amount : Money.ZERO, "note", note == null ? "" : note));
            return null;
        });
        return load(id);
    }

    public Grant pay(Caller caller, long id, PaymentRequest r) {
        Validation v = new Validation();
        v.required("paymentReference", r.paymentReference()).check(r.paymentReference() == null || !r.paymentReference().isBlank(),
                "paymentReference", "must not be blank");
        v.throwIfInvalid();
        db.inTransaction(c -> {
            Grant g = above(c, caller, id);
            if (!GrantStore.pay(c, id, caller.username(), r.paymentReference().trim())) {
                throw HubException.conflict("status", "grant " + id + " is " + g.status() + "; only an APPROVED grant is paid");
            }
            audit.record(c, caller, "recuperation.grant.pay", "grant", id, Map.of("amount", g.approved(), "paymentReference",
                    r.paymentReference().trim()));
            return null;
        });
        return load(id);
    }

    /** The enterprise union reports the trip once it is over and the grant paid. */
    public Grant report(Caller caller, long id, GrantReport r) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        Validation v = new Validation();
        v.required("persons", r.persons()).positive("persons", r.persons()).required("personDays", r.personDays())
                .positive("personDays", r.personDays()).required("spent", r.spent()).money("spent", r.spent());
        v.throwIfInvalid();
        db.inTransaction(c -> {
            Grant g = visible(c, caller, id);
            v.check(r.personDays() >= r.persons(), "personDays", "is at least one day per person");
            v.check(r.personDays() <= (long) r.persons() * g.days(), "personDays", "is at most persons × the trip's " + g.days() + " days");
            v.throwIfInvalid();
            if (!catalogue.today().isAfter(g.startDate().plusDays(g.days() - 1L))) {
                throw HubException.conflict("startDate", "the trip ends on " + g.startDate().plusDays(g.days() - 1L)
                        + "; it is reported from the day after");
            }
            if (!GrantStore.report(c, id, r)) {
                throw HubException.conflict("status", "grant " + id + " is " + g.status() + "; a PAID grant is reported");
            }
            audit.record(c, caller, "recuperation.grant.report", "grant", id, Map.of("persons", r.persons(), "personDays",
                    r.personDays(), "spent", r.spent()));
            return null;
        });
        return load(id);
    }

    public Grant get(Caller caller, long id) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        return db.read(c -> visible(c, caller, id));
    }

    private static final Keyset PAGES = Keyset.by("G.ID");

    public Page<Grant> list(Caller caller, String status, PageRequest page) {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        return db.read(c -> {
            StringBuilder where = new StringBuilder(" FROM RECUPERATION_GRANT G WHERE 1 = 1");
            List<Object> params = new ArrayList<>();
            if (status != null) {
                where.append(" AND G.STATUS = ?");
                params.add(status);
            }
            if (!OrgScope.appendFor(caller, directory, "G.ORG_ID", where, params)) {
                where.append(" AND 1 = 0");
            }
            Page<Long> ids = PAGES.page(c, "SELECT G.ID", where.toString(), params, page, rs -> rs.getLong(1));
            List<Grant> items = new ArrayList<>();
            for (long gid : ids.items()) {
                items.add(GrantStore.load(c, gid, catalogue::at).orElseThrow());
            }
            return new Page<>(items, ids.total(), ids.offset(), ids.limit(), ids.nextCursor(), ids.totalExact());
        });
    }

    private Grant load(long id) {
        return db.read(c -> GrantStore.load(c, id, catalogue::at)).orElseThrow(() -> HubException.notFound("grant", id));
    }

    private Grant visible(Connection c, Caller caller, long id) throws SQLException {
        Grant g = GrantStore.load(c, id, catalogue::at).orElseThrow(() -> HubException.notFound("grant", id));
        if (!caller.canManage(g.orgId(), directory)) {
            throw HubException.notFound("grant", id);
        }
        return g;
    }

    /** The grant, when the caller stands above the applicant: an admin, or an officer of a union above it who did not apply. */
    private Grant above(Connection c, Caller caller, long id) throws SQLException {
        caller.require(Roles.ADMIN, Roles.OFFICER);
        Grant g = visible(c, caller, id);
        SeparateDuties.refuseOwn(caller, g.orgId(), g.appliedBy(), "a grant");
        return g;
    }
}
