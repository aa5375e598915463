package org.unionhub.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.sql.DataSource;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Per-module migrations, with module bundles made in the test: applied once across restarts of the
 * bundle, and a failing one leaves the database as it was and the module down with its reason.
 */
public class MigrationIT extends HubTestSupport {

    @Test
    public void aMigrationRunsOnceAcrossTwoStarts() throws Exception {
        Bundle b = install("itmigrate", Map.of(
                "V1__create.sql", "CREATE TABLE ITMIGRATE_THING (ID INT PRIMARY KEY, NAME VARCHAR(20));\n"
                        + "INSERT INTO ITMIGRATE_THING VALUES (1, 'first');",
                "V2__add_column.sql", "ALTER TABLE ITMIGRATE_THING ADD COLUMN COLOUR VARCHAR(10) DEFAULT 'red';"));
        try {
            b.start();
            assertEquals(1L, count("SELECT COUNT(*) FROM ITMIGRATE_THING"));
            assertEquals(2L, count("SELECT COUNT(*) FROM HUB_SCHEMA_HISTORY WHERE MODULE = 'itmigrate'"));
            assertTrue("the module's database is registered", moduleDatabase("itmigrate"));

            b.stop();
            assertFalse("the database service goes with the bundle", moduleDatabase("itmigrate"));
            b.start();
            assertEquals("V1's insert did not run again", 1L, count("SELECT COUNT(*) FROM ITMIGRATE_THING"));
            assertEquals(2L, count("SELECT COUNT(*) FROM HUB_SCHEMA_HISTORY WHERE MODULE = 'itmigrate'"));
            assertEquals("red", string("SELECT COLOUR FROM ITMIGRATE_THING WHERE ID = 1"));
        } finally {
            b.uninstall();
        }
    }

    @Test
    public void aBrokenMigrationKeepsItsModuleDownAndTheDatabaseAsItWas() throws Exception {
        Bundle b = install("itbroken", Map.of(
                "V1__good.sql", "CREATE TABLE ITBROKEN_A (ID INT PRIMARY KEY);\nINSERT INTO ITBROKEN_A VALUES (1);",
                "V2__bad.sql", "CREATE TABLE ITBROKEN_B (ID INT PRIMARY KEY);\n"
                        + "INSERT INTO ITBROKEN_A VALUES (2);\n"
                        + "INSERT INTO ITBROKEN_NOWHERE VALUES (3);"));
        try {
            b.start();
            assertEquals("V1 applied", 1L, count("SELECT COUNT(*) FROM HUB_SCHEMA_HISTORY WHERE MODULE = 'itbroken'"));
            assertEquals("V2's insert was rolled back", 1L, count("SELECT COUNT(*) FROM ITBROKEN_A"));
            assertNull("V2's table was rolled back", string(
                    "SELECT TABLENAME FROM SYS.SYSTABLES WHERE TABLENAME = 'ITBROKEN_B'"));
            assertFalse("a module whose migration failed gets no database", moduleDatabase("itbroken"));

            JsonNode health = get("/api/health", null).expect(200).json();
            JsonNode module = health.path("modules").path("itbroken");
            assertEquals("FAILED", module.path("state").asText());
            assertTrue(module.path("detail").asText(), module.path("detail").asText().contains("V2 failed"));
            assertEquals("DEGRADED", health.path("status").asText());
            assertTrue(shell("hub:modules").contains("FAILED"));
        } finally {
            b.uninstall();
        }
        assertEquals("UP", get("/api/health", null).json().path("status").asText());
    }

    private Bundle install(String module, Map<String, String> migrations) throws IOException, Exception {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "org.unionhub.itests." + module);
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Bundle-Name", "Test module " + module);
        a.putValue(ModuleDatabase.MODULE_HEADER, module);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, mf)) {
            for (Map.Entry<String, String> m : migrations.entrySet()) {
                jar.putNextEntry(new JarEntry("db/migration/" + m.getKey()));
                jar.write(m.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return bundleContext.installBundle("test:" + module, new ByteArrayInputStream(bytes.toByteArray()));
    }

    private boolean moduleDatabase(String module) throws Exception {
        return bundleContext.getServiceReferences(ModuleDatabase.class, "(unionhub.module=" + module + ")").size() == 1;
    }

    private long count(String sql) throws Exception {
        return Long.parseLong(string(sql));
    }

    private String string(String sql) throws Exception {
        ServiceReference<DataSource> ref = bundleContext
                .getServiceReferences(DataSource.class, "(dataSourceName=unionhub)").iterator().next();
        DataSource ds = bundleContext.getService(ref);
        try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (Exception e) {
            throw new SQLException(e);
        } finally {
            bundleContext.ungetService(ref);
        }
    }
}
