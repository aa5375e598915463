package org.unionhub.recuperation.internal;

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
 * Recuperation's 待办 for an officer: members' trip requests of his organisation and below not booked yet, and the
 * settlements filed below his union (one above the filer reviews them).
 */
@Component(service = TodoSource.class)
public class RecuperationTodos implements TodoSource {

    private final ModuleDatabase db;
    private final MemberDirectory directory;

    @Activate
    public RecuperationTodos(@Reference(target = "(unionhub.module=recuperation)") ModuleDatabase db,
            @Reference MemberDirectory directory) {
        this.db = db;
        this.directory = directory;
    }

    @Override
    public String moduleId() {
        return "recuperation";
    }

    @Override
    public List<Todo> todos(Caller caller) {
        StringBuilder requests = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (!OrgScope.appendFor(caller, directory, "ORG_ID", requests, params)) {
            return List.of();
        }
        StringBuilder settlements = new StringBuilder();
        List<Object> settlementParams = new ArrayList<>();
        OrgScope.appendFor(caller, directory, "ORGANISER_ORG_ID", settlements, settlementParams);
        if (!caller.isAdmin() && caller.orgId() != null) {
            settlements.append(" AND ORGANISER_ORG_ID <> ?");
            settlementParams.add(caller.orgId());
        }
        return db.read(c -> List.of(
                new Todo("requests.requested", "待处理疗休养申请", Sql.count(c, "SELECT COUNT(*) FROM RECUPERATION_REQUEST "
                        + "WHERE STATUS = 'REQUESTED'" + requests, params.toArray()), "/recuperation/requests?status=REQUESTED"),
                new Todo("settlements.filed", "待审核疗休养结算", Sql.count(c, "SELECT COUNT(*) FROM RECUPERATION_SETTLEMENT "
                        + "WHERE STATUS = 'FILED'" + settlements, settlementParams.toArray()),
                        "/recuperation/settlements?status=FILED")));
    }
}
