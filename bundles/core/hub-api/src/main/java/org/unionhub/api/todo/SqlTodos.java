package org.unionhub.api.todo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.unionhub.api.MemberDirectory;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.OrgScope;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;

/**
 * The usual {@link TodoSource}: each item is one count over the module's own tables, limited to the caller's
 * organisation and below. A module extends it as a DS component, passes its id, its database and the member
 * directory, and adds one count per item in {@link #count}:
 * <pre>
 * protected void count(Counts counts) throws SQLException {
 *     counts.add("registry.pending", "待审核用人单位登记", "/jobfairs/registry?status=PENDING", "ORG_ID",
 *             "SELECT COUNT(*) FROM JOBFAIRS_REGISTRY WHERE STATUS = ?", "PENDING");
 * }
 * </pre>
 * Only an admin (every row) and an officer bound to an organisation (his part of the tree, {@link OrgScope}) have
 * items; {@link #handles} narrows that further, e.g. to the roles that take the module's steps.
 */
public abstract class SqlTodos implements TodoSource {

    private final String module;
    private final ModuleDatabase db;
    private final MemberDirectory directory;

    protected SqlTodos(String module, ModuleDatabase db, MemberDirectory directory) {
        this.module = module;
        this.db = db;
        this.directory = directory;
    }

    @Override
    public String moduleId() {
        return module;
    }

    @Override
    public List<Todo> todos(Caller caller) {
        // the officer's subtree pattern, read once and before the connection is taken: the directory may need a
        // connection of its own, and holding one while asking for another starves the pool under a burst
        List<Object> scope = new ArrayList<>();
        if (!handles(caller) || !OrgScope.appendFor(caller, directory, "ORG_ID", new StringBuilder(), scope)) {
            return List.of();
        }
        Object pattern = scope.isEmpty() ? null : scope.get(0);
        return db.read(c -> {
            Counts counts = new Counts(c, caller, pattern);
            count(counts);
            return List.copyOf(counts.todos);
        });
    }

    /** Whether the caller may have items here at all; every admin and officer unless a module says otherwise. */
    protected boolean handles(Caller caller) {
        return true;
    }

    /** Adds the caller's items in the order the 工作台 shows them; test {@link Counts#caller()}'s roles per item. */
    protected abstract void count(Counts counts) throws SQLException;

    /** The caller and his counts, on one connection. */
    public static final class Counts {

        private final Connection connection;
        private final Caller caller;
        private final Object pattern;
        private final List<Todo> todos = new ArrayList<>();

        /** {@code pattern}: the caller's subtree for {@link OrgScope#subtree}; null for an admin (every row). */
        Counts(Connection connection, Caller caller, Object pattern) {
            this.connection = connection;
            this.caller = caller;
            this.pattern = pattern;
        }

        public Caller caller() {
            return caller;
        }

        /**
         * Item {@code key}: the rows {@code sql} (a {@code SELECT COUNT(*) … WHERE …}) counts with {@code params}, of
         * the caller's organisation and below by {@code orgColumn} (for an admin, all of them).
         */
        public void add(String key, String label, String path, String orgColumn, String sql, Object... params)
                throws SQLException {
            todos.add(new Todo(key, label, scoped(orgColumn, sql, params, false), path));
        }

        /**
         * As {@link #add}, without the caller's own organisation: the step a higher union takes on what its unions
         * below it filed (an admin's count has them all).
         */
        public void addBelow(String key, String label, String path, String orgColumn, String sql, Object... params)
                throws SQLException {
            todos.add(new Todo(key, label, scoped(orgColumn, sql, params, true), path));
        }

        /** Item {@code key} counted by {@code sql} as it stands: its own condition says whose rows they are. */
        public void addUnscoped(String key, String label, String path, String sql, Object... params) throws SQLException {
            todos.add(new Todo(key, label, Sql.count(connection, sql, params), path));
        }

        private long scoped(String orgColumn, String sql, Object[] params, boolean belowOwn) throws SQLException {
            StringBuilder where = new StringBuilder(sql);
            List<Object> all = new ArrayList<>(List.of(params));
            if (pattern != null) {
                where.append(" AND ").append(OrgScope.subtree(orgColumn));
                all.add(pattern);
            }
            if (belowOwn && !caller.isAdmin() && caller.orgId() != null) {
                where.append(" AND ").append(orgColumn).append(" <> ?");
                all.add(caller.orgId());
            }
            return Sql.count(connection, where.toString(), all.toArray());
        }
    }
}
