package org.unionhub.core.internal.directory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.unionhub.api.HubException;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;

/**
 * The tree's scoping rules: an officer sees and manages his organisation and everything below it, an admin
 * everything. Each organisation's materialised path ({@code /1/4/17/}) answers "is it below" as a prefix test; the
 * paths are cached, since they change only on an organisation write and are asked for on nearly every request.
 */
final class OrgPaths {

    private final Map<Long, String> cache = new ConcurrentHashMap<>();

    /** After a move in the tree: the paths below the moved organisation changed. */
    void clear() {
        cache.clear();
    }

    /**
     * The path, from the cache without taking a connection when it can: other modules ask while they hold a
     * connection of their own, and a rush of them must not wait for a second one.
     */
    Optional<String> path(ModuleDatabase db, long orgId) {
        String cached = cache.get(orgId);
        return cached != null ? Optional.of(cached) : db.read(c -> Optional.ofNullable(pathOrNull(c, orgId)));
    }

    /** True when the organisation is the scope organisation or below it; false when either does not exist. */
    boolean isWithin(ModuleDatabase db, long orgId, long scopeOrgId) {
        String p = cache.get(orgId);
        String scope = cache.get(scopeOrgId);
        if (p != null && scope != null) {
            return p.startsWith(scope);
        }
        return db.read(c -> {
            String path = pathOrNull(c, orgId);
            String scopePath = pathOrNull(c, scopeOrgId);
            return path != null && scopePath != null && path.startsWith(scopePath);
        });
    }

    String pathOrNull(Connection c, long orgId) throws SQLException {
        String cached = cache.get(orgId);
        if (cached != null) {
            return cached;
        }
        Optional<String> p = Sql.one(c, "SELECT PATH FROM HUB_ORG WHERE ID = ?", rs -> rs.getString(1), orgId);
        p.ifPresent(v -> cache.put(orgId, v));
        return p.orElse(null);
    }

    String path(Connection c, long orgId) throws SQLException {
        String p = pathOrNull(c, orgId);
        if (p == null) {
            throw HubException.notFound("organisation", orgId);
        }
        return p;
    }

    boolean canSee(Connection c, Caller caller, long orgId) throws SQLException {
        if (caller.isAdmin()) {
            return true;
        }
        String p = pathOrNull(c, orgId);
        if (p == null) {
            return false;
        }
        if (caller.hasRole(Roles.OFFICER) && caller.orgId() != null) {
            return p.startsWith(path(c, caller.orgId()));
        }
        return false;
    }

    /** True when the organisation is one of the unions above the officer's own (its path a prefix of his). */
    boolean isAbove(Connection c, Caller caller, long orgId) throws SQLException {
        String p = pathOrNull(c, orgId);
        return p != null && caller.hasRole(Roles.OFFICER) && caller.orgId() != null && path(c, caller.orgId()).startsWith(p);
    }

    void requireManage(Connection c, Caller caller, long orgId) throws SQLException {
        if (caller.isAdmin()) {
            return;
        }
        if (!caller.hasRole(Roles.OFFICER) || caller.orgId() == null) {
            throw HubException.forbidden("requires role officer or admin");
        }
        String p = pathOrNull(c, orgId);
        if (p == null || !p.startsWith(path(c, caller.orgId()))) {
            throw HubException.forbidden("organisation " + orgId + " is outside your organisation");
        }
    }

    void requireOrg(Connection c, long orgId) throws SQLException {
        if (pathOrNull(c, orgId) == null) {
            throw HubException.invalid("orgId", "organisation " + orgId + " does not exist");
        }
    }

    /** Limits a query of HUB_ORG to the caller's part of the tree. */
    void scopeOrgs(Connection c, Caller caller, StringBuilder where, List<Object> params) throws SQLException {
        if (caller.isAdmin()) {
            return;
        }
        if (caller.hasRole(Roles.OFFICER) && caller.orgId() != null) {
            where.append(" AND PATH LIKE ?");
            params.add(path(c, caller.orgId()) + "%");
        } else {
            where.append(" AND 1 = 0");
        }
    }

    /**
     * The organisation path an officer's or admin's member list is limited to: an officer's own, narrowed by the
     * {@code orgId} filter; {@code "-"} (matching nothing) when the filter lies outside it; null for no limit.
     */
    String scopePath(Connection c, Caller caller, Long orgId) throws SQLException {
        String own = caller.isAdmin() ? null : path(c, caller.orgId());
        if (orgId == null) {
            return own;
        }
        String wanted = pathOrNull(c, orgId);
        if (wanted == null) {
            return "-";
        }
        if (own == null || wanted.startsWith(own)) {
            return wanted;
        }
        return own.startsWith(wanted) ? own : "-";
    }
}
