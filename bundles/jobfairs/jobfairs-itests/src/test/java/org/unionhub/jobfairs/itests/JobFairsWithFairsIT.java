package org.unionhub.jobfairs.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.Test;
import org.unionhub.testkit.HubTestSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Job fairs in a hub where the fairs module runs too: a job fair links to the job-recruitment section of a
 * union fair, checked through the fairs api; a union fair without such a section is refused.
 */
public class JobFairsWithFairsIT extends HubTestSupport {

    @Override
    protected String[] features() {
        return new String[] {"unionhub-core", "unionhub-fairs", "unionhub-jobfairs"};
    }

    @Override
    protected String[] expectedModules() {
        return new String[] {"fairs", "jobfairs"};
    }

    @Test
    public void aJobFairLinksToTheRecruitmentSectionOfAUnionFair() throws Exception {
        JsonNode modules = get("/api/modules", null).expect(200).json();
        assertEquals(2, modules.size());

        long withSection = unionFair("海沧工会集市（含招聘）", List.of("discount shopping", "job recruitment", "legal aid"));
        long without = unionFair("海沧工会集市", List.of("discount shopping", "performances"));

        JsonNode linked = post("/api/jobfairs", "officer", jobFair("集市招聘专区").put("unionFairId", withSection))
                .expect(201).json();
        assertEquals(withSection, linked.path("unionFairId").asLong());
        assertEquals(withSection, get("/api/jobfairs/" + linked.path("id").asLong(), null).json().path("unionFairId").asLong());

        long before = get("/api/jobfairs?limit=1", null).json().path("total").asLong();
        Resp refused = post("/api/jobfairs", "officer", jobFair("无招聘板块").put("unionFairId", without));
        assertProblem(refused, 422, "unionFairId");
        assertTrue(refused.raw(), refused.raw().contains("no job recruitment section"));
        assertProblem(post("/api/jobfairs", "officer", jobFair("不存在的集市").put("unionFairId", 424242)), 422, "unionFairId");
        assertEquals("nothing was written", before, get("/api/jobfairs?limit=1", null).json().path("total").asLong());
    }

    private long unionFair(String name, List<String> sections) throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.MINUTES);
        return post("/api/fairs", "officer", obj("name", name, "theme", "月月有主题", "venue", "海沧湾公园",
                "startsAt", now.plusDays(10).toString(), "endsAt", now.plusDays(11).toString(), "stallCount", 30,
                "registrationOpensAt", now.minusHours(1).toString(), "registrationClosesAt", now.plusDays(5).toString(),
                "sections", sections)).expect(201).id();
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode jobFair(String name) {
        OffsetDateTime day = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.DAYS).plusDays(10).withHour(9);
        return obj("name", name, "mode", "ONLINE", "streamUrl", "https://live.example.org/fair", "startsAt", day.toString(),
                "endsAt", day.plusHours(6).toString());
    }
}
