package org.unionhub.modelworkers.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.OrgScope;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.todo.TodoSource;

/**
 * Model workers' 待办: nominations held by the caller's level for his decision (a reviewer's, never those he
 * submitted), nominations returned to his organisation and below, subsidy applications to review (a subsidy reviewer)
 * or to pay (a subsidy payer) in his organisation and below.
 */
@Component(service = TodoSource.class)
public class ModelWorkersTodos implements TodoSource {

    private final ModuleDatabase db;
    private final MemberDirectory directory;
    private final NominationLevels levels;

    @Activate
    public ModelWorkersTodos(@Reference(target = "(unionhub.module=modelworkers)") ModuleDatabase db,
            @Reference MemberDirectory directory, @Reference HubSettings hub) {
        this.db = db;
        this.directory = directory;
        this.levels = new NominationLevels(directory, hub);
    }

    @Override
    public String moduleId() {
        return "modelworkers";
    }

    @Override
    public List<Todo> todos(Caller caller) {
        StringBuilder scope = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (!OrgScope.appendFor(caller, directory, "ORG_ID", scope, params)) {
            return List.of();
        }
        boolean admin = caller.isAdmin();
        List<Todo> out = new ArrayList<>();
        db.read(c -> {
            if (admin || caller.hasRole(Nominations.REVIEWER)) {
                String held;
                List<Object> p = new ArrayList<>();
                if (admin) {
                    held = "";
                } else if (caller.orgId() != null && levels.isRegion(caller.orgId())) {
                    held = " AND (AT_ORG_ID = ? OR AT_ORG_ID IS NULL)";
                    p.add(caller.orgId());
                } else {
                    held = " AND AT_ORG_ID = ?";
                    p.add(caller.orgId() == null ? -1L : caller.orgId());
                }
                p.add(caller.username());
                out.add(new Todo("nominations.submitted", "待审核劳模推荐", Sql.count(c, "SELECT COUNT(*) FROM "
                        + "MODELWORKERS_NOMINATION WHERE STATE = 'SUBMITTED'" + held
                        + " AND (SUBMITTED_BY IS NULL OR SUBMITTED_BY <> ?)", p.toArray()),
                        "/modelworkers/nominations?state=SUBMITTED"));
            }
            out.add(new Todo("nominations.returned", "被退回的劳模推荐", Sql.count(c, "SELECT COUNT(*) FROM "
                    + "MODELWORKERS_NOMINATION WHERE STATE = 'RETURNED'" + scope, params.toArray()),
                    "/modelworkers/nominations?state=RETURNED"));
            String applications = "SELECT COUNT(*) FROM MODELWORKERS_SUBSIDY_APPLICATION A JOIN MODELWORKERS_RECORD R "
                    + "ON R.ID = A.RECORD_ID WHERE A.STATUS = ?" + scope.toString().replace("ORG_ID", "R.ORG_ID");
            if (admin || caller.hasRole(SubsidyApplications.REVIEWER)) {
                List<Object> p = new ArrayList<>(List.of(SubsidyStatus.APPLIED.name()));
                p.addAll(params);
                out.add(new Todo("subsidies.applied", "待审核劳模补助", Sql.count(c, applications, p.toArray()),
                        "/modelworkers/subsidies/applications?status=APPLIED"));
            }
            if (admin || caller.hasRole(SubsidyApplications.PAYER)) {
                List<Object> p = new ArrayList<>(List.of(SubsidyStatus.APPROVED.name()));
                p.addAll(params);
                out.add(new Todo("subsidies.approved", "待支付劳模补助", Sql.count(c, applications, p.toArray()),
                        "/modelworkers/subsidies/applications?status=APPROVED"));
            }
            return null;
        });
        return out;
    }
}
