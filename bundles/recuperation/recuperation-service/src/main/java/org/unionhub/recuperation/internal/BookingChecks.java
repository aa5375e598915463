package org.unionhub.recuperation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.unionhub.api.EmploymentForm;
import org.unionhub.api.HubException;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.MemberInfo;
import org.unionhub.api.Money;
import org.unionhub.api.OrgInfo;
import org.unionhub.api.Validation;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.recuperation.api.BookingQuote;
import org.unionhub.recuperation.api.Category;
import org.unionhub.recuperation.api.SubsidyDecision;
import org.unionhub.recuperation.api.SubsidyDecision.Budget;
import org.unionhub.recuperation.api.SubsidyDecision.MemberSubsidy;
import org.unionhub.recuperation.api.SubsidyPolicy;

/**
 * What a booking request must pass before anything is taken: the request itself, the members and the organiser and the
 * caller's right to book for them, each member's category, the programme still open, and the subsidy policy's decision.
 * All of it is read outside the booking's transaction (the directory and the policy have their own connections).
 */
final class BookingChecks {

    /** A request that passed every check, with what the transaction takes. */
    record Checked(Programme programme, Sanatorium sanatorium, List<Long> memberIds, long organiserId,
            Map<Long, Category> categories, SubsidyDecision decision, String policyId, String policyVersion,
            List<Long> ancestors) {
    }

    private final MemberDirectory directory;
    private final Catalogue catalogue;
    private final Policies policies;
    private final ModelWorkerLookup modelWorkers;
    private final Supplier<ModuleConfig> config;

    BookingChecks(MemberDirectory directory, Catalogue catalogue, Policies policies, ModelWorkerLookup modelWorkers,
            Supplier<ModuleConfig> config) {
        this.directory = directory;
        this.catalogue = catalogue;
        this.policies = policies;
        this.modelWorkers = modelWorkers;
        this.config = config;
    }

    Checked check(Caller caller, BookingRequest req) {
        caller.require(Roles.ADMIN, Roles.OFFICER, Roles.MEMBER);
        boolean officer = caller.hasAnyRole(Roles.ADMIN, Roles.OFFICER);
        Validation v = new Validation();
        List<Long> ids = req.memberIds() == null ? List.of() : req.memberIds();
        Map<Long, Category> declared = req.categories() == null ? Map.of() : req.categories();
        request(caller, req, officer, ids, declared, v);

        Programme p = catalogue.getProgrammeOr422(req.programmeId());
        Map<Long, MemberInfo> members = new LinkedHashMap<>();
        for (Long id : ids) {
            directory.member(id).ifPresentOrElse(m -> members.put(id, m),
                    () -> v.error("memberIds", "member " + id + " does not exist"));
        }
        v.throwIfInvalid();
        long organiserId = officer ? req.organiserOrgId() : members.values().iterator().next().orgId();
        OrgInfo organiser = organiser(caller, req, officer, organiserId, members);
        Map<Long, Category> categories = categories(members, declared, v);
        v.throwIfInvalid();
        if (!p.startDate().isAfter(catalogue.today().plusDays(config.get().closeDaysBefore()))) {
            throw HubException.conflict("programmeId", "programme " + p.id() + " starting " + p.startDate() + " is closed for booking");
        }

        Sanatorium s = catalogue.getSanatorium(p.sanatoriumId());
        List<BookingQuote.Member> travellers = members.values().stream().map(m -> new BookingQuote.Member(m.id(), m.orgId(),
                categories.get(m.id()), directory.isWithin(m.orgId(), organiserId))).toList();
        BookingQuote quote = new BookingQuote(p.startDate(), p.days(), p.pricePerPersonPerDay(), s.id(), s.region(), s.unionOwned(),
                organiserId, organiser.kind(), travellers, s.name());
        // Subsidies are for trips unions organise ("各级工会…组织…开展的各类疗休养活动"): a member who books
        // himself travels at his own cost and draws on no budget; his union books the subsidised trips.
        Optional<SubsidyPolicy> policy = officer ? policies.current() : Optional.empty();
        SubsidyDecision decision = policy.map(pol -> checked(pol, quote))
                .orElseGet(() -> unsubsidised(travellers, officer ? Bookings.NO_POLICY : Bookings.SELF_BOOKED));
        return new Checked(p, s, ids, organiserId, categories, decision, policy.map(SubsidyPolicy::id).orElse(null),
                policy.map(SubsidyPolicy::version).orElse(null), ancestors(organiserId));
    }

    /** The request's own fields: every problem in one 422. */
    private void request(Caller caller, BookingRequest req, boolean officer, List<Long> ids, Map<Long, Category> declared,
            Validation v) {
        v.required("programmeId", req.programmeId());
        v.required("memberIds", req.memberIds());
        v.check(ids.stream().noneMatch(Objects::isNull), "memberIds", "must not contain null");
        v.check(new HashSet<>(ids).size() == ids.size(), "memberIds", "names a member twice");
        v.check(ids.size() <= config.get().maxMembersPerBooking(), "memberIds", "at most " + config.get().maxMembersPerBooking()
                + " members per booking");
        for (Map.Entry<Long, Category> e : declared.entrySet()) {
            v.check(ids.contains(e.getKey()), "categories." + e.getKey(), "is not one of memberIds");
            v.check(e.getValue() != null, "categories." + e.getKey(), "is required");
        }
        if (officer) {
            v.required("organiserOrgId", req.organiserOrgId());
        } else {
            v.check(declared.isEmpty(), "categories", "only an officer declares categories");
            v.check(ids.isEmpty() || ids.equals(List.of(caller.memberId() == null ? -1L : caller.memberId())), "memberIds",
                    "a member books only himself");
        }
        v.throwIfInvalid();
    }

    /** The organising union: it exists, a member books through his own, an officer within his part of the tree. */
    private OrgInfo organiser(Caller caller, BookingRequest req, boolean officer, long organiserId,
            Map<Long, MemberInfo> members) {
        OrgInfo organiser = directory.org(organiserId).orElse(null);
        if (organiser == null) {
            throw HubException.invalid("organiserOrgId", "organisation " + organiserId + " does not exist");
        }
        if (!officer && req.organiserOrgId() != null && req.organiserOrgId() != organiserId) {
            throw HubException.invalid("organiserOrgId", "a member books through his own union " + organiserId);
        }
        if (officer) {
            if (!caller.canManage(organiserId, directory)) {
                throw HubException.forbidden("organisation " + organiserId + " is outside your part of the federation");
            }
            for (MemberInfo m : members.values()) {
                if (!caller.canManage(m.orgId(), directory)) {
                    throw HubException.forbidden("member " + m.id() + " is outside your part of the federation");
                }
            }
        }
        return organiser;
    }

    /** The category each member travels in: declared by the officer and checked, or taken from the employment form. */
    private Map<Long, Category> categories(Map<Long, MemberInfo> members, Map<Long, Category> declared, Validation v) {
        Map<Long, Category> out = new HashMap<>();
        for (MemberInfo m : members.values()) {
            Category c = declared.get(m.id());
            String f = "categories." + m.id();
            if (c == null) {
                c = m.employmentForm() == EmploymentForm.PRIVATE_FRONTLINE ? Category.PRIVATE_FRONTLINE
                        : m.employmentForm() == EmploymentForm.NEW_FORM ? Category.NEW_FORM : null;
            } else if (c == Category.PRIVATE_FRONTLINE || c == Category.NEW_FORM) {
                v.check(m.employmentForm() != null && m.employmentForm().name().equals(c.name()), f,
                        "member " + m.id() + " is " + m.employmentForm() + " in the member directory, not " + c);
            } else if (c == Category.MODEL_WORKER) {
                v.check(modelWorkers.isModelWorker(m.id()).orElse(true), f, "member " + m.id() + " is not a model worker");
            }
            if (c != null) {
                out.put(m.id(), c);
            }
        }
        return out;
    }

    private static SubsidyDecision unsubsidised(List<BookingQuote.Member> travellers, String reason) {
        return new SubsidyDecision(travellers.stream().map(t -> new MemberSubsidy(t.memberId(), Money.ZERO, reason, null)).toList(),
                List.of());
    }

    private static SubsidyDecision checked(SubsidyPolicy policy, BookingQuote quote) {
        SubsidyDecision d = policy.decide(quote);
        Set<Long> asked = quote.members().stream().map(BookingQuote.Member::memberId).collect(Collectors.toSet());
        Set<String> budgets = d.budgets().stream().map(Budget::key).collect(Collectors.toSet());
        boolean ok = d.members().size() == asked.size()
                && d.members().stream().allMatch(m -> asked.contains(m.memberId()) && m.amount() != null && m.amount().signum() >= 0
                        && m.reason() != null && (m.budget() == null || budgets.contains(m.budget())));
        if (!ok) {
            throw new IllegalStateException("subsidy policy " + policy.id() + " " + policy.version() + " answered an invalid decision");
        }
        return new SubsidyDecision(d.members().stream().map(m -> new MemberSubsidy(m.memberId(), Money.normalize(m.amount()),
                m.reason(), m.budget())).toList(), d.budgets());
    }

    /** The organiser and the unions above it, nearest first: the budget is drawn from the nearest one it was allocated to. */
    private List<Long> ancestors(long orgId) {
        List<Long> out = new ArrayList<>();
        Long at = orgId;
        while (at != null && !out.contains(at)) {
            out.add(at);
            at = directory.org(at).map(OrgInfo::parentId).orElse(null);
        }
        return out;
    }
}
