#set( $M = "${moduleId.toUpperCase()}" )
package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionhub.api.FieldError;
import org.unionhub.api.HubException;
import org.unionhub.api.MemberInfo;
import org.unionhub.api.PageRequest;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.testing.RecordedEvents;
import org.unionhub.testing.Region;
import org.unionhub.testing.TestDatabase;
import org.unionhub.testing.TestDirectory;

import ${package}.api.Item;
import ${package}.api.ItemEvents;
import ${package}.api.ItemRequest;

/**
 * The rules of ItemServiceImpl on a real (in-memory) Derby with the module's own migration, from the hub's test kit
 * (org.unionhub.testing in org.unionhub.core's tests jar). Only the hub's services around the database are
 * stand-ins: organisation 1 is the federation, 2 and 3 lie below it.
 */
class ItemServiceTest {

    private static final Caller ADMIN = new Caller("admin", Set.of(Roles.ADMIN), null, null);
    private static final Caller OFFICER_2 = new Caller("officer", Set.of(Roles.OFFICER), 2L, null);
    private static final Caller OFFICER_3 = new Caller("other", Set.of(Roles.OFFICER), 3L, null);

    private static ModuleDatabase db;
    private static final List<String> AUDITED = new CopyOnWriteArrayList<>();
    private static final RecordedEvents EVENTS = new RecordedEvents();
    private static ItemServiceImpl items;

    @BeforeAll
    static void database() {
        // the hub's migrations and then this module's, by the hub's own migration runner, in a fresh in-memory Derby
        db = TestDatabase.module("${moduleId}", ItemServiceImpl.class);
        // organisations 1 to 6 (2 and 3 below the federation 1); member 7 belongs to organisation 2
        TestDirectory directory = TestDirectory.demoTree()
                .member(new MemberInfo(7, "member 7", 2, null, null, null, null));
        items = new ItemServiceImpl(db, (c, caller, action, entity, id, changes) -> AUDITED.add(action),
                directory, EVENTS, new Region("Test", "000000", ZoneId.of("Asia/Shanghai"), false), config(false));
    }

    @BeforeEach
    void clear() {
        db.inTransaction(c -> Sql.update(c, "DELETE FROM ${M}_ITEM"));
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
        assertEquals(ItemEvents.ITEM_CREATED, EVENTS.all().get(0).getTopic());
        assertEquals(item.id(), EVENTS.all().get(0).getProperty("id"));
    }

    @Test
    void everyInvalidFieldIsNamedAndNothingIsWritten() {
        HubException e = assertThrows(HubException.class,
                () -> items.create(ADMIN, new ItemRequest(null, " ", "x".repeat(ItemRequest.NOTE_MAX + 1))));
        assertEquals(422, e.status());
        assertEquals(Set.of("orgId", "title", "note"), e.errors().stream().map(FieldError::field).collect(Collectors.toSet()));
        assertEquals(0, items.list(ADMIN, null, PageRequest.of(0, 10)).total());
        assertTrue(AUDITED.isEmpty());
        assertTrue(EVENTS.all().isEmpty());
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
    void aMemberReadsTheItemsOfHisOwnUnionOnly() {
        Caller member = new Caller("member", Set.of(Roles.MEMBER), null, 7L);
        items.create(ADMIN, new ItemRequest(2L, "his union's", null));
        items.create(ADMIN, new ItemRequest(3L, "another union's", null));
        assertEquals(List.of("his union's"), items.list(member, null, PageRequest.of(0, 10)).items().stream().map(Item::title).toList());
        assertEquals(1, items.list(member, 2L, PageRequest.of(0, 10)).total());
        assertEquals(403, assertThrows(HubException.class, () -> items.list(member, 3L, PageRequest.of(0, 10))).status());
        Caller nobody = new Caller("gone", Set.of(Roles.MEMBER), null, 8L);
        assertEquals(403, assertThrows(HubException.class, () -> items.list(nobody, null, PageRequest.of(0, 10))).status());
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
}
