package org.unionhub.modelworkers.internal;

import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.HubException;
import org.unionhub.api.PageRequest;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;

/**
 * A model worker's own record in the member app (issue 21): the record linked to the signed-in member, its titles,
 * its status history and the subsidies paid to him. Read as an officer of the record's own organisation would read
 * it (ID number masked, birth year and sex withheld, no admin read audited), and never anyone else's.
 */
@Component(service = OwnRecord.class)
public class OwnRecord {

    /** Everything the member app shows a model worker about himself; {@code record} null for other members. */
    public record MyRecord(RecordView record, List<HistoryEntry> history, List<SubsidyView> subsidies) {
    }

    private final ModuleDatabase db;
    private final Archive archive;
    private final Subsidies subsidies;

    @Activate
    public OwnRecord(@Reference(target = "(unionhub.module=modelworkers)") ModuleDatabase db, @Reference Archive archive,
            @Reference Subsidies subsidies) {
        this.db = db;
        this.archive = archive;
        this.subsidies = subsidies;
    }

    /**
     * 403 for an account that is not a member's; for a member who is no model worker, no record and empty lists
     * (the app then shows none).
     */
    public MyRecord of(Caller caller) {
        if (caller.memberId() == null) {
            throw HubException.forbidden("only a member's own account has an own record");
        }
        long[] rec = db.read(c -> Sql.one(c, "SELECT ID, ORG_ID FROM " + Archive.RECORD + " WHERE MEMBER_ID = ? "
                + "ORDER BY ID FETCH FIRST 1 ROWS ONLY", rs -> new long[] {rs.getLong(1), rs.getLong(2)}, caller.memberId()))
                .orElse(null);
        if (rec == null) {
            return new MyRecord(null, List.of(), List.of());
        }
        // the member reads his own record as the officer of its organisation would: masked, nothing admin-only
        Caller reader = new Caller(caller.username(), Set.of(Roles.OFFICER), rec[1], caller.memberId());
        return new MyRecord(archive.get(reader, rec[0]), archive.history(reader, rec[0]),
                subsidies.list(reader, rec[0], null, null, null, PageRequest.of(0, PageRequest.MAX_LIMIT)).items());
    }
}
