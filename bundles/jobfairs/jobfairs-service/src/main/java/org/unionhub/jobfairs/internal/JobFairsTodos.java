package org.unionhub.jobfairs.internal;

import java.sql.SQLException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.todo.SqlTodos;
import org.unionhub.api.todo.TodoSource;

/**
 * Job fairs' 待办 for an officer (his organisation and below): employers' registrations waiting for review, and
 * applications to training and study-subsidy programmes waiting for review (submitted) or for payment (approved).
 */
@Component(service = TodoSource.class)
public class JobFairsTodos extends SqlTodos {

    private static final String PROGRAMME_APPLICATIONS = "SELECT COUNT(*) FROM JOBFAIRS_PROGRAMME_APPLICATION A "
            + "JOIN JOBFAIRS_PROGRAMME P ON P.ID = A.PROGRAMME_ID WHERE A.STATUS = ?";

    @Activate
    public JobFairsTodos(@Reference(target = "(unionhub.module=jobfairs)") ModuleDatabase db,
            @Reference MemberDirectory directory) {
        super("jobfairs", db, directory);
    }

    @Override
    protected void count(Counts counts) throws SQLException {
        counts.add("registry.pending", "待审核用人单位登记", "/jobfairs/registry?status=PENDING", "ORG_ID",
                "SELECT COUNT(*) FROM JOBFAIRS_REGISTRY WHERE STATUS = 'PENDING'");
        counts.add("programme-applications.submitted", "待审核培训补贴申请",
                "/jobfairs/programme-applications?status=SUBMITTED", "P.ORG_ID", PROGRAMME_APPLICATIONS, "SUBMITTED");
        counts.add("programme-applications.approved", "待支付培训补贴",
                "/jobfairs/programme-applications?status=APPROVED", "P.ORG_ID", PROGRAMME_APPLICATIONS, "APPROVED");
    }
}
