package org.unionhub.core.internal.security;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.db.Keyset;

/** The list of accounts on the list contract: filters in SQL, keyset pages by user name. */
final class AccountPages {

    /** By user name, the primary key: members who sign in make this a long list too. */
    private static final Keyset PAGES = Keyset.by("A.USERNAME", "username", String.class);

    private AccountPages() {
    }

    static Page<Account> list(Connection c, String role, Long orgId, PageRequest page) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (role != null) {
            where.append(" AND ',' || A.ROLES || ',' LIKE ?");
            params.add("%," + role + ",%");
        }
        if (orgId != null) {
            // one organisation's accounts (the console's 组织 → 账号): index HUB_ACCOUNT_ORG (ORG_ID, USERNAME), core V14
            where.append(" AND A.ORG_ID = ?");
            params.add(orgId);
        }
        return PAGES.page(c, "SELECT A.*", " FROM HUB_ACCOUNT A" + where, params, page, AccountStore::account);
    }
}
