package org.unionhub.jobfairs.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.security.Caller;

/**
 * The applications list as employers and officers read it: every CV a page shows of someone other than the caller is
 * a read of his personal data, audited as one row per page ({@code jobfairs.application.list}) in the same
 * transaction as the read (the list's own read runs on that transaction's connection).
 */
@Component(service = CvLists.class)
public class CvLists {

    private final Env env;
    private final ApplicationService applications;

    @Activate
    public CvLists(@Reference Env env, @Reference ApplicationService applications) {
        this.env = env;
        this.applications = applications;
    }

    public Page<Application> list(Caller caller, Long fairId, Long positionId, ApplicationStatus status, PageRequest page) {
        return env.db.inTransaction(c -> {
            Page<Application> shown = applications.list(caller, fairId, positionId, status, page);
            List<Long> others = shown.items().stream()
                    .filter(a -> caller.memberId() == null || caller.memberId() != a.memberId()).map(Application::id).toList();
            Map<String, Object> filter = new LinkedHashMap<>();
            filter.put("fairId", fairId);
            filter.put("positionId", positionId);
            filter.put("status", status);
            CvReads.listed(env.audit, c, caller, "jobfairs.application.list", "application", filter, others);
            return shown;
        });
    }
}
