package org.unionhub.core.internal.directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.HubException;
import org.unionhub.api.csv.Csv;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.PersonalDataCipher;
import org.unionhub.api.security.Roles;

/**
 * The members of an organisation's subtree as CSV, written while a JDBC cursor walks the index (ORG_PATH, ID): a
 * city's hundred thousand members, or a province's million, never sit in the heap together. Admins get ID
 * numbers in full (so the file imports again), officers masked, as on screen.
 */
@Component(service = MemberExport.class)
public class MemberExport {

    static final String HEADER = Csv.line("id", "name", "phone", "orgId", "employmentForm", "newFormKind", "cardNumber",
            "joinedOn", "idNumber");

    private final ModuleDatabase db;
    private final Directory directory;
    private final PersonalDataCipher cipher;

    @Activate
    public MemberExport(@Reference(target = "(unionhub.module=core)") ModuleDatabase db, @Reference Directory directory,
            @Reference PersonalDataCipher cipher) {
        this.db = db;
        this.directory = directory;
        this.cipher = cipher;
    }

    /** Checks the caller and the organisation before the response starts, so that a refusal is still a 4xx. */
    public void check(Caller caller, Long orgId) {
        if (!caller.isAdmin() && !(caller.hasRole(Roles.OFFICER) && caller.orgId() != null)) {
            throw HubException.forbidden("requires role officer or admin");
        }
        if (orgId != null && directory.orgPath(orgId).isEmpty()) {
            throw HubException.badRequest("orgId", "organisation " + orgId + " does not exist");
        }
    }

    public void write(Caller caller, Long orgId, Writer out) {
        db.read(c -> {
            String scope = directory.scopePath(c, caller, orgId);
            List<Object> params = new ArrayList<>();
            String where = "";
            if (scope != null) {
                where = " WHERE ORG_PATH LIKE ?";
                params.add(scope + "%");
            }
            try {
                out.write(HEADER);
                Sql.forEach(c, "SELECT ID, NAME, PHONE, ORG_ID, EMPLOYMENT_FORM, NEW_FORM_KIND, CARD_NUMBER, JOINED_ON, "
                        + "ID_SEALED, ID_MASKED FROM HUB_MEMBER" + where + " ORDER BY ORG_PATH, ID", rs -> {
                            String sealed = rs.getString("ID_SEALED");
                            String id = sealed == null ? null : caller.isAdmin() ? cipher.decrypt(sealed) : rs.getString("ID_MASKED");
                            try {
                                out.write(Csv.line(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                                        rs.getString(6), rs.getString(7), Sql.getDate(rs, "JOINED_ON"), id));
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                            return null;
                        }, params.toArray());
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }
}
