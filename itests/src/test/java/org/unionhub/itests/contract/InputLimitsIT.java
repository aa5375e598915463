package org.unionhub.itests.contract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.Test;
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Bad input that once answered 500 or a 2xx (issue 15: the five 500 causes and the "accepted with 2xx" list;
 * issue 14 row 2: money with a huge exponent) now answers a 4xx problem naming the field or parameter. The limits
 * are checked while the body is read, so these bodies carry only the bad field: a body that got further would
 * be refused for its missing fields, with other field names.
 */
public class InputLimitsIT extends HubTestSupport {

    private static final String HUGE_DATE = "+999999999-12-31T23:59:59Z";
    private static final String DIGITS_34 = "1234567890123456789012345678901234";

    @Override
    protected String[] features() {
        return new String[] {"unionhub-core", "unionhub-fairs", "unionhub-jobfairs", "unionhub-mutualaid",
                "unionhub-modelworkers"};
    }

    @Override
    protected String[] expectedModules() {
        return new String[] {"fairs", "jobfairs", "mutualaid", "modelworkers"};
    }

    @Test
    public void nullRolesOfAnAccountAreRefused() throws Exception {
        refused(send("POST", "/api/accounts", "admin", "{\"username\":\"nullrole\",\"password\":\"secret-1\",\"roles\":[null]}"),
                422, "roles[0]");
        refused(send("PUT", "/api/accounts/member", "admin", "{\"roles\":[null]}"), 422, "roles[0]");
    }

    @Test
    public void nullEligibleKindsOfAPlanAreRefused() throws Exception {
        refused(send("POST", "/api/mutual-aid/plans", "admin", "{\"name\":\"p\",\"eligibleKinds\":[null]}"), 422,
                "eligibleKinds[0]");
        refused(send("PUT", "/api/mutual-aid/plans/1", "admin", "{\"name\":\"p\",\"eligibleKinds\":[null]}"), 422,
                "eligibleKinds[0]");
    }

    @Test
    public void moneyBeyondItsColumnIsRefused() throws Exception {
        for (String amount : List.of("1e308", DIGITS_34, "1e2000000")) {
            refused(send("PUT", "/api/model-workers/records/1/surveys/2025", "admin",
                    "{\"selfPaidMedical\":" + amount + "}"), 422, "selfPaidMedical");
            refused(send("POST", "/api/fairs/coupon-batches", "admin", "{\"threshold\":" + amount + "}"), 422,
                    "threshold");
            refused(send("POST", "/api/fairs", "admin", "{\"stallFeePerDay\":" + amount + "}"), 422, "stallFeePerDay");
            refused(send("PUT", "/api/fairs/1", "admin", "{\"stallFeePerDay\":" + amount + "}"), 422, "stallFeePerDay");
            refused(send("POST", "/api/fairs/1/sales", "admin", "{\"amount\":" + amount + "}"), 422, "amount");
        }
    }

    /** Issue 14 row 2: a member's 116-byte body once cost seconds of arithmetic; now it is refused as read. */
    @Test
    public void aHugeExponentInACvSalaryIsRefusedBeforeAnyArithmetic() throws Exception {
        Resp r = send("POST", "/api/jobfairs/positions/1/applications", "member",
                "{\"cv\":{\"name\":\"张三\",\"expectedSalary\":1e2000000}}");
        refused(r, 422, "cv.expectedSalary");
        assertTrue(r.raw(), r.raw().contains("1E+12"));
    }

    @Test
    public void datesBeyondTheYear2200AreRefused() throws Exception {
        refused(send("POST", "/api/fairs", "admin", "{\"endsAt\":\"" + HUGE_DATE + "\"}"), 422, "endsAt");
        refused(send("POST", "/api/fairs/coupon-batches", "admin", "{\"validTo\":\"" + HUGE_DATE + "\"}"), 422, "validTo");
        refused(send("POST", "/api/fairs/1/sales", "admin", "{\"soldAt\":\"" + HUGE_DATE + "\"}"), 422, "soldAt");
        refused(send("POST", "/api/fairs/1/visits", "admin", "{\"slotEnd\":\"" + HUGE_DATE + "\"}"), 422, "slotEnd");
        refused(send("POST", "/api/jobfairs", "admin", "{\"endsAt\":\"" + HUGE_DATE + "\"}"), 422, "endsAt");
        refused(send("POST", "/api/jobfairs/1/livestreams", "admin", "{\"endsAt\":\"" + HUGE_DATE + "\"}"), 422, "endsAt");
        refused(send("POST", "/api/fairs", "admin", "{\"startsAt\":\"0000-01-01T00:00:00Z\"}"), 422, "startsAt");
    }

    @Test
    public void aGiftLongerThanItsColumnIsRefused() throws Exception {
        for (int length : new int[] {201, 100_000}) {
            refused(send("POST", "/api/fairs/coupon-batches", "admin", "{\"gift\":\"" + "礼".repeat(length) + "\"}"),
                    422, "gift");
        }
    }

    @Test
    public void fractionsNumbersForEnumsAndControlCharactersAreRefused() throws Exception {
        refused(send("POST", "/api/fairs", "admin", "{\"stallCount\":1.5}"), 400, "stallCount");
        refused(send("POST", "/api/jobfairs", "admin", "{\"mode\":1}"), 400, "mode");
        refused(send("POST", "/api/orgs", "admin", "{\"name\":\"海沧\\u0000总工会\"}"), 422, "name");
        refused(send("POST", "/api/accounts", "admin",
                "{\"username\":\"longpw\",\"password\":\"" + "x".repeat(10_000) + "\",\"roles\":[\"member\"]}"),
                422, "password");
    }

    @Test
    public void aBlankModuleIsNotWrittenIntoTheModuleSet() throws Exception {
        String before = get("/api/admin/modules", "admin").expect(200).json().path("chosen").asText();
        for (String module : List.of("", "   ")) {
            refused(send("POST", "/api/admin/modules", "admin", "{\"action\":\"enable\",\"module\":\"" + module + "\"}"),
                    422, "module");
        }
        assertEquals(before, get("/api/admin/modules", "admin").expect(200).json().path("chosen").asText());
    }

    @Test
    public void badParametersAreNamed() throws Exception {
        refused(get("/api/jobfairs/1/employers?status=NOPE", "admin"), 400, "status");
        refused(get("/api/fairs/abc", "admin"), 400, "id");
        refused(get("/api/mutual-aid/plans/1/enrolments?offset=1.5", "admin"), 400, "offset");
    }

    @Test
    public void jettysOwnRefusalsAreProblemsToo() throws Exception {
        assertProblem(get("/api/fairs/%00", "admin"), 400, null);
        assertProblem(get("/api/fairs?q=" + "a".repeat(20_000), "admin"), 414, null);
    }

    @Test
    public void aRefusalOfABodySaysTheConnectionCloses() throws Exception {
        // a client that reused the connection after such a refusal got no answer at all (Jetty drops it when the
        // body stays unread), so the refusal says "Connection: close"; a raw socket, as HttpClient hides the header
        URI base = URI.create(baseUrl());
        byte[] body = ("{\"name\":\"" + "礼".repeat(3000) + "\"}").getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/fairs HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String head = head(socket.getInputStream());
            assertTrue(head, head.startsWith("HTTP/1.1 401 ") || head.startsWith("HTTP/1.1 403 "));
            assertTrue(head, head.toLowerCase(Locale.ROOT).contains("\r\nconnection: close\r\n"));
        }
        // a NUL in the path is refused by Jetty itself, before any filter, the same way (FuzzIT relies on it)
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /api/model-workers/records/1/surveys/%00 HTTP/1.1\r\nHost: " + base.getHost() + ":"
                    + base.getPort() + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = head(socket.getInputStream());
            assertTrue(head, head.startsWith("HTTP/1.1 400 "));
            assertTrue(head, head.toLowerCase(Locale.ROOT).contains("\r\ncontent-type: application/problem+json"));
            assertTrue(head, head.toLowerCase(Locale.ROOT).contains("\r\nconnection: close\r\n"));
        }
    }

    private static String head(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                fail("the connection closed before the answer's head ended: " + head);
            }
            head.append((char) c);
        }
        return head.toString();
    }

    @Test
    public void a405ListsTheMethodsOfItsPathAndA404None() throws Exception {
        Resp notAllowed = send("DELETE", "/api/fairs", Who.of("admin"), null, null);
        assertProblem(notAllowed, 405, null);
        assertEquals("GET, HEAD, OPTIONS, POST", notAllowed.header("Allow"));
        Resp notFound = get("/api/no-such-thing", "admin");
        assertProblem(notFound, 404, null);
        assertEquals(null, notFound.header("Allow"));
    }

    @Test
    public void anUnacceptableAcceptIsTold406OnlyAfterSignIn() throws Exception {
        Resp anonymous = accepting("/api/orgs", "image/png", null);
        assertProblem(anonymous, 401, null);
        assertTrue(anonymous.header("WWW-Authenticate") != null);
        assertProblem(accepting("/api/orgs", "image/png", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("admin:wrong-password".getBytes(java.nio.charset.StandardCharsets.UTF_8))), 401, null);
        assertProblem(accepting("/api/orgs", "image/png", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("admin:admin".getBytes(java.nio.charset.StandardCharsets.UTF_8))), 406, null);
        // an operation open to anyone has nothing to hide before sign-in
        assertProblem(accepting("/api/modules", "image/png", null), 406, null);
    }

    private static Resp accepting(String path, String accept, String authorization) throws Exception {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + path))
                .header("Accept", accept);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(b.build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return new Resp(r.statusCode(), r.body(), r.headers());
    }

    private Resp send(String method, String path, String who, String json) throws Exception {
        return send(method, path, Who.of(who), json, "application/json");
    }

    private static void refused(Resp r, int status, String field) {
        assertProblem(r, status, field);
        JsonNode errors = r.json().path("errors");
        if (errors.size() == 0) {
            fail("no errors in " + r.raw());
        }
        assertTrue(Arrays.toString(new int[] {r.status()}), r.status() < 500);
    }
}
