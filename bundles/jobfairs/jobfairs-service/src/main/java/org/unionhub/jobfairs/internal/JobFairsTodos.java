package org.unionhub.jobfairs.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.OrgScope;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.todo.TodoSource;

/**
 * Job fairs' 待办 for an officer (his organisation and below): employers' registrations waiting for review, and
 * applications to training and study-subsidy programmes waiting for review (submitted) or for payment (approved).
 */
@Component(service = TodoSource.class)
public class JobFairsTodos implements TodoSource {

    private final ModuleDatabase db;
    private final MemberDirectory directory;

    @Activate
    public JobFairsTodos(@Reference(target = "(unionhub.module=jobfairs)") ModuleDatabase db,
            @Reference MemberDirectory directory) {
        this.db = db;
        this.directory = directory;
    }

    @Override
    public String moduleId() {
        return "jobfairs";
    }

    @Override
    public List<Todo> todos(Caller caller) {
        StringBuilder registry = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (!OrgScope.appendFor(caller, directory, "ORG_ID", registry, params)) {
            return List.of();
        }
        String programmes = "SELECT COUNT(*) FROM JOBFAIRS_PROGRAMME_APPLICATION A JOIN JOBFAIRS_PROGRAMME P "
                + "ON P.ID = A.PROGRAMME_ID WHERE A.STATUS = ?" + registry.toString().replace("ORG_ID", "P.ORG_ID");
        return db.read(c -> {
            List<Object> submitted = new ArrayList<>(List.of("SUBMITTED"));
            submitted.addAll(params);
            List<Object> approved = new ArrayList<>(List.of("APPROVED"));
            approved.addAll(params);
            return List.of(
                    new Todo("registry.pending", "待审核用人单位登记", Sql.count(c, "SELECT COUNT(*) FROM JOBFAIRS_REGISTRY "
                            + "WHERE STATUS = 'PENDING'" + registry, params.toArray()), "/jobfairs/registry?status=PENDING"),
                    new Todo("programme-applications.submitted", "待审核培训补贴申请", Sql.count(c, programmes,
                            submitted.toArray()), "/jobfairs/programme-applications?status=SUBMITTED"),
                    new Todo("programme-applications.approved", "待支付培训补贴", Sql.count(c, programmes,
                            approved.toArray()), "/jobfairs/programme-applications?status=APPROVED"));
        });
    }
}
