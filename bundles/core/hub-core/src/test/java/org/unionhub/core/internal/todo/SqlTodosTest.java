package org.unionhub.core.internal.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.api.todo.SqlTodos;
import org.unionhub.api.todo.TodoSource.Todo;
import org.unionhub.testing.TestDatabase;

/** The kit's 待办 counts on the core's real schema: each in the caller's part of the tree, or none at all. */
class SqlTodosTest {

    // 市 (1) > 海沧 (2) > 港务 (4); 市 > 思明 (3)
    private static final Map<Long, String> PATHS = Map.of(1L, "/1/", 2L, "/1/2/", 3L, "/1/3/", 4L, "/1/2/4/");

    private ModuleDatabase db;
    private SqlTodos todos;

    @BeforeEach
    void start() {
        db = TestDatabase.core();
        for (long id = 1; id <= 4; id++) {
            long org = id;
            String parent = org == 1 ? null : org == 4 ? "2" : "1";
            db.inTransaction(c -> Sql.update(c, "INSERT INTO HUB_ORG (NAME, KIND, PARENT_ID, PATH, CREATED_AT, UPDATED_AT) "
                    + "VALUES (?, 'DISTRICT', " + parent + ", ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", "工会" + org,
                    PATHS.get(org)));
        }
        db.inTransaction(c -> {
            Sql.update(c, "CREATE TABLE T_ITEM (ORG_ID BIGINT NOT NULL, STATUS VARCHAR(10) NOT NULL)");
            // two waiting in 海沧, one in 港务 below it, one in 思明 beside it, one done in 海沧
            for (Object[] row : new Object[][] {{2L, "WAITING"}, {2L, "WAITING"}, {4L, "WAITING"}, {3L, "WAITING"},
                    {2L, "DONE"}}) {
                Sql.update(c, "INSERT INTO T_ITEM (ORG_ID, STATUS) VALUES (?, ?)", row);
            }
            return null;
        });
        todos = new SqlTodos("items", db, paths()) {
            @Override
            protected boolean handles(Caller caller) {
                return !caller.hasRole("trainee");
            }

            @Override
            protected void count(Counts counts) throws SQLException {
                counts.add("waiting", "待办", "/items?status=WAITING", "ORG_ID",
                        "SELECT COUNT(*) FROM T_ITEM WHERE STATUS = ?", "WAITING");
                counts.addBelow("below", "下级待办", "/items?status=WAITING", "ORG_ID",
                        "SELECT COUNT(*) FROM T_ITEM WHERE STATUS = 'WAITING'");
                counts.addUnscoped("done", "已办", "/items?status=DONE", "SELECT COUNT(*) FROM T_ITEM WHERE STATUS = ?", "DONE");
            }
        };
    }

    @Test
    void anAdminCountsEveryRowAndAnOfficerHisOrganisationAndBelow() {
        assertEquals(Map.of("waiting", 4L, "below", 4L, "done", 1L), counts(new Caller("admin", Set.of(Roles.ADMIN), null, null)));
        assertEquals(Map.of("waiting", 3L, "below", 1L, "done", 1L), counts(officer(2L)));
        assertEquals(Map.of("waiting", 1L, "below", 0L, "done", 1L), counts(officer(3L)));
        assertEquals(Map.of("waiting", 4L, "below", 4L, "done", 1L), counts(officer(1L)));
    }

    @Test
    void aMemberAnOfficerWithoutAnOrganisationAndOneTheModuleDoesNotHandleHaveNothing() {
        assertEquals(List.of(), todos.todos(new Caller("m", Set.of(Roles.MEMBER), null, 7L)));
        assertEquals(List.of(), todos.todos(new Caller("o", Set.of(Roles.OFFICER), null, null)));
        assertEquals(List.of(), todos.todos(new Caller("t", Set.of(Roles.OFFICER, "trainee"), 2L, null)));
    }

    @Test
    void itemsKeepTheirOrderKeysLabelsAndPaths() {
        List<Todo> list = todos.todos(officer(2L));
        assertEquals(List.of(new Todo("waiting", "待办", 3, "/items?status=WAITING"), new Todo("below", "下级待办", 1,
                "/items?status=WAITING"), new Todo("done", "已办", 1, "/items?status=DONE")), list);
        assertEquals("items", todos.moduleId());
    }

    private Map<String, Long> counts(Caller caller) {
        Map<String, Long> out = new LinkedHashMap<>();
        todos.todos(caller).forEach(t -> out.put(t.key(), t.count()));
        return out;
    }

    private static Caller officer(long org) {
        return new Caller("officer" + org, Set.of(Roles.OFFICER), org, null);
    }

    /** A directory that knows the organisations' paths, all OrgScope asks of it. */
    private static MemberDirectory paths() {
        return (MemberDirectory) Proxy.newProxyInstance(SqlTodosTest.class.getClassLoader(),
                new Class<?>[] {MemberDirectory.class}, (proxy, method, args) -> {
                    if (method.getName().equals("orgPath")) {
                        return Optional.ofNullable(PATHS.get((Long) args[0]));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
