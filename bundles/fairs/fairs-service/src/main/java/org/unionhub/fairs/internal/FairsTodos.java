package org.unionhub.fairs.internal;

import java.time.Instant;
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
 * The fairs' 待办 of an officer (his organisation and below): stall applications allocated for fairs that have not
 * begun (his to check and, if unfit, reject before the fair) and fairs that have ended but are not closed yet.
 */
@Component(service = TodoSource.class)
public class FairsTodos implements TodoSource {

    private final ModuleDatabase db;
    private final MemberDirectory directory;

    @Activate
    public FairsTodos(@Reference(target = "(unionhub.module=fairs)") ModuleDatabase db, @Reference MemberDirectory directory) {
        this.db = db;
        this.directory = directory;
    }

    @Override
    public String moduleId() {
        return "fairs";
    }

    @Override
    public List<Todo> todos(Caller caller) {
        StringBuilder scope = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (!OrgScope.appendFor(caller, directory, "F.ORG_ID", scope, params)) {
            return List.of();
        }
        Instant now = Instant.now();
        return db.read(c -> {
            List<Object> p = new ArrayList<>(List.of(now));
            p.addAll(params);
            long allocated = Sql.count(c, "SELECT COUNT(*) FROM FAIRS_APPLICATION A JOIN FAIRS_FAIR F ON F.ID = A.FAIR_ID "
                    + "WHERE A.STATUS = 'ALLOCATED' AND F.CLOSED_AT IS NULL AND F.STARTS_AT > ?" + scope, p.toArray());
            long toClose = Sql.count(c, "SELECT COUNT(*) FROM FAIRS_FAIR F WHERE F.CLOSED_AT IS NULL AND F.ENDS_AT <= ?"
                    + scope, p.toArray());
            return List.of(new Todo("applications.allocated", "待审核摊位申请", allocated,
                    "/fairs/applications?status=ALLOCATED"), new Todo("fairs.to-close", "待关闭集市", toClose,
                    "/fairs?state=CLOSED"));
        });
    }
}
