package org.unionhub.fairs.internal;

import java.sql.SQLException;
import java.time.Instant;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.todo.SqlTodos;
import org.unionhub.api.todo.TodoSource;

/**
 * The fairs' 待办 of an officer (his organisation and below): stall applications allocated for fairs that have not
 * begun (his to check and, if unfit, reject before the fair) and fairs that have ended but are not closed yet.
 */
@Component(service = TodoSource.class)
public class FairsTodos extends SqlTodos {

    @Activate
    public FairsTodos(@Reference(target = "(unionhub.module=fairs)") ModuleDatabase db, @Reference MemberDirectory directory) {
        super("fairs", db, directory);
    }

    @Override
    protected void count(Counts counts) throws SQLException {
        Instant now = Instant.now();
        counts.add("applications.allocated", "待审核摊位申请", "/fairs/applications?status=ALLOCATED", "F.ORG_ID",
                "SELECT COUNT(*) FROM FAIRS_APPLICATION A JOIN FAIRS_FAIR F ON F.ID = A.FAIR_ID "
                        + "WHERE A.STATUS = 'ALLOCATED' AND F.CLOSED_AT IS NULL AND F.STARTS_AT > ?", now);
        counts.add("fairs.to-close", "待关闭集市", "/fairs?state=CLOSED", "F.ORG_ID",
                "SELECT COUNT(*) FROM FAIRS_FAIR F WHERE F.CLOSED_AT IS NULL AND F.ENDS_AT <= ?", now);
    }
}
