package org.unionhub.itests.console;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an officer sees matches what he may do (issue 20): signed in as each demo officer, every row of every list of
 * the document ({@code GET /x} answering a page, beside {@code GET /x/{id}}) opens without 403 or 404; {@code /api/me}
 * names his union and the region's zone; {@code /api/todos} counts for him alone.
 */
public class OfficerRightsIT extends AllModulesSupport {

    private static final List<String> OFFICERS = List.of("officer", "siming", "reviewer", "approver", "payer");


    @Test
    public void everyRowOfEveryListOpensForEachDemoOfficer() throws Exception {
        JsonNode paths = get("/api/openapi.json", null).expect(200).json().path("paths");
        List<String> lists = new ArrayList<>();
        for (Iterator<String> it = paths.fieldNames(); it.hasNext();) {
            String p = it.next();
            if (!p.contains("{") && paths.path(p).has("get") && paths.has(p + "/{id}") && paths.path(p + "/{id}").has("get")) {
                lists.add(p);
            }
        }
        assertTrue("lists found: " + lists, lists.size() >= 8);
        List<String> refused = new ArrayList<>();
        int opened = 0;
        for (String who : OFFICERS) {
            for (String list : lists) {
                boolean paged = paths.path(list).path("get").path("parameters").findValuesAsText("name").contains("limit");
                Resp page = get("/api" + list + (paged ? "?limit=50" : ""), who);
                if (page.status() != 200) {
                    continue; // a list this officer may not read at all: nothing offered, nothing refused
                }
                JsonNode rows = page.json().has("items") ? page.json().path("items") : page.json();
                for (JsonNode row : rows) {
                    if (!row.has("id")) {
                        continue;
                    }
                    Resp one = get("/api" + list + "/" + row.path("id").asText(), who);
                    opened++;
                    if (one.status() == 403 || one.status() == 404) {
                        refused.add(who + " " + list + "/" + row.path("id").asText() + " → " + one.status() + " "
                                + one.json().path("detail").asText());
                    }
                }
            }
        }
        assertTrue("rows opened: " + opened, opened > 20);
        assertEquals("rows listed but refused", List.of(), refused);
    }

    @Test
    public void theFairListOfAnOfficerHoldsTheFairsHeManages() throws Exception {
        long siming = demoOrg("思明区总工会");
        post("/api/fairs", "siming", obj("name", "思明区工会集市·权限测试", "theme", "测试", "venue", "思明区文化宫",
                "orgId", siming, "startsAt", "2027-04-22T09:00:00+08:00", "endsAt", "2027-04-22T18:00:00+08:00",
                "stallCount", 10, "stallFeePerDay", 100, "registrationOpensAt", "2027-04-01T09:00:00+08:00",
                "registrationClosesAt", "2027-04-15T18:00:00+08:00", "offerWindowHours", 24)).expect(201);
        for (String who : List.of("officer", "siming")) {
            for (JsonNode fair : get("/api/fairs?limit=100", who).expect(200).json().path("items")) {
                Resp apps = get("/api/fairs/" + fair.path("id").asText() + "/applications", who);
                assertEquals(who + " lists fair " + fair.path("id") + ": " + apps.raw(), 200, apps.status());
            }
        }
        long all = get("/api/fairs?limit=100", null).expect(200).json().path("total").asLong();
        long haicang = get("/api/fairs?limit=100", "officer").expect(200).json().path("total").asLong();
        assertTrue("anonymous merchants still see every fair: " + all + " vs " + haicang, all > haicang);
    }

    @Test
    public void meNamesTheUnionAndTheZone() throws Exception {
        JsonNode me = get("/api/me", "officer").expect(200).json();
        assertEquals("officer", me.path("username").asText());
        assertTrue(me.toString(), me.path("orgName").asText().startsWith("海沧区总工会"));
        JsonNode path = me.path("orgPath");
        assertEquals(me.toString(), me.path("orgName").asText(), path.get(path.size() - 1).asText());
        assertTrue(me.toString(), path.size() >= 2);
        assertEquals("Asia/Shanghai", me.path("zone").asText());
        assertTrue(me.path("roles").toString().contains("officer"));
        assertEquals(401, get("/api/me", null).status());
        String at = get("/api/audit?limit=1", "admin").expect(200).json().path("items").path(0).path("at").asText();
        assertTrue("audit times carry the region's offset: " + at, at.endsWith("+08:00"));
    }

    @Test
    public void everyStepOfferedIsTakenWithoutA403() throws Exception {
        int offered = 0;
        for (String who : List.of("officer", "siming", "approver", "reviewer", "admin")) {
            Resp list = get("/api/model-workers/nominations?limit=100", who);
            if (list.status() != 200) {
                continue;
            }
            for (JsonNode n : list.json().path("items")) {
                String base = "/api/model-workers/nominations/" + n.path("id").asText();
                JsonNode actions = get(base + "/actions", who).expect(200).json().path("actions");
                for (JsonNode a : actions) {
                    String step = a.asText();
                    if (step.equals("update")) {
                        continue; // a PUT of the whole nomination: its form, not a step
                    }
                    String body = switch (step) {
                        case "return" -> "{\"comments\":[{\"field\":\"achievements\",\"message\":\"请补充主要事迹\"}]}";
                        case "confer" -> "{\"awardingBody\":\"中华全国总工会\"}";
                        case "approve", "reject" -> "{\"note\":\"测试\"}";
                        default -> null;
                    };
                    Resp r = call("POST", base + "/" + step, who, body, Map.of());
                    offered++;
                    assertTrue(who + " was offered " + step + " on " + base + ": " + r.raw(),
                            r.status() != 403 && r.status() != 404 && r.status() < 500);
                    break; // one step per nomination: the state has moved on
                }
            }
        }
        for (String who : List.of("officer", "approver", "payer", "admin")) {
            Resp list = get("/api/model-workers/subsidies/applications?limit=100", who);
            if (list.status() != 200) {
                continue;
            }
            long org = get("/api/me", who).expect(200).json().path("orgId").asLong(demoOrg("厦门市总工会"));
            for (JsonNode a : list.json().path("items")) {
                String base = "/api/model-workers/subsidies/applications/" + a.path("id").asText();
                for (JsonNode step : get(base + "/actions", who).expect(200).json().path("actions")) {
                    String body = step.asText().equals("pay") ? "{\"payingOrgId\":" + org + ",\"fundSource\":\"工会经费\"}"
                            : "{\"note\":\"测试\"}";
                    Resp r = call("POST", base + "/" + step.asText(), who, body, Map.of());
                    offered++;
                    assertTrue(who + " was offered " + step + " on " + base + ": " + r.raw(),
                            r.status() != 403 && r.status() != 404 && r.status() < 500);
                    break;
                }
            }
        }
        for (String who : List.of("officer", "siming", "admin")) {
            for (JsonNode fair : get("/api/fairs?limit=100", who).expect(200).json().path("items")) {
                String fairPath = "/api/fairs/" + fair.path("id").asText() + "/applications";
                for (JsonNode app : get(fairPath + "?limit=100", who).expect(200).json().path("items")) {
                    String base = fairPath + "/" + app.path("id").asText();
                    for (JsonNode step : get(base + "/actions", who).expect(200).json().path("actions")) {
                        String body = step.asText().equals("reject") ? "{\"reason\":\"测试\"}" : "{}";
                        Resp r = call("POST", base + "/" + step.asText(), who, body, Map.of());
                        offered++;
                        assertTrue(who + " was offered " + step + " on " + base + ": " + r.raw(),
                                r.status() != 403 && r.status() != 404 && r.status() < 500);
                        break;
                    }
                }
            }
        }
        for (String who : List.of("officer", "siming", "admin")) {
            Resp list = get("/api/jobfairs/applications?limit=100", who);
            if (list.status() != 200) {
                continue;
            }
            for (JsonNode app : list.json().path("items")) {
                String base = "/api/jobfairs/applications/" + app.path("id").asText();
                for (JsonNode step : get(base + "/actions", who).expect(200).json().path("actions")) {
                    Resp r = call("PUT", base + "/status", who, "{\"status\":\"" + step.asText() + "\"}", Map.of());
                    offered++;
                    assertTrue(who + " was offered " + step + " on " + base + ": " + r.raw(),
                            r.status() != 403 && r.status() != 404 && r.status() < 500);
                    break;
                }
            }
        }
        assertTrue("some steps were offered", offered > 0);
    }

    @Test
    public void todosAreTheCallersOwn() throws Exception {
        JsonNode officer = get("/api/todos", "officer").expect(200).json().path("items");
        JsonNode payer = get("/api/todos", "payer").expect(200).json().path("items");
        assertTrue(officer.toString(), has(officer, "fairs", "applications.allocated"));
        assertTrue("an officer without a claims role has no claim todos: " + officer, !has(officer, "mutualaid", null));
        assertTrue("a payer has the claims to pay: " + payer, has(payer, "mutualaid", "claims.approved"));
        assertTrue("the payer reviews nothing: " + payer, !has(payer, "mutualaid", "claims.submitted"));
        for (JsonNode item : officer) {
            assertTrue(item.toString(), item.path("count").asLong() >= 0 && item.path("label").asText().matches(".*\\p{IsHan}.*")
                    && item.path("path").asText().startsWith("/"));
        }
        assertEquals(0, get("/api/todos", "member").expect(200).json().path("items").size());
        Map<String, String> zh = Map.of("Accept-Language", "zh-CN");
        assertEquals(200, call("GET", "/api/todos", "admin", null, zh).status());
    }

    private static boolean has(JsonNode items, String module, String key) {
        for (JsonNode i : items) {
            if (module.equals(i.path("module").asText()) && (key == null || key.equals(i.path("key").asText()))) {
                return true;
            }
        }
        return false;
    }
}
