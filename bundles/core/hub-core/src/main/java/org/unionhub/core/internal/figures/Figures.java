package org.unionhub.core.internal.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.Validation;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.figures.Figure;
import org.unionhub.api.figures.ModuleFigures;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.core.internal.figures.FiguresStore.OrgNode;

/**
 * Figures upward: asks every module that registers {@link ModuleFigures} (whichever are installed) for what it
 * counted at each organisation in a period, adds each organisation's figures to its parent's up to the report's
 * top, and sets the region's targets beside them. An officer reports from his union down; an admin from any.
 */
@Component(service = Figures.class)
public class Figures {

    static final BigDecimal MAX_TARGET = new BigDecimal("9999999999999999.99");

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final MemberDirectory directory;
    private final List<ModuleFigures> modules = new CopyOnWriteArrayList<>();

    @Activate
    public Figures(@Reference(target = "(unionhub.module=core)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference MemberDirectory directory) {
        this.db = db;
        this.audit = audit;
        this.directory = directory;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addModule(ModuleFigures m) {
        modules.add(m);
    }

    void removeModule(ModuleFigures m) {
        modules.remove(m);
    }

    public FigureReport report(Caller caller, String periodText, Long orgId) {
        Period period = Period.parse(periodText, "period");
        List<ModuleFigures> reporting = new ArrayList<>(modules);
        reporting.sort(Comparator.comparing(ModuleFigures::module));
        return db.read(c -> {
            long top = top(caller, orgId, FiguresStore.roots(c));
            List<OrgNode> tree = FiguresStore.subtree(c, top);
            if (tree.isEmpty()) {
                throw HubException.notFound("organisation", top);
            }
            Map<String, BigDecimal> targets = FiguresStore.targets(c, period.name(), tree.get(0).path());
            int topDepth = tree.get(0).depth();
            List<FigureRow> rows = new ArrayList<>();
            for (ModuleFigures m : reporting) {
                Map<Long, Map<String, BigDecimal>> own = m.countedAt(period.from(), period.to());
                Map<Long, Map<String, BigDecimal>> total = rollUp(tree, own);
                for (OrgNode o : tree) {
                    for (Figure f : m.figures()) {
                        BigDecimal mine = value(own, o.id(), f.key());
                        BigDecimal all = value(total, o.id(), f.key());
                        BigDecimal target = targets.get(FiguresStore.key(o.id(), m.module(), f.key()));
                        BigDecimal achieved = target == null || target.signum() == 0 ? null
                                : all.divide(target, 4, RoundingMode.HALF_UP);
                        rows.add(new FigureRow(o.id(), o.name(), o.kind(), o.parentId(), o.depth() - topDepth, m.module(),
                                f.key(), f.label(), f.unit(), mine, all, target, achieved));
                    }
                }
            }
            return new FigureReport(period.name(), period.from(), period.to(), top,
                    reporting.stream().map(ModuleFigures::module).toList(), rows);
        });
    }

    /**
     * Each organisation's total is its own count plus its children's totals: organisations are visited deepest
     * first, each adding its total to its parent's, so every value is added once per ancestor.
     */
    static Map<Long, Map<String, BigDecimal>> rollUp(List<OrgNode> tree, Map<Long, Map<String, BigDecimal>> own) {
        Map<Long, Map<String, BigDecimal>> total = new HashMap<>();
        for (OrgNode o : tree) {
            total.put(o.id(), new LinkedHashMap<>(own.getOrDefault(o.id(), Map.of())));
        }
        List<OrgNode> deepestFirst = new ArrayList<>(tree);
        deepestFirst.sort(Comparator.comparingInt(OrgNode::depth).reversed());
        for (OrgNode o : deepestFirst) {
            Map<String, BigDecimal> parent = o.parentId() == null ? null : total.get(o.parentId());
            if (parent != null) {
                total.get(o.id()).forEach((k, v) -> parent.merge(k, v, BigDecimal::add));
            }
        }
        return total;
    }

    private static BigDecimal value(Map<Long, Map<String, BigDecimal>> values, long orgId, String key) {
        BigDecimal v = values.getOrDefault(orgId, Map.of()).get(key);
        return v == null ? BigDecimal.ZERO : v;
    }

    /** The report's top: the one asked for (within an officer's union), else the officer's union or the tree's root. */
    private long top(Caller caller, Long orgId, List<Long> roots) {
        if (orgId != null) {
            if (!caller.canManage(orgId, directory)) {
                throw HubException.forbidden("officers report their own union and the unions below it");
            }
            return orgId;
        }
        if (caller.hasRole(Roles.OFFICER) && !caller.isAdmin() && caller.orgId() != null) {
            return caller.orgId();
        }
        if (caller.isAdmin() && roots.size() == 1) {
            return roots.get(0);
        }
        throw HubException.badRequest("orgId", roots.isEmpty() ? "there is no organisation yet"
                : "is required: the hub has " + roots.size() + " top organisations");
    }

    /** The region sets a target for a figure of a module, at an organisation, for a period (admin only). */
    public void setTarget(Caller caller, TargetRequest req) {
        Validation v = new Validation();
        v.required("orgId", req.orgId());
        v.required("period", req.period());
        v.required("module", req.module()).maxLength("module", req.module(), 64);
        v.required("figure", req.figure()).maxLength("figure", req.figure(), 64);
        v.required("target", req.target());
        v.valid("target", req.target(), t -> t.signum() >= 0 && t.scale() <= 2 && t.compareTo(MAX_TARGET) <= 0,
                "must be 0 or more, with at most 2 decimals");
        v.throwIfInvalid();
        Period period = Period.parseField(req.period(), "period");
        ModuleFigures m = modules.stream().filter(x -> x.module().equals(req.module())).findFirst()
                .orElseThrow(() -> HubException.invalid("module", "no installed module " + req.module() + " reports figures"));
        if (m.figures().stream().noneMatch(f -> f.key().equals(req.figure()))) {
            throw HubException.invalid("figure", "module " + req.module() + " reports no figure " + req.figure());
        }
        if (directory.org(req.orgId()).isEmpty()) {
            throw HubException.invalid("orgId", "organisation " + req.orgId() + " does not exist");
        }
        db.inTransaction(c -> {
            FiguresStore.setTarget(c, req.orgId(), period.name(), req.module(), req.figure(), req.target(), caller.username());
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("period", period.name());
            changes.put("module", req.module());
            changes.put("figure", req.figure());
            changes.put("target", req.target());
            audit.record(c, caller, "core.figures.target", "org", req.orgId(), changes);
            return null;
        });
    }
}
