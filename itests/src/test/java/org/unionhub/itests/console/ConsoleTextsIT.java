package org.unionhub.itests.console;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.Test;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The console's texts (issue 20): problems in Chinese for {@code Accept-Language: zh-CN} with no property name left in
 * them, English for a client that sends none, and a label in {@code GET /api/labels} for every enum value and every
 * property of the live OpenAPI document, shipped by the module that owns it (or by the core).
 */
public class ConsoleTextsIT extends AllModulesSupport {

    private static final Map<String, String> ZH = Map.of("Accept-Language", "zh-CN");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]+");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");


    @Test
    public void badBodiesAnswerInChineseWithoutPropertyNames() throws Exception {
        Set<String> properties = properties(get("/api/openapi.json", null).expect(200).json());
        long haicang = demoOrg("海沧区总工会");
        List<Resp> answers = new ArrayList<>();
        answers.add(call("POST", "/api/orgs", "officer", "{}", ZH));
        answers.add(call("POST", "/api/members", "officer", JSON.writeValueAsString(obj("name", "测试", "orgId", haicang,
                "phone", "123", "employmentForm", "NEW_FORM", "idNumber", "440524198001010014")), ZH));
        ObjectNode fair = obj("name", "海沧区工会集市·测试", "theme", "测试", "venue", "海沧区文化中心广场", "orgId", haicang,
                "startsAt", "2027-03-22T09:00:00+08:00", "endsAt", "2027-03-21T18:00:00+08:00", "stallCount", 30,
                "stallFeePerDay", 150, "registrationOpensAt", "2027-03-01T09:00:00+08:00",
                "registrationClosesAt", "2027-03-15T18:00:00+08:00", "offerWindowHours", 24);
        Resp backwards = call("POST", "/api/fairs", "officer", JSON.writeValueAsString(fair), ZH);
        answers.add(backwards);
        answers.add(call("POST", "/api/fairs", "officer", "{\"stallCount\": \"many\"}", ZH));
        answers.add(call("POST", "/api/fairs", "officer", "{not json", ZH));
        answers.add(call("GET", "/api/fairs/987654", "officer", null, ZH));
        answers.add(call("GET", "/api/members?limit=100000", "officer", null, ZH));
        answers.add(call("GET", "/api/members", null, null, ZH));
        for (Resp r : answers) {
            assertTrue(r.raw(), r.status() >= 400 && r.status() < 500);
            JsonNode p = r.json();
            List<String> texts = new ArrayList<>(List.of(p.path("title").asText(), p.path("detail").asText()));
            p.path("errors").forEach(e -> texts.add(e.path("message").asText()));
            for (String t : texts) {
                assertTrue("not Chinese: " + t + " in " + r.raw(), CJK.matcher(t).find());
                Matcher w = WORD.matcher(t);
                while (w.find()) {
                    assertFalse("a property name in " + t + " of " + r.raw(), properties.contains(w.group()));
                }
            }
        }
        JsonNode ends = backwards.json().path("errors").get(0);
        assertEquals("endsAt", ends.path("field").asText());
        assertTrue(ends.toString(), ends.path("message").asText().contains("开始时间"));

        Resp english = call("POST", "/api/fairs", "officer", JSON.writeValueAsString(fair), Map.of());
        assertTrue("no Accept-Language keeps English: " + english.raw(),
                english.json().path("errors").get(0).path("message").asText().contains("startsAt"));
        Resp asked = call("POST", "/api/orgs", "officer", "{}", Map.of("Accept-Language", "en-US,zh-CN;q=0.5"));
        assertEquals("Invalid request", asked.json().path("title").asText());
    }

    @Test
    public void everyCodeAndPropertyOfTheDocumentHasALabelInItsModule() throws Exception {
        JsonNode doc = get("/api/openapi.json", null).expect(200).json();
        JsonNode labels = get("/api/labels", "officer").expect(200).json();
        assertEquals("zh-CN", labels.path("lang").asText());
        JsonNode modules = labels.path("modules");
        for (String m : List.of("core", "fairs", "jobfairs", "recuperation", "mutualaid", "modelworkers")) {
            assertTrue("labels of " + m + ": " + modules.fieldNames(), modules.has(m));
        }
        Set<String> missing = new TreeSet<>();
        JsonNode schemas = doc.path("components").path("schemas");
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
            for (Iterator<JsonNode> ops = paths.next().getValue().elements(); ops.hasNext();) {
                JsonNode op = ops.next();
                String module = op.path("tags").path(0).asText("core");
                Set<JsonNode> seen = new HashSet<>();
                Set<String> fields = new TreeSet<>();
                Set<String> values = new TreeSet<>();
                collect(op, schemas, seen, fields, values);
                for (String f : fields) {
                    if (!has(modules, module, "fields", f)) {
                        missing.add(module + " field " + f);
                    }
                }
                for (String v : values) {
                    if (!has(modules, module, "values", v)) {
                        missing.add(module + " value " + v);
                    }
                }
            }
        }
        assertEquals("labels missing", Set.of(), missing);
    }

    /** Where the failsafe JVM has the repository (itests/..): the modules' sources are read from there. */
    private static final String ROOT = "unionhub.root";
    /**
     * The actions a module writes as a literal prefix and a value ({@code "jobfairs.application." + target}): the
     * values each prefix takes. A new prefix fails the test until it is listed here.
     */
    private static final Map<String, List<String>> DYNAMIC_ACTIONS = Map.of(
            "jobfairs.application.", List.of("submitted", "viewed", "interview", "offered", "hired", "rejected", "withdrawn"),
            "jobfairs.job.application.", List.of("submitted", "viewed", "interview", "offered", "hired", "rejected", "withdrawn"),
            "jobfairs.programme.application.", List.of("submitted", "approved", "returned", "paid"),
            "jobfairs.registry.", List.of("approve", "return"),
            "modelworkers.survey.", List.of("create", "update"));

    @Override
    protected Option[] extraOptions() {
        return new Option[] {CoreOptions.systemProperty(ROOT).value(
                Path.of(System.getProperty(ROOT, "..")).toAbsolutePath().normalize().toString())};
    }

    /**
     * The 审计日志 names each entry's action and subject by the labels of the module that wrote it: every action code
     * a module's sources write ({@code "fairs.fair.close"}) needs a label in its zh-CN.json, and every kind of
     * subject ({@code "fair"}) an {@code entity.} label, or the screen falls back to the module's name and a number.
     */
    @Test
    public void everyAuditActionAModuleWritesHasALabelAndSoDoesItsSubject() throws Exception {
        JsonNode modules = get("/api/labels", "officer").expect(200).json().path("modules");
        Path root = Path.of(System.getProperty(ROOT, ".."));
        Set<String> missing = new TreeSet<>();
        Set<String> actions = new TreeSet<>();
        for (String m : List.of("fairs", "jobfairs", "recuperation", "mutualaid", "modelworkers")) {
            Pattern action = Pattern.compile("\"(" + m + "\\.[a-z-]+\\.[a-z0-9.-]*)\"(\\s*\\+)?");
            Pattern subject = Pattern.compile("\"" + m + "\\.[a-z-]+\\.[a-z0-9.-]*\"(?:\\s*\\+[^,;]*)?(?:\\s*:\\s*\"[^\"]*\")?,"
                    + "\\s*\"([A-Za-z-]+)\",");
            List<Path> sources;
            try (Stream<Path> files = Files.walk(root.resolve("bundles/" + m + "/" + m + "-service/src/main/java"))) {
                sources = files.filter(f -> f.toString().endsWith(".java")).toList();
            }
            for (Path f : sources) {
                String text = Files.readString(f);
                if (!text.toLowerCase(Locale.ROOT).contains("audit")) {
                    continue;
                }
                for (Matcher a = action.matcher(text); a.find();) {
                    List<String> codes = a.group(2) == null ? List.of(a.group(1)) : DYNAMIC_ACTIONS.getOrDefault(a.group(1),
                            List.of()).stream().map(v -> a.group(1) + v).toList();
                    if (codes.isEmpty()) {
                        missing.add(f.getFileName() + ": the values of " + a.group(1) + "… (list them in DYNAMIC_ACTIONS)");
                    }
                    for (String code : codes) {
                        actions.add(code);
                        if (!modules.path(m).path("values").has(code)) {
                            missing.add(m + " action " + code);
                        }
                    }
                }
                for (Matcher e = subject.matcher(text); e.find();) {
                    if (!has(modules, m, "values", "entity." + e.group(1))) {
                        missing.add(m + " subject entity." + e.group(1));
                    }
                }
            }
        }
        assertTrue("the modules' sources were read: " + actions, actions.size() > 90);
        assertEquals("audit actions and subjects without a label", Set.of(), missing);
    }

    private static boolean has(JsonNode modules, String module, String kind, String key) {
        return modules.path(module).path(kind).has(key) || modules.path("core").path(kind).has(key);
    }

    /** Every property name and enum value an operation reads or answers, through its schema references. */
    private static void collect(JsonNode node, JsonNode schemas, Set<JsonNode> seen, Set<String> fields, Set<String> values) {
        if (node.isObject()) {
            if (node.has("$ref")) {
                String ref = node.path("$ref").asText();
                if (ref.startsWith("#/components/schemas/")) {
                    JsonNode target = schemas.path(ref.substring("#/components/schemas/".length()));
                    if (seen.add(target)) {
                        collect(target, schemas, seen, fields, values);
                    }
                }
                return;
            }
            node.path("enum").forEach(v -> values.add(v.asText()));
            node.path("properties").fieldNames().forEachRemaining(fields::add);
            node.elements().forEachRemaining(child -> collect(child, schemas, seen, fields, values));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collect(child, schemas, seen, fields, values));
        }
    }

    private static Set<String> properties(JsonNode doc) {
        Set<String> out = new HashSet<>();
        collect(doc.path("components"), doc.path("components").path("schemas"), new HashSet<>(), out, new HashSet<>());
        return out;
    }
}
