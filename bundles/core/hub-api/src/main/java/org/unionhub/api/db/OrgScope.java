package org.unionhub.api.db;

import java.util.List;

import org.unionhub.api.MemberDirectory;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;

/**
 * An officer's scope (his organisation and everything below it) as a condition of a list's query, so that a
 * module reads only the rows it may show instead of reading all and dropping most. The core keeps each
 * organisation's path ({@code HUB_ORG.PATH}, {@code /1/4/17/}, indexed), so the subtree is one index range:
 * {@code ORG_ID IN (SELECT ID FROM HUB_ORG WHERE PATH LIKE '/1/4/%')}. Module tables index their org column
 * together with the list's sort column.
 */
public final class OrgScope {

    private OrgScope() {
    }

    /** The condition on {@code orgColumn}, with one placeholder for {@link #pattern}. */
    public static String subtree(String orgColumn) {
        return orgColumn + " IN (SELECT SCOPE_ORG.ID FROM HUB_ORG SCOPE_ORG WHERE SCOPE_ORG.PATH LIKE ?)";
    }

    /**
     * Appends {@code AND <orgColumn> in the caller's subtree} for an officer bound to an organisation and answers
     * true; answers true and appends nothing for an admin; answers false (appending nothing) for anyone else, whom
     * the list limits in its own way (e.g. to the member's own rows).
     */
    public static boolean appendFor(Caller caller, MemberDirectory directory, String orgColumn, StringBuilder where,
            List<Object> params) {
        if (caller.isAdmin()) {
            return true;
        }
        if (!caller.hasRole(Roles.OFFICER) || caller.orgId() == null) {
            return false;
        }
        where.append(" AND ").append(subtree(orgColumn));
        params.add(directory.orgPath(caller.orgId()).orElse("-") + "%");
        return true;
    }
}
