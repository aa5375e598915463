package org.unionhub.jobfairs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.unionhub.api.FieldError;
import org.unionhub.api.HubException;
import org.unionhub.api.upload.FileType;
import org.unionhub.jobfairs.api.FairMode;

class RulesTest {

    private static Set<String> fields(Runnable r) {
        HubException e = assertThrows(HubException.class, r::run);
        return e.errors().stream().map(FieldError::field).collect(Collectors.toSet());
    }

    @Test
    void workflowMovesOneStepAtATime() {
        assertTrue(ApplicationStatus.SUBMITTED.canMoveTo(ApplicationStatus.VIEWED));
        assertTrue(ApplicationStatus.VIEWED.canMoveTo(ApplicationStatus.INTERVIEW));
        assertTrue(ApplicationStatus.INTERVIEW.canMoveTo(ApplicationStatus.OFFERED));
        assertTrue(ApplicationStatus.OFFERED.canMoveTo(ApplicationStatus.HIRED));
        assertFalse(ApplicationStatus.SUBMITTED.canMoveTo(ApplicationStatus.HIRED));
        assertFalse(ApplicationStatus.VIEWED.canMoveTo(ApplicationStatus.OFFERED));
        assertFalse(ApplicationStatus.OFFERED.canMoveTo(ApplicationStatus.SUBMITTED));
        for (ApplicationStatus s : ApplicationStatus.values()) {
            assertEquals(!s.isFinal(), s.canMoveTo(ApplicationStatus.REJECTED), s.name());
            assertEquals(!s.isFinal(), s.canMoveTo(ApplicationStatus.WITHDRAWN), s.name());
            assertFalse(s.canMoveTo(s), s.name());
        }
        assertTrue(ApplicationStatus.HIRED.next().isEmpty());
    }

    @Test
    void attachmentTypeIsNamedByTheHeaderWithThePhonesAlias() {
        // detection by content is the kit's (UploadsTest); the header names the type the content must have
        assertEquals(FileType.PDF, ApplicationService.declaredType("application/pdf; name=cv.pdf"));
        assertEquals(FileType.JPEG, ApplicationService.declaredType("IMAGE/JPG"));
        assertEquals(FileType.JPEG, ApplicationService.declaredType("image/jpeg"));
        assertNull(ApplicationService.declaredType("application/x-msdownload"));
        assertNull(ApplicationService.declaredType(null));
    }

    @Test
    void attachmentsAreSizeLimitedWhileReading() {
        assertEquals(10, ApplicationService.read(new ByteArrayInputStream(new byte[10]), 10).length);
        HubException e = assertThrows(HubException.class,
                () -> ApplicationService.read(new ByteArrayInputStream(new byte[11]), 10));
        assertEquals(413, e.status());
        assertEquals("attachment", e.errors().get(0).field());
        assertEquals("must be at most 10 bytes", e.errors().get(0).message());
        assertEquals("attachment: at most 10 bytes", e.detail());
        assertEquals(0, ApplicationService.read(null, 10).length);
    }

    @Test
    void positionsNeedPeopleAndASaneSalaryRange() {
        PositionRequest ok = new PositionRequest(null, "焊工", null, 3, new BigDecimal("6000"), new BigDecimal("9000"),
                Education.VOCATIONAL, 1, "厦门", null, null);
        PositionService.validate(ok);
        assertEquals(Set.of("salaryMin"), fields(() -> PositionService.validate(new PositionRequest(null, "焊工", null, 3,
                new BigDecimal("9000"), new BigDecimal("6000"), Education.VOCATIONAL, 1, "厦门", null, null))));
        assertEquals(Set.of("headcount"), fields(() -> PositionService.validate(new PositionRequest(null, "焊工", null, 0,
                new BigDecimal("6000"), new BigDecimal("9000"), Education.VOCATIONAL, 1, "厦门", null, null))));
        assertEquals(Set.of("title", "headcount", "salaryMin", "salaryMax", "education", "experienceYears", "location"),
                fields(() -> PositionService.validate(new PositionRequest(null, null, null, null, null, null, null, null,
                        null, null, null))));
        assertEquals(Set.of("salaryMin"), fields(() -> PositionService.validate(new PositionRequest(null, "焊工", null, 3,
                new BigDecimal("6000.123"), new BigDecimal("9000"), Education.VOCATIONAL, 1, "厦门", null, null))));
    }

    @Test
    void sortIsWhitelisted() {
        assertEquals(java.util.List.of("id", "createdAt", "salaryMin", "salaryMax", "headcount", "title"),
                PositionService.PAGES.sortNames());
        PositionService.PAGES.defaultSort("-salaryMax");
        HubException e = assertThrows(HubException.class, () -> PositionService.PAGES.defaultSort("ID; DROP TABLE X"));
        assertEquals(400, e.status());
        assertEquals("sort", e.errors().get(0).field());
    }

    @Test
    void employersNeedAValidCreditCode() {
        EmployerRequest good = new EmployerRequest("海沧船舶", "91350100M000100Y43", "shipbuilding", CompanySize.LARGE, "李",
                "0592-1234567", null, null, null);
        EmployerService.validate(good, false);
        assertEquals(Set.of("creditCode"), fields(() -> EmployerService.validate(new EmployerRequest("海沧船舶",
                "91350100M000100Y44", "shipbuilding", CompanySize.LARGE, "李", "0592-1234567", null, null, null), false)));
        assertEquals(Set.of("accountUsername"), fields(() -> EmployerService.validate(new EmployerRequest("海沧船舶",
                "91350100M000100Y43", "shipbuilding", CompanySize.LARGE, "李", "0592-1234567", null, null, "other"), false)));
    }

    @Test
    void fairsWithBoothsNeedAVenueAndACapacity() {
        OffsetDateTime at = OffsetDateTime.parse("2026-03-22T09:00:00+08:00");
        FairService.validate(new FairRequest(2L, "春风行动", FairMode.HYBRID, "文化中心", null, at, at.plusHours(7),
                List.of("职业规划", "劳动法律咨询"), 30, null), 2L);
        assertEquals(Set.of("venue", "boothCapacity"), fields(() -> FairService.validate(new FairRequest(2L, "春风行动",
                FairMode.ONSITE, null, null, at, at.plusHours(7), null, null, null), 2L)));
        assertEquals(Set.of("endsAt"), fields(() -> FairService.validate(new FairRequest(2L, "直播", FairMode.ONLINE, null,
                null, at, at.minusHours(1), null, null, null), 2L)));
        assertEquals(Set.of("streamUrl", "boothCapacity"), fields(() -> FairService.validate(new FairRequest(2L, "直播",
                FairMode.LIVESTREAM, null, null, at, at.plusHours(1), null, 5, null), 2L)));
        assertEquals(Set.of("serviceZones"), fields(() -> FairService.validate(new FairRequest(2L, "线上", FairMode.ONLINE,
                null, null, at, at.plusHours(1), List.of("心理疏导", "心理疏导"), null, null), 2L)));
    }

    @Test
    void cvNeedsContactAndEducation() {
        ApplicationService.validate(new ApplicationRequest(new Cv("王磊", "13800000003", null, Education.SENIOR_HIGH, 3,
                "电动车驾驶", null, null), null, null));
        assertEquals(Set.of("cv"), fields(() -> ApplicationService.validate(new ApplicationRequest(null, null, null))));
        assertEquals(Set.of("cv.phone", "cv.education", "cv.experienceYears"), fields(() -> ApplicationService.validate(
                new ApplicationRequest(new Cv("王磊", "12345", null, null, -1, null, null, null), null, null))));
    }
}
