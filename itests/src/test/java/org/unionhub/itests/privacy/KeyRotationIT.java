package org.unionhub.itests.privacy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.ServiceReference;
import org.unionhub.api.validation.IdCardNumber;
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Personal-data key rotation under load (issue 22): members with ID numbers are written and read while the key
 * rotates; afterwards every number reads back as written, exact search finds them, the old key file is gone, and no
 * sealed value in the database opens with the old key nor matches its blind index.
 */
public class KeyRotationIT extends HubTestSupport {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Override
    protected Option[] extraOptions() {
        return new Option[] {systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT").value("120000")};
    }

    @Test
    public void aRotationUnderReadsAndWritesLosesNothingAndTheOldKeyOpensNothing() throws Exception {
        long org = post("/api/orgs", "admin", obj("name", "轮换测试工会", "kind", "FEDERATION")).expect(201).id();
        Map<Long, String> numbers = new ConcurrentHashMap<>();
        for (int i = 0; i < 40; i++) {
            member(org, numbers);
        }
        Path keyFile = Path.of(System.getProperty("karaf.data"), "unionhub", "personal-data.key");
        byte[] oldKey = Base64.getDecoder().decode(Files.readString(keyFile).trim());

        AtomicBoolean rotating = new AtomicBoolean(true);
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Long> ids = new ArrayList<>(numbers.keySet());
        Thread writer = new Thread(() -> {
            try {
                while (rotating.get()) {
                    member(org, numbers);
                }
            } catch (Throwable e) {
                problems.add("writer: " + e);
            }
        });
        Thread reader = new Thread(() -> {
            try {
                for (int i = 0; rotating.get(); i++) {
                    long id = ids.get(i % ids.size());
                    String shown = get("/api/members/" + id, "admin").expect(200).json().path("idNumber").asText();
                    if (!numbers.get(id).equals(shown)) {
                        problems.add("member " + id + " read " + shown.length() + " characters");
                    }
                }
            } catch (Throwable e) {
                problems.add("reader: " + e);
            }
        });
        writer.start();
        reader.start();
        Thread.sleep(300);
        JsonNode report;
        try {
            report = post("/api/admin/personal-data-key/rotations", "admin", null).expect(200).json();
        } finally {
            rotating.set(false);
            writer.join(60_000);
            reader.join(60_000);
        }
        assertTrue(problems.toString(), problems.isEmpty());
        assertFalse(report.path("resumed").asBoolean());
        assertFalse(report.path("oldKeyId").asText().equals(report.path("newKeyId").asText()));
        assertTrue(report.toString(), report.path("resealed").path("HUB_MEMBER.ID_SEALED").asLong() >= 40);
        assertProblem(post("/api/admin/personal-data-key/rotations", "officer", null), 403, null);

        // nothing lost: every number, also those written during the rotation, reads back and is found by exact search
        assertTrue("members were written during the rotation: " + numbers.size(), numbers.size() > 40);
        for (Map.Entry<Long, String> m : numbers.entrySet()) {
            assertEquals(m.getValue(), get("/api/members/" + m.getKey(), "admin").expect(200).json().path("idNumber").asText());
        }
        List<Long> all = new ArrayList<>(numbers.keySet());
        for (long id : List.of(all.get(0), all.get(all.size() - 1))) {
            JsonNode found = get("/api/members?idNumber=" + numbers.get(id) + "&reason=" + java.net.URLEncoder.encode(
                    "核对会员身份", StandardCharsets.UTF_8), "admin").expect(200).json();
            assertEquals(1, found.path("total").asLong());
            assertEquals(id, found.path("items").get(0).path("id").asLong());
        }

        // the old key is destroyed and opens nothing that is stored; its blind index matches nothing
        assertFalse(Files.exists(keyFile.resolveSibling("personal-data.key.old")));
        assertFalse(Arrays.equals(oldKey, Base64.getDecoder().decode(Files.readString(keyFile).trim())));
        Set<String> indexes = new HashSet<>();
        int sealed = 0;
        ServiceReference<DataSource> ref = bundleContext.getServiceReferences(DataSource.class, "(dataSourceName=unionhub)")
                .iterator().next();
        try (Connection c = bundleContext.getService(ref).getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT ID_SEALED, ID_INDEX FROM HUB_MEMBER WHERE ID_SEALED IS NOT NULL")) {
            while (rs.next()) {
                sealed++;
                indexes.add(rs.getString(2));
                if (opens(rs.getString(1), oldKey)) {
                    fail("a value still opens with the old key");
                }
            }
        }
        assertTrue(sealed >= numbers.size());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Arrays.copyOfRange(oldKey, 32, 64), "HmacSHA256"));
        for (String n : numbers.values()) {
            assertFalse(indexes.contains(HexFormat.of().formatHex(mac.doFinal(n.getBytes(StandardCharsets.UTF_8)))));
        }

        // the shell command does the same
        String out = shell("hub:rotate-personal-data-key");
        assertTrue(out, out.contains("the old key is destroyed") && out.contains("HUB_MEMBER.ID_SEALED"));
        assertEquals(numbers.get(all.get(0)), get("/api/members/" + all.get(0), "admin").expect(200).json().path("idNumber")
                .asText());
    }

    private static boolean opens(String sealed, byte[] key) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Arrays.copyOfRange(key, 0, 32), "AES"),
                    new GCMParameterSpec(128, all, 0, 12));
            cipher.doFinal(all, 12, all.length - 12);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private void member(long org, Map<Long, String> numbers) throws Exception {
        int n = SEQ.incrementAndGet();
        String first17 = "350205" + "1980" + String.format("%02d%02d", 1 + n % 12, 1 + n % 28) + String.format("%03d", n % 1000);
        String number = first17 + IdCardNumber.checkCharacter(first17);
        long id = post("/api/members", "admin", obj("name", "轮换测试" + n, "orgId", org, "employmentForm", "EMPLOYEE",
                "idNumber", number)).expect(201).id();
        numbers.put(id, number);
    }
}
