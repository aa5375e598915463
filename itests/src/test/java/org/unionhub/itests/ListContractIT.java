package org.unionhub.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.Test;
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one list contract (PageRequest/Page, Keyset) over HTTP on the core's lists: cursor pages that stay stable
 * while rows are inserted, sorting, page jumps, the officer's scope in the query, and 400s naming the parameter.
 */
public class ListContractIT extends HubTestSupport {

    private static final String PREFIX = "列表测试";

    @Test
    public void cursorPagesStayStableWhileRowsAreInserted() throws Exception {
        long org = newUnion("列表测试工会甲");
        Set<Long> created = new HashSet<>();
        for (String n : List.of("B", "C", "D", "E", "F", "G", "H")) {
            created.add(member(PREFIX + n, org, null));
        }
        String q = "/api/members?orgId=" + org + "&sort=name&limit=3";
        JsonNode first = get(q, "officer").expect(200).json();
        assertEquals(7, first.path("total").asLong());
        assertTrue(first.path("totalExact").asBoolean());
        assertEquals(3, first.path("items").size());
        String cursor = first.path("nextCursor").asText(null);
        assertNotNull("a first page of 3 out of 7 has a next page", cursor);

        // rows sorting before and after the cursor arrive while the client pages on
        created.add(member(PREFIX + "A", org, null));
        long late = member(PREFIX + "Z", org, null);
        List<Long> seen = new ArrayList<>();
        List<String> names = new ArrayList<>();
        first.path("items").forEach(m -> { seen.add(m.path("id").asLong()); names.add(m.path("name").asText()); });
        while (cursor != null) {
            JsonNode next = get(q + "&cursor=" + cursor, "officer").expect(200).json();
            assertEquals("pages after the first are not counted again", -1, next.path("total").asLong());
            next.path("items").forEach(m -> { seen.add(m.path("id").asLong()); names.add(m.path("name").asText()); });
            cursor = next.path("nextCursor").asText(null);
        }
        assertEquals("no row twice: " + names, seen.size(), new HashSet<>(seen).size());
        assertTrue("the row inserted after the cursor's position is reached: " + names, seen.contains(late));
        assertFalse("the row inserted before the cursor's position does not shift the pages: " + names,
                names.contains(PREFIX + "A"));
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        assertEquals("sorted by name", sorted, names);
        assertEquals(8, seen.size());
    }

    @Test
    public void sortsPageJumpsAndSearches() throws Exception {
        long org = newUnion("列表测试工会乙");
        long a = member(PREFIX + "赵", org, "13899990001");
        long b = member(PREFIX + "钱", org, "13899990002");
        long c = member(PREFIX + "孙", org, null);
        String base = "/api/members?orgId=" + org;
        assertEquals(List.of(a, b, c), ids(get(base + "&sort=id", "admin").expect(200).json()));
        assertEquals(List.of(c, b, a), ids(get(base + "&sort=-id", "admin").expect(200).json()));
        assertEquals(ids(get(base + "&sort=id&offset=1&limit=1", "admin").json()),
                ids(get(base + "&sort=id&page=2&limit=1", "admin").expect(200).json()));
        JsonNode desc = get(base + "&sort=-name&limit=2", "admin").expect(200).json();
        String cursor = desc.path("nextCursor").asText();
        assertEquals(1, get(base + "&sort=-name&limit=2&cursor=" + cursor, "admin").expect(200).json().path("items").size());
        assertProblem(get(base + "&sort=id&cursor=" + cursor, "admin"), 400, "cursor");

        assertEquals(List.of(b), ids(get("/api/members?phone=13899990002", "officer").expect(200).json()));
        assertEquals(List.of(a), ids(get("/api/members?name=" + enc(PREFIX + "赵"), "officer").expect(200).json()));
        assertEquals("name is a prefix", 0, get("/api/members?name=" + enc("试赵"), "admin").json().path("total").asLong());
        long withId = post("/api/members", "officer", obj("name", PREFIX + "李", "orgId", org, "employmentForm", "EMPLOYEE",
                "idNumber", "440524198001010013")).expect(201).id();
        // an exact ID search tells whether a number is a member's: admins only, with a reason that is audited
        assertProblem(get("/api/members?idNumber=440524198001010013", "officer"), 403, "idNumber");
        assertProblem(get("/api/members?idNumber=440524198001010013", "admin"), 422, "reason");
        assertEquals(List.of(withId), ids(get("/api/members?idNumber=440524198001010013&reason=" + enc("会员身份核对"), "admin")
                .expect(200).json()));
        assertProblem(get("/api/members?idNumber=12345&reason=x", "admin"), 400, "idNumber");
    }

    @Test
    public void anOfficersScopeIsAppliedInTheQuery() throws Exception {
        long org = newUnion("列表测试工会丙");
        long m = member(PREFIX + "周", org, null);
        assertEquals(List.of(m), ids(get("/api/members?orgId=" + org, "officer").expect(200).json()));
        JsonNode siming = get("/api/members?orgId=" + org, "siming").expect(200).json();
        assertEquals("an organisation outside the officer's tree lists nothing", 0, siming.path("total").asLong());
        Set<Long> all = new HashSet<>();
        JsonNode page = get("/api/members?limit=500", "siming").expect(200).json();
        page.path("items").forEach(x -> all.add(x.path("id").asLong()));
        assertFalse(all.contains(m));
        // moving the union into another district's tree moves its members' scope with it
        long simingDistrict = orgIdByName("思明区总工会");
        put("/api/orgs/" + org, "admin", obj("name", "列表测试工会丙", "kind", "GRASSROOTS", "parentId", simingDistrict))
                .expect(200);
        assertEquals(List.of(m), ids(get("/api/members?orgId=" + org, "siming").expect(200).json()));
        assertEquals(0, get("/api/members?orgId=" + org, "officer").expect(200).json().path("total").asLong());
        // and a member moved to another union follows too
        long other = newUnion("列表测试工会戊");
        put("/api/members/" + m, "admin", obj("name", PREFIX + "周", "orgId", other, "employmentForm", "EMPLOYEE"))
                .expect(200);
        assertEquals(List.of(m), ids(get("/api/members?orgId=" + other, "officer").expect(200).json()));
        assertEquals(0, get("/api/members?orgId=" + org, "siming").expect(200).json().path("total").asLong());
    }

    @Test
    public void unknownParametersAndLimitsAreAnswered400NamingTheParameter() throws Exception {
        assertProblem(get("/api/members?size=200", "officer"), 400, "size");
        assertProblem(get("/api/members?size=200", "member"), 400, "size");
        assertProblem(get("/api/audit?limit=10&colour=red", "admin"), 400, "colour");
        assertProblem(get("/api/orgs?pageSize=10", "admin"), 400, "pageSize");
        assertProblem(get("/api/accounts?x=1", "admin"), 400, "x");
        assertProblem(get("/api/members?limit=501", "admin"), 400, "limit");
        assertProblem(get("/api/members?limit=0", "admin"), 400, "limit");
        assertProblem(get("/api/members?offset=10001", "admin"), 400, "offset");
        assertProblem(get("/api/members?page=0", "admin"), 400, "page");
        assertProblem(get("/api/members?sort=phone", "admin"), 400, "sort");
        assertProblem(get("/api/members?cursor=not-a-cursor", "admin"), 400, "cursor");
        assertProblem(get("/api/members?name=a%25", "admin"), 400, "name");
        JsonNode audit = get("/api/audit?limit=1", "admin").expect(200).json();
        assertProblem(get("/api/audit?offset=5&cursor=" + audit.path("nextCursor").asText(), "admin"), 400, "cursor");
        get("/api/members?limit=500&offset=10000", "admin").expect(200);
    }

    @Test
    public void theAuditTrailPagesNewestFirstByCursor() throws Exception {
        newUnion("列表测试工会丁");
        JsonNode first = get("/api/audit?limit=2", "admin").expect(200).json();
        List<Long> one = ids(first);
        JsonNode second = get("/api/audit?limit=2&cursor=" + first.path("nextCursor").asText(), "admin").expect(200).json();
        List<Long> two = ids(second);
        assertTrue(one.get(0) > one.get(1) && one.get(1) > two.get(0) && two.get(0) > two.get(1));
        JsonNode accounts = get("/api/accounts?limit=1", "admin").expect(200).json();
        JsonNode next = get("/api/accounts?limit=1&cursor=" + accounts.path("nextCursor").asText(), "admin").expect(200).json();
        assertTrue(accounts.path("items").get(0).path("username").asText()
                .compareTo(next.path("items").get(0).path("username").asText()) < 0);
    }

    @Test
    public void membersExportAsCsvWithinTheCallersScope() throws Exception {
        long org = newUnion("列表测试工会己");
        long a = member(PREFIX + "导出一", org, null);
        long b = member(PREFIX + "导出二", org, null);
        Resp csv = get("/api/members/export?orgId=" + org, "officer").expect(200);
        assertTrue(csv.header("Content-Type"), csv.header("Content-Type").startsWith("text/csv"));
        String[] lines = csv.raw().split("\r\n"); // RFC 4180's line ends (the kit's Csv.line)
        assertEquals("id,name,phone,orgId,employmentForm,newFormKind,cardNumber,joinedOn,idNumber", lines[0]);
        assertEquals(3, lines.length);
        assertTrue(lines[1].startsWith(a + "," + PREFIX + "导出一,"));
        assertTrue(lines[2].startsWith(b + ","));
        String all = get("/api/members/export", "officer").expect(200).raw();
        assertTrue("the officer's whole tree", all.contains(PREFIX + "导出一") && all.contains("陈建国"));
        assertFalse(get("/api/members/export", "siming").expect(200).raw().contains(PREFIX + "导出一"));
        assertEquals(1, get("/api/members/export?orgId=" + org, "siming").expect(200).raw().split("\n").length);
        assertProblem(get("/api/members/export", "member"), 403, null);
        assertProblem(get("/api/members/export?orgId=99999999", "admin"), 400, "orgId");
        assertProblem(get("/api/members/export?limit=5", "admin"), 400, "limit");
    }

    private long orgIdByName(String name) throws Exception {
        for (JsonNode o : get("/api/orgs?limit=500", "admin").json().path("items")) {
            if (o.path("name").asText().startsWith(name)) {
                return o.path("id").asLong();
            }
        }
        throw new AssertionError("no demo organisation " + name);
    }

    private long newUnion(String name) throws Exception {
        long haicang = orgIdByName("海沧区总工会");
        return post("/api/orgs", "officer", obj("name", name, "kind", "GRASSROOTS", "parentId", haicang)).expect(201).id();
    }

    private long member(String name, long org, String phone) throws Exception {
        return post("/api/members", "officer", phone == null
                ? obj("name", name, "orgId", org, "employmentForm", "EMPLOYEE")
                : obj("name", name, "orgId", org, "employmentForm", "EMPLOYEE", "phone", phone)).expect(201).id();
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> out = new ArrayList<>();
        page.path("items").forEach(m -> out.add(m.path("id").asLong()));
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
