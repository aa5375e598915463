package org.unionhub.itests.console;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Test;
import com.fasterxml.jackson.databind.JsonNode;

/** Idempotency-Key on creates (issue 20): a repeat makes no second record and gets the first answer. */
public class IdempotencyIT extends ConsoleServerSupport {

    @Test
    public void theSameCreateTwiceWithOneKeyMakesOneRecordAndTheSameAnswer() throws Exception {
        String name = "幂等测试工会甲";
        String body = org(name);
        String key = UUID.randomUUID().toString();
        Resp first = create(body, key);
        Resp second = create(body, key);
        assertEquals(first.raw(), 201, first.status());
        assertEquals(second.raw(), 201, second.status());
        assertEquals(first.raw(), second.raw());
        assertEquals(first.header("Location"), second.header("Location"));
        assertEquals("true", second.header("Idempotent-Replayed"));
        assertEquals(1, count(name));

        Resp other = create(org("幂等测试工会乙"), key);
        assertEquals(other.raw(), 422, other.status());
        assertTrue(other.raw(), other.raw().contains("\"field\":\"Idempotency-Key\""));
        assertEquals(0, count("幂等测试工会乙"));

        assertEquals("a new key is a new record", 201, create(body, UUID.randomUUID().toString()).status());
        assertEquals(2, count(name));
        assertEquals("without a key, every POST creates", 201, create(body, null).status());
        assertEquals(3, count(name));
    }

    @Test
    public void concurrentDuplicatesMakeOneRecord() throws Exception {
        String name = "幂等并发工会";
        String body = org(name);
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Resp>> sent = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Callable<Resp> call = () -> create(body, key);
                sent.add(pool.submit(call));
            }
            String firstBody = null;
            for (Future<Resp> f : sent) {
                Resp r = f.get();
                assertEquals(r.raw(), 201, r.status());
                firstBody = firstBody == null ? r.raw() : firstBody;
                assertEquals(firstBody, r.raw());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count(name));
    }

    @Test
    public void theDocumentDeclaresTheHeaderOnCreates() throws Exception {
        JsonNode op = get("/api/openapi.json", null).expect(200).json().path("paths").path("/orgs").path("post");
        boolean declared = false;
        for (JsonNode p : op.path("parameters")) {
            declared |= "Idempotency-Key".equals(p.path("name").asText()) && "header".equals(p.path("in").asText())
                    && !p.path("required").asBoolean();
        }
        assertTrue(op.toString(), declared);
    }

    private String org(String name) throws Exception {
        return JSON.writeValueAsString(obj("name", name, "kind", "GRASSROOTS", "parentId", demoOrg("海沧区总工会")));
    }

    private long count(String name) throws Exception {
        return get("/api/orgs?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8), "admin").expect(200).json()
                .path("items").findValuesAsText("name").stream().filter(name::equals).count();
    }

    private Resp create(String body, String key) throws Exception {
        Map<String, String> headers = new HashMap<>();
        if (key != null) {
            headers.put("Idempotency-Key", key);
        }
        return call("POST", "/api/orgs", "officer", body, headers);
    }
}
