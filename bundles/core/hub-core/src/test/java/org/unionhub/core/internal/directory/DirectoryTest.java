package org.unionhub.core.internal.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionhub.api.EmploymentForm;
import org.unionhub.api.HubException;
import org.unionhub.api.OrgKind;
import org.unionhub.api.PageRequest;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.core.internal.audit.AuditLogImpl;
import org.unionhub.core.internal.security.PersonalDataCipherImpl;
import org.unionhub.core.internal.security.SecurityConfig;
import org.unionhub.testing.Configs;
import org.unionhub.testing.TestDatabase;

/**
 * The directory's rules on the core's real schema: officers see and write only their part of the tree, a moved
 * organisation takes its members along, union cards and ID-card numbers are unique with answers that tell an officer
 * nothing about another part of the tree, and ID-card numbers are stored sealed and shown masked.
 */
class DirectoryTest {

    private static final Caller ADMIN = new Caller("admin", Set.of(Roles.ADMIN), null, null);
    private static final String ID = "11010519491231002X";

    @TempDir
    static Path keys;
    private static ModuleDatabase db;
    private static Directory directory;
    private static long city;
    private static long haicang;
    private static long siming;
    private static long port;

    @BeforeAll
    static void tree() throws Exception {
        db = TestDatabase.core();
        directory = new Directory(db, new AuditLogImpl(), new PersonalDataCipherImpl(Configs.of(SecurityConfig.class,
                Map.of("key.file", keys.resolve("personal-data.key").toString()))));
        city = directory.createOrg(ADMIN, new OrgRequest("测试市总工会", OrgKind.FEDERATION, null)).id();
        haicang = directory.createOrg(ADMIN, new OrgRequest("海沧区总工会", OrgKind.DISTRICT, city)).id();
        siming = directory.createOrg(ADMIN, new OrgRequest("思明区总工会", OrgKind.DISTRICT, city)).id();
        port = directory.createOrg(officer(haicang), new OrgRequest("港务工会", OrgKind.GRASSROOTS, haicang)).id();
    }

    private static Caller officer(long org) {
        return new Caller("officer" + org, Set.of(Roles.OFFICER), org, null);
    }

    private static MemberRequest member(long org, String card, String idNumber) {
        return new MemberRequest("张三", "13800000000", org, EmploymentForm.EMPLOYEE, null, card, null, idNumber);
    }

    @Test
    void anOfficerSeesAndWritesOnlyHisPartOfTheTree() {
        List<String> seen = directory.listOrgs(officer(haicang), null, null, null, PageRequest.of(0, 50)).items().stream()
                .map(Org::name).toList();
        assertEquals(List.of("海沧区总工会", "港务工会"), seen, "his district and below, in tree order");
        assertEquals(404, assertThrows(HubException.class, () -> directory.getOrg(officer(haicang), siming)).status());
        assertEquals(403, assertThrows(HubException.class, () -> directory.createOrg(officer(haicang),
                new OrgRequest("x", OrgKind.GRASSROOTS, siming))).status());
        assertEquals(403, assertThrows(HubException.class, () -> directory.createOrg(officer(haicang),
                new OrgRequest("x", OrgKind.FEDERATION, null))).status(), "only an admin makes a top-level federation");
        HubException below = assertThrows(HubException.class, () -> directory.updateOrg(ADMIN, haicang,
                new OrgRequest("海沧区总工会", OrgKind.DISTRICT, port)));
        assertEquals("parentId", below.errors().get(0).field());
        HubException noParent = assertThrows(HubException.class, () -> directory.createOrg(ADMIN,
                new OrgRequest("x", OrgKind.GRASSROOTS, null)));
        assertEquals("parentId", noParent.errors().get(0).field());
        assertTrue(directory.isWithin(port, city));
        assertFalse(directory.isWithin(port, siming));
        assertEquals(haicang, directory.org(port).orElseThrow().parentId());
    }

    @Test
    void aMovedOrganisationTakesItsMembersToTheNewScope() {
        long team = directory.createOrg(ADMIN, new OrgRequest("车队工会", OrgKind.GRASSROOTS, haicang)).id();
        long m = directory.createMember(officer(haicang), member(team, "MOVE-1", null)).id();
        assertEquals(1, directory.listMembers(officer(team), filter("MOVE-1"), PageRequest.of(0, 10)).total());
        directory.updateOrg(ADMIN, team, new OrgRequest("车队工会", OrgKind.GRASSROOTS, siming));
        assertEquals(1, directory.listMembers(officer(siming), filter("MOVE-1"), PageRequest.of(0, 10)).total());
        assertEquals(0, directory.listMembers(officer(haicang), filter("MOVE-1"), PageRequest.of(0, 10)).total());
        assertEquals(404, assertThrows(HubException.class, () -> directory.getMember(officer(haicang), m)).status());
        assertEquals("/" + city + "/" + siming + "/" + team + "/", directory.orgPath(team).orElseThrow());
    }

    @Test
    void aCardIsUniqueAndAnotherDistrictLearnsNothingOfItsHolder() {
        directory.createMember(officer(haicang), member(port, "CARD-1", null));
        HubException mine = assertThrows(HubException.class,
                () -> directory.createMember(officer(haicang), member(port, "CARD-1", null)));
        assertEquals(409, mine.status());
        assertEquals("cardNumber", mine.errors().get(0).field());
        assertTrue(mine.errors().get(0).message().contains("belongs to another member"));
        HubException theirs = assertThrows(HubException.class,
                () -> directory.createMember(officer(siming), member(siming, "CARD-1", null)));
        assertEquals(Directory.NOT_YOURS, theirs.errors().get(0).message());
        assertEquals("张三", directory.memberByCardNumber(" CARD-1 ").orElseThrow().name());
    }

    @Test
    void anIdNumberIsSealedShownMaskedAndWholeOnlyToAnAdmin() {
        long m = directory.createMember(ADMIN, member(port, null, ID)).id();
        String stored = db.read(c -> Sql.one(c, "SELECT ID_SEALED FROM HUB_MEMBER WHERE ID = ?", rs -> rs.getString(1), m))
                .orElseThrow();
        assertFalse(stored.contains("002X"), "not stored in clear");
        assertEquals(ID, directory.getMember(ADMIN, m).idNumber());
        assertEquals("**************002X", directory.getMember(officer(haicang), m).idNumber());
        HubException twice = assertThrows(HubException.class,
                () -> directory.createMember(ADMIN, member(siming, null, ID)));
        assertEquals("idNumber", twice.errors().get(0).field());
        // an update that sends the mask back keeps the number
        directory.updateMember(officer(haicang), m, new MemberRequest("张三丰", null, port, EmploymentForm.EMPLOYEE, null,
                null, null, "**************002X"));
        assertEquals(ID, directory.getMember(ADMIN, m).idNumber());
    }

    @Test
    void aMemberListIsScopedAndItsNameIsAPrefix() {
        directory.createMember(officer(haicang), new MemberRequest("李四", null, port, EmploymentForm.EMPLOYEE, null,
                "LIST-1", null, null));
        MemberFilter byName = new MemberFilter(null, "李", null, null, null, null, null, null);
        assertEquals(1, directory.listMembers(officer(haicang), byName, PageRequest.of(0, 10)).total());
        assertEquals(0, directory.listMembers(officer(siming), byName, PageRequest.of(0, 10)).total());
        assertEquals(0, directory.listMembers(officer(haicang), new MemberFilter(siming, "李", null, null, null, null,
                null, null), PageRequest.of(0, 10)).total(), "a filter outside his scope matches nothing");
        HubException wildcard = assertThrows(HubException.class, () -> directory.listMembers(ADMIN,
                new MemberFilter(null, "李%", null, null, null, null, null, null), PageRequest.of(0, 10)));
        assertEquals(400, wildcard.status());
        Caller member = new Caller("member", Set.of(Roles.MEMBER), null, -5L);
        assertEquals(0, directory.listMembers(member, byName, PageRequest.of(0, 10)).total(), "a member sees himself only");
        HubException badPhone = assertThrows(HubException.class, () -> directory.createMember(ADMIN,
                new MemberRequest("王五", "123", port, EmploymentForm.EMPLOYEE, null, null, null, null)));
        assertEquals("phone", badPhone.errors().get(0).field());
        assertNull(directory.listMembers(ADMIN, filter("LIST-1"), PageRequest.of(0, 10)).items().get(0).idNumber());
    }

    private static MemberFilter filter(String card) {
        return new MemberFilter(null, null, null, null, card, null, null, null);
    }
}
