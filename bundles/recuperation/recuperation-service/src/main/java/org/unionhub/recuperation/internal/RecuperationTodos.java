package org.unionhub.recuperation.internal;

import java.sql.SQLException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.todo.SqlTodos;
import org.unionhub.api.todo.TodoSource;

/**
 * Recuperation's 待办 for an officer: members' trip requests of his organisation and below not booked yet, and the
 * settlements filed below his union (one above the filer reviews them).
 */
@Component(service = TodoSource.class)
public class RecuperationTodos extends SqlTodos {

    @Activate
    public RecuperationTodos(@Reference(target = "(unionhub.module=recuperation)") ModuleDatabase db,
            @Reference MemberDirectory directory) {
        super("recuperation", db, directory);
    }

    @Override
    protected void count(Counts counts) throws SQLException {
        counts.add("requests.requested", "待处理疗休养申请", "/recuperation/requests?status=REQUESTED", "ORG_ID",
                "SELECT COUNT(*) FROM RECUPERATION_REQUEST WHERE STATUS = 'REQUESTED'");
        counts.addBelow("settlements.filed", "待审核疗休养结算", "/recuperation/settlements?status=FILED",
                "ORGANISER_ORG_ID", "SELECT COUNT(*) FROM RECUPERATION_SETTLEMENT WHERE STATUS = 'FILED'");
    }
}
