package org.unionhub.modelworkers.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Dictionary;
import java.util.Hashtable;

import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.KarafDistributionOption;
import org.unionhub.api.validation.IdCardNumber;
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A fresh non-demo hub ships none of the invented figures (the model-worker subsidy amounts 3000/3000/2400/1800/1200
 * and the 50,000 hardship cap are in no report): the module reports NEEDS_CONFIGURATION, the payments that need a
 * missing figure are refused with 409 naming the setting, and once the region sets them they are paid by its figures.
 */
public class RegionSettingsIT extends HubTestSupport {

    private static final String ROOT = "/api/model-workers";
    private static final String PID = "org.unionhub.modelworkers";

    @Override
    protected String[] features() {
        return new String[] {"unionhub-core", "unionhub-modelworkers"};
    }

    @Override
    protected String[] expectedModules() {
        return new String[] {"modelworkers"};
    }

    /** Not a demo hub: no demo data, no demo amounts, the admin's password in data/unionhub/initial-admin-password. */
    @Override
    protected Option[] extraOptions() {
        return new Option[] {KarafDistributionOption.editConfigurationFilePut("etc/org.unionhub.hub.cfg", "demo", "false")};
    }

    @Test
    public void aFreshHubAsksTheRegionForTheAmountsAndRefusesThePaymentsThatNeedThem() throws Exception {
        Who admin = new Who("admin", Files.readString(Path.of(System.getProperty("karaf.data"),
                "unionhub", "initial-admin-password")).trim());
        assertEquals(0, send("GET", "/api/orgs", admin, null, null).expect(200).json().path("total").asInt());
        JsonNode health = module(admin);
        assertEquals("NEEDS_CONFIGURATION", health.path("health").path("status").asText());
        String detail = health.path("health").path("detail").asText();
        assertTrue(detail, detail.contains("annual.amounts") && detail.contains("hardship.max.amount"));

        long org = send("POST", "/api/orgs", admin, obj("name", "新疆维吾尔自治区总工会", "kind", "FEDERATION"), null)
                .expect(201).id();
        String first17 = "650102" + LocalDate.of(1970, 5, 1).format(DateTimeFormatter.BASIC_ISO_DATE) + "501";
        long record = send("POST", ROOT + "/records", admin, obj("name", "艾力", "idNumber",
                first17 + IdCardNumber.checkCharacter(first17), "title", "REGIONAL_MODEL_WORKER", "yearAwarded", 2015,
                "workplace", "乌鲁木齐", "orgId", org, "status", "ACTIVE"), null).expect(201).id();

        assertProblem(send("POST", ROOT + "/subsidies/applications", admin, obj("recordId", record, "kind", "ANNUAL_SPECIAL", "year", 2024),
                null), 409, "annual.amounts");
        assertProblem(send("POST", ROOT + "/subsidies/applications", admin, obj("recordId", record, "kind", "HARDSHIP_RELIEF", "year",
                2024, "amount", 1000, "note", "住院"), null), 409, "hardship.max.amount");
        assertEquals("nothing was applied for", 0, send("GET", ROOT + "/subsidies/applications?recordId=" + record, admin, null, null)
                .expect(200).json().path("total").asInt());

        // the region sets its own figures
        Dictionary<String, Object> settings = new Hashtable<>();
        settings.put("annual.amounts", new String[] {"REGIONAL_MODEL_WORKER=2000.00"});
        settings.put("hardship.max.amount", "30000.00");
        configure(settings);
        Resp paid = null;
        for (int i = 0; i < 100; i++) {
            paid = send("POST", ROOT + "/subsidies/applications", admin, obj("recordId", record, "kind", "ANNUAL_SPECIAL", "year", 2024),
                    null);
            if (paid.status() != 409) {
                break;
            }
            Thread.sleep(100);
        }
        paid.expect(201);
        assertTrue(paid.raw(), paid.raw().contains("\"amount\":2000.00"));
        assertProblem(send("POST", ROOT + "/subsidies/applications", admin, obj("recordId", record, "kind", "HARDSHIP_RELIEF", "year",
                2024, "amount", 40000, "note", "住院"), null), 422, "amount");
        send("POST", ROOT + "/subsidies/applications", admin, obj("recordId", record, "kind", "HARDSHIP_RELIEF", "year", 2024,
                "amount", 30000, "note", "住院"), null).expect(201);
        assertEquals("UP", module(admin).path("health").path("status").asText());
    }

    private JsonNode module(Who admin) throws Exception {
        for (JsonNode m : send("GET", "/api/modules", admin, null, null).expect(200).json()) {
            if ("modelworkers".equals(m.path("id").asText())) {
                return m;
            }
        }
        throw new AssertionError("modelworkers is not listed");
    }

    /** Config Admin by reflection on the service: the probe does not import org.osgi.service.cm. */
    private void configure(Dictionary<String, ?> properties) throws Exception {
        Object cm = bundleContext.getService(bundleContext.getServiceReference("org.osgi.service.cm.ConfigurationAdmin"));
        ClassLoader loader = cm.getClass().getClassLoader();
        Object config = loader.loadClass("org.osgi.service.cm.ConfigurationAdmin")
                .getMethod("getConfiguration", String.class, String.class).invoke(cm, PID, "?");
        loader.loadClass("org.osgi.service.cm.Configuration").getMethod("update", Dictionary.class).invoke(config, properties);
    }
}
