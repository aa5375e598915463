package org.unionhub.modelworkers.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.security.Caller;
import org.unionhub.api.todo.SqlTodos;
import org.unionhub.api.todo.TodoSource;

/**
 * Model workers' 待办: nominations held by the caller's level for his decision (a reviewer's, never those he
 * submitted), nominations returned to his organisation and below, subsidy applications to review (a subsidy reviewer)
 * or to pay (a subsidy payer) in his organisation and below.
 */
@Component(service = TodoSource.class)
public class ModelWorkersTodos extends SqlTodos {

    private static final String APPLICATIONS = "SELECT COUNT(*) FROM MODELWORKERS_SUBSIDY_APPLICATION A "
            + "JOIN MODELWORKERS_RECORD R ON R.ID = A.RECORD_ID WHERE A.STATUS = ?";

    private final NominationLevels levels;

    @Activate
    public ModelWorkersTodos(@Reference(target = "(unionhub.module=modelworkers)") ModuleDatabase db,
            @Reference MemberDirectory directory, @Reference HubSettings hub) {
        super("modelworkers", db, directory);
        this.levels = new NominationLevels(directory, hub);
    }

    @Override
    protected void count(Counts counts) throws SQLException {
        Caller caller = counts.caller();
        boolean admin = caller.isAdmin();
        if (admin || caller.hasRole(Nominations.REVIEWER)) {
            // held at the reviewer's level (a region also holds those with no level yet), never his own submissions
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
            counts.addUnscoped("nominations.submitted", "待审核劳模推荐", "/modelworkers/nominations?state=SUBMITTED",
                    "SELECT COUNT(*) FROM MODELWORKERS_NOMINATION WHERE STATE = 'SUBMITTED'" + held
                            + " AND (SUBMITTED_BY IS NULL OR SUBMITTED_BY <> ?)", p.toArray());
        }
        counts.add("nominations.returned", "被退回的劳模推荐", "/modelworkers/nominations?state=RETURNED", "ORG_ID",
                "SELECT COUNT(*) FROM MODELWORKERS_NOMINATION WHERE STATE = 'RETURNED'");
        if (admin || caller.hasRole(SubsidyApplications.REVIEWER)) {
            counts.add("subsidies.applied", "待审核劳模补助", "/modelworkers/subsidies/applications?status=APPLIED",
                    "R.ORG_ID", APPLICATIONS, SubsidyStatus.APPLIED.name());
        }
        if (admin || caller.hasRole(SubsidyApplications.PAYER)) {
            counts.add("subsidies.approved", "待支付劳模补助", "/modelworkers/subsidies/applications?status=APPROVED",
                    "R.ORG_ID", APPLICATIONS, SubsidyStatus.APPROVED.name());
        }
    }
}
