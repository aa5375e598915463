#set( $M = "${moduleId.toUpperCase()}" )
package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.unionhub.api.FieldError;
import org.unionhub.api.HubException;
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.MemberInfo;
import org.unionhub.api.OrgInfo;
import org.unionhub.api.OrgKind;
import org.unionhub.api.PageRequest;
import org.unionhub.api.db.DatabaseException;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.SqlWork;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;

import ${package}.api.Item;
import ${package}.api.ItemEvents;
import ${package}.api.ItemRequest;

/**
 * The rules of ItemServiceImpl on a real (in-memory) Derby with the module's own migration. Only the hub's
 * services around the database are stand-ins: organisation 1 is the federation, 2 and 3 lie below it.
 */
class ItemServiceTest {

    private static final String URL = "jdbc:derby:memory:${moduleId}-items;create=true";
    private static final Caller ADMIN = new Caller("admin", Set.of(Roles.ADMIN), null, null);
    private static final Caller OFFICER_2 = new Caller("officer", Set.of(Roles.OFFICER), 2L, null);
    private static final Caller OFFICER_3 = new Caller("other", Set.of(Roles.OFFICER), 3L, null);

    private static Connection keepAlive;
    private static final List<String> AUDITED = new CopyOnWriteArrayList<>();
    private static final List<Event> EVENTS = new CopyOnWriteArrayList<>();
    private static ItemServiceImpl items;

    @BeforeAll
    static void database() throws Exception {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        keepAlive = DriverManager.getConnection(URL);
        migrate(keepAlive, "/db/migration/V1__${moduleId}.sql");
        items = new ItemServiceImpl(new TestDatabase(), (c, caller, action, entity, id, changes) -> AUDITED.add(action),
                new Directory(), new Events(), new Settings(), config(false));
    }

    @AfterAll
    static void close() throws SQLException {
        keepAlive.close();
    }

    @BeforeEach
    void clear() throws SQLException {
        try (Statement st = keepAlive.createStatement()) {
            st.executeUpdate("DELETE FROM ${M}_ITEM");
        }
        AUDITED.clear();
        EVENTS.clear();
    }

    @Test
    void anOfficerCreatesAnItemInHisOrganisationWithAuditAndEvent() {
        Item item = items.create(OFFICER_2, new ItemRequest(2L, "  First  ", "a note"));
        assertEquals("First", item.title(), "titles are stripped");
        assertEquals(2, item.orgId());
        assertEquals("officer", item.createdBy());
        assertEquals(item, items.get(OFFICER_2, item.id()));
        assertEquals(List.of("${moduleId}.item.create"), AUDITED);
        assertEquals(ItemEvents.ITEM_CREATED, EVENTS.get(0).getTopic());
        assertEquals(item.id(), EVENTS.get(0).getProperty("id"));
    }

    @Test
    void everyInvalidFieldIsNamedAndNothingIsWritten() {
        HubException e = assertThrows(HubException.class,
                () -> items.create(ADMIN, new ItemRequest(null, " ", "x".repeat(ItemRequest.NOTE_MAX + 1))));
        assertEquals(422, e.status());
        assertEquals(Set.of("orgId", "title", "note"), e.errors().stream().map(FieldError::field).collect(Collectors.toSet()));
        assertEquals(0, items.list(ADMIN, null, PageRequest.of(0, 10)).total());
        assertTrue(AUDITED.isEmpty());
        assertTrue(EVENTS.isEmpty());
    }

    @Test
    void anUnknownOrganisationIsAFieldError() {
        HubException e = assertThrows(HubException.class, () -> items.create(ADMIN, new ItemRequest(99L, "t", null)));
        assertEquals(422, e.status());
        assertEquals("orgId", e.errors().get(0).field());
    }

    @Test
    void officersStayInsideTheirOrganisations() {
        assertEquals(403, assertThrows(HubException.class,
                () -> items.create(OFFICER_3, new ItemRequest(2L, "t", null))).status());
        Item item = items.create(OFFICER_2, new ItemRequest(2L, "t", null));
        assertEquals(404, assertThrows(HubException.class, () -> items.get(OFFICER_3, item.id())).status());
        assertEquals(403, assertThrows(HubException.class, () -> items.list(OFFICER_3, 2L, PageRequest.of(0, 10))).status());
        assertEquals(0, items.list(OFFICER_3, null, PageRequest.of(0, 10)).total(), "his own organisation by default");
        assertEquals(1, items.list(ADMIN, null, PageRequest.of(0, 10)).total());
    }

    @Test
    void aTitleIsUniqueWithinItsOrganisation() {
        items.create(ADMIN, new ItemRequest(2L, "Same", null));
        HubException e = assertThrows(HubException.class, () -> items.create(ADMIN, new ItemRequest(2L, "Same", null)));
        assertEquals(409, e.status());
        assertEquals("title", e.errors().get(0).field());
        items.create(ADMIN, new ItemRequest(3L, "Same", null));
    }

    @Test
    void listsArePagedNewestFirst() {
        for (int i = 1; i <= 5; i++) {
            items.create(ADMIN, new ItemRequest(2L, "Item " + i, null));
        }
        var page = items.list(ADMIN, 2L, PageRequest.of(1, 2));
        assertEquals(5, page.total());
        assertEquals(List.of("Item 4", "Item 3"), page.items().stream().map(Item::title).toList());
    }

    @Test
    void theConfigurationCanRequireANote() {
        items.modified(config(true));
        try {
            HubException e = assertThrows(HubException.class, () -> items.create(ADMIN, new ItemRequest(2L, "t", null)));
            assertEquals("note", e.errors().get(0).field());
        } finally {
            items.modified(config(false));
        }
    }

    // ---- stand-ins for the hub's services

    private static void migrate(Connection c, String resource) throws Exception {
        try (InputStream in = ItemServiceTest.class.getResourceAsStream(resource); Statement st = c.createStatement()) {
            StringBuilder sql = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.trim().startsWith("--")) {
                    continue;
                }
                sql.append(line).append('\n');
                if (line.trim().endsWith(";")) {
                    st.execute(sql.substring(0, sql.lastIndexOf(";")));
                    sql.setLength(0);
                }
            }
        }
    }

    private static ModuleConfig config(boolean noteRequired) {
        return new ModuleConfig() {
            @Override
            public boolean note_required() {
                return noteRequired;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return ModuleConfig.class;
            }
        };
    }

    private static final class TestDatabase implements ModuleDatabase {
        @Override
        public String moduleId() {
            return "${moduleId}";
        }

        @Override
        public DataSource dataSource() {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> T inTransaction(SqlWork<T> work) {
            try (Connection c = DriverManager.getConnection(URL)) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                throw new DatabaseException(e.getMessage(), e, false);
            }
        }

        @Override
        public <T> T read(SqlWork<T> work) {
            try (Connection c = DriverManager.getConnection(URL)) {
                return work.run(c);
            } catch (SQLException e) {
                throw new DatabaseException(e.getMessage(), e, false);
            }
        }
    }

    private static final class Directory implements MemberDirectory {
        @Override
        public Optional<MemberInfo> member(long memberId) {
            return Optional.empty();
        }

        @Override
        public Optional<OrgInfo> org(long orgId) {
            return orgId >= 1 && orgId <= 3
                    ? Optional.of(new OrgInfo(orgId, "org " + orgId, OrgKind.values()[0], orgId == 1 ? null : 1L))
                    : Optional.empty();
        }

        @Override
        public Optional<MemberInfo> memberByCardNumber(String cardNumber) {
            return Optional.empty();
        }

        @Override
        public boolean isWithin(long orgId, long scopeOrgId) {
            return orgId == scopeOrgId || scopeOrgId == 1;
        }
    }

    private static final class Events implements EventAdmin {
        @Override
        public void postEvent(Event event) {
            EVENTS.add(event);
        }

        @Override
        public void sendEvent(Event event) {
            EVENTS.add(event);
        }
    }

    private static final class Settings implements HubSettings {
        @Override
        public String regionName() {
            return "Test";
        }

        @Override
        public String regionCode() {
            return "000000";
        }

        @Override
        public ZoneId zone() {
            return ZoneId.of("Asia/Shanghai");
        }

        @Override
        public boolean demo() {
            return false;
        }
    }
}
