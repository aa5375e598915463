package org.unionhub.itests;

import org.unionhub.testkit.contract.Contract;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.unionhub.api.validation.CreditCode;
import org.unionhub.client.ApiClient;
import org.unionhub.client.ApiException;
import org.unionhub.client.api.CoreApi;
import org.unionhub.client.api.FairsApi;
import org.unionhub.client.api.JobfairsApi;
import org.unionhub.client.api.ModelworkersApi;
import org.unionhub.client.api.MutualaidApi;
import org.unionhub.client.api.RecuperationApi;
import org.unionhub.client.model.*;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The API contract, enforced: the live document of a hub with every module equals {@code api-client/openapi.json}
 * (the file the Java client is generated from), one whole workflow per module runs through that generated client,
 * and every answer the client gets is checked against the document ({@link Contract}). A change that alters the
 * document fails here until the contract file is updated, and the client with it.
 *
 * <p>Runs against a fresh hub unpacked from the distribution, or against a running one given as
 * {@code -Dunionhub.hub.url=http://localhost:8181} (demo data, every module).
 */
public class ContractIT {

    static final String[] MODULES = {"fairs", "jobfairs", "mutualaid", "modelworkers", "recuperation"};
    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.currentTimeMillis() % 100_000));
    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);

    private static ExternalHub hub;
    private static String base;
    private static final Contract CONTRACT = new Contract();

    @BeforeClass
    public static void startHub() throws Exception {
        base = startAllModules("contract-it");
    }

    /** The URL of a hub with every module: the one given, or a fresh one unpacked under {@code target/name}. */
    static String startAllModules(String name) throws Exception {
        String given = System.getProperty("unionhub.hub.url");
        if (given != null && !given.isBlank()) {
            return given.replaceAll("/+$", "");
        }
        hub = ExternalHub.unpack(name);
        hub.setup("--profile", "all");
        hub.start(MODULES);
        return hub.url("");
    }

    @AfterClass
    public static void stopHub() throws Exception {
        if (hub != null) {
            hub.stop();
            hub = null;
        }
    }

    @Test
    public void theLiveDocumentIsTheContract() throws Exception {
        HttpResponse<String> live = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(base + "/api/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, live.statusCode());
        Path written = Path.of(System.getProperty("project.build.directory", "target"), "openapi-live.json");
        Files.createDirectories(written.getParent());
        Files.writeString(written, Contract.JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(Contract.JSON.readTree(live.body())));
        if (!Contract.comparable(live.body()).equals(Contract.comparable(Contract.read()))) {
            fail("the API document changed: compare " + written.toAbsolutePath() + " with " + Contract.FILE.toAbsolutePath()
                    + "; if the change is meant, copy the first over the second (the client is generated from it)");
        }
    }

    @Test
    public void coreOrganisationMemberAndAccount() throws Exception {
        HubTokenResponse token = new CoreApi(client(null)).coreAuthToken(new HubCredentials().username("officer")
                .password("officer"));
        assertEquals("Bearer", token.getTokenType());
        CoreApi officer = new CoreApi(bearer(token.getToken()));
        HubOrg org = officer.coreOrgCreate(new HubOrgRequest().name("契约测试基层工会" + serial())
                .kind(HubOrgKind.GRASSROOTS).parentId(officer.coreAccountMe().getOrgId()), null);
        assertNotNull(org.getId());
        HubMember m = officer.coreMemberCreate(new HubMemberRequest().name("契约" + serial()).orgId(org.getId())
                .employmentForm(HubEmploymentForm.NEW_FORM).newFormKind(HubNewFormKind.COURIER)
                .cardNumber("CONTRACT-" + serial()).joinedOn(LocalDate.of(2024, 3, 1)), null);
        assertEquals(m.getId(), officer.coreMemberGet(m.getId()).getId());
        assertEquals(1L, (long) officer.coreMemberList(org.getId(), null, null, null, null, null, null, null, null, null, null, null, null).getTotal());
        HubAccount account = new CoreApi(client("admin")).coreAccountCreate(new HubAccountRequest()
                .username("contract" + serial()).password("secret-contract").roles(Set.of("member")).memberId(m.getId()), null);
        assertEquals(m.getId(), account.getMemberId());
        CONTRACT.assertKept();
    }

    @Test
    public void fairsStallApplicationAndCoupon() throws Exception {
        FairsApi officer = new FairsApi(client("officer"));
        OffsetDateTime starts = NOW.plusDays(2).withHour(9).withMinute(0);
        FairsFair fair = officer.fairsFairCreate(new FairsFairRequest().name("契约集市" + serial()).theme("工会惠工")
                .venue("海沧区文化中心").startsAt(starts).endsAt(starts.plusHours(9)).stallCount(3)
                .registrationOpensAt(NOW.minusHours(1)).registrationClosesAt(NOW.plusDays(1))
                .sections(List.of("特惠购物")), null);
        FairsApplication a = new FairsApi(client(null)).fairsFairApply(fair.getId(), new FairsApplicationRequest()
                .companyName("契约商行" + serial()).creditCode(creditCode()).contact("0592-6000000").category("食品")
                .offersMemberDiscount(true));
        assertEquals(FairsApplicationStatus.ALLOCATED, a.getStatus());
        assertEquals(1L, (long) officer.fairsFairApplications(fair.getId(), null, null, null, null, null, null).getTotal());
        FairsCouponBatch batch = officer.fairsCouponBatchCreate(new FairsCouponBatchRequest().fairId(fair.getId())
                .title("满30减5").kind(FairsCouponKind.THRESHOLD).threshold(new BigDecimal("30"))
                .discount(new BigDecimal("5")).quantity(10).perMemberLimit(1).validFrom(NOW.minusHours(1))
                .validTo(NOW.plusDays(5)), null);
        // a member claims for himself: an empty object (the generated client sends a JSON null for no body)
        FairsCoupon coupon = new FairsApi(client("member")).fairsCouponBatchClaim(batch.getId(), null, null,
                new java.util.HashMap<>());
        assertEquals(coupon.getCode(), officer.fairsCouponGet(coupon.getCode()).getCode());
        CONTRACT.assertKept();
    }

    @Test
    public void jobfairsEmployerPositionAndApplication() throws Exception {
        JobfairsApi officer = new JobfairsApi(client("officer"));
        JobfairsFair fair = officer.jobfairsFairCreate(new JobfairsFairRequest().name("契约招聘会" + serial())
                .mode(JobfairsFairMode.ONSITE).venue("海沧人才市场").startsAt(NOW.plusDays(1))
                .endsAt(NOW.plusDays(1).plusHours(6)).boothCapacity(10), null);
        JobfairsEmployer employer = officer.jobfairsFairRegister(fair.getId(), new JobfairsEmployerRequest()
                .name("契约船舶" + serial()).creditCode(creditCode()).industry("shipbuilding")
                .size(JobfairsCompanySize.MEDIUM).contactName("人事部").contactPhone("0592-6000000"), null);
        assertEquals(JobfairsEmployerStatus.APPROVED,
                officer.jobfairsEmployerApprove(employer.getId(), new JobfairsReview().note("资料齐全")).getStatus());
        JobfairsPosition position = officer.jobfairsFairPost(fair.getId(), new JobfairsPositionRequest()
                .employerId(employer.getId()).title("电焊工").industry("shipbuilding").headcount(2)
                .salaryMin(new BigDecimal("8000")).salaryMax(new BigDecimal("12000")).education(JobfairsEducation.VOCATIONAL)
                .experienceYears(2).location("厦门海沧").description("船体焊接"), null);
        JobfairsApplication application = new JobfairsApi(client("member")).jobfairsPositionApply(position.getId(),
                new JobfairsApplicationRequest().cv(new JobfairsCv().name("王磊").phone("13800000000").education(JobfairsEducation.VOCATIONAL).experienceYears(3)
                        .expectedSalary(new BigDecimal("9000")))
                        .consent(new HubConsentGiven().noticeVersion("2026-11-1").channel("H5")), null);
        assertEquals(JobfairsApplicationStatus.VIEWED, officer.jobfairsApplicationStatus(application.getId(),
                new JobfairsStatusChange().status(JobfairsApplicationStatus.VIEWED)).getStatus());
        CONTRACT.assertKept();
    }

    @Test
    public void mutualAidPlanEnrolmentAndClaim() throws Exception {
        MutualaidApi admin = new MutualaidApi(client("admin"));
        int year = LocalDate.now().getYear();
        MutualaidPlan plan = admin.mutualaidPlanCreate(new MutualaidPlanRequest().name("契约互助" + serial())
                .kind(MutualaidPlanKind.INPATIENT).periodStart(LocalDate.of(year, 1, 1)).periodEnd(LocalDate.of(year, 12, 31))
                .contribution(new BigDecimal("30")).eligibleKinds(Set.of(HubEmploymentForm.EMPLOYEE,
                        HubEmploymentForm.NEW_FORM)).waitingDays(0).deductible(new BigDecimal("500"))
                .bands(List.of(new MutualaidBand().upTo(null).ratio(new BigDecimal("0.5"))))
                .capPerClaim(new BigDecimal("10000")).capPerPeriod(new BigDecimal("20000")), null);
        long memberId = new CoreApi(client("member")).coreAccountMe().getMemberId();
        MutualaidEnrolment enrolment = admin.mutualaidPlanEnrol(plan.getId(), new MutualaidEnrolmentRequest()
                .memberId(memberId).enrolledOn(LocalDate.of(year, 1, 1)), null);
        assertEquals(memberId, (long) enrolment.getMemberId());
        MutualaidClaim claim = new MutualaidApi(client("member")).mutualaidClaimSubmit(new MutualaidClaimRequest()
                .planId(plan.getId()).memberId(memberId).hospital("厦门第一医院").admittedOn(LocalDate.now().minusDays(10))
                .dischargedOn(LocalDate.now().minusDays(5)).totalExpenses(new BigDecimal("8000"))
                .reimbursed(new BigDecimal("3000")).consent(new HubConsentGiven().noticeVersion("2026-11-1").channel("H5")
                        .sensitive(List.of("MEDICAL"))), null);
        assertEquals(MutualaidClaimStatus.SUBMITTED, admin.mutualaidClaimGet(claim.getId()).getStatus());
        CONTRACT.assertKept();
    }

    @Test
    public void modelWorkersRecordSurveyAndNomination() throws Exception {
        ModelworkersApi admin = new ModelworkersApi(client("admin"));
        ModelworkersRecordView record = admin.modelworkersRecordCreate(new ModelworkersRecordRequest()
                .name("契约劳模" + serial()).idNumber(idNumber()).title("REGIONAL_MODEL_WORKER").yearAwarded(2020)
                .awardingBody("福建省人民政府").workplace("厦门港").orgId(4L).contact("0592-6000000"), null);
        admin.modelworkersRecordAddTitle(record.getId(), new ModelworkersTitleRequest().title("NATIONAL_MODEL_WORKER")
                .yearAwarded(2024).awardingBody("国务院"), null);
        ModelworkersSurveyView survey = admin.modelworkersRecordPutSurvey(record.getId(), LocalDate.now().getYear(),
                new ModelworkersSurveyRequest().incomeBand(ModelworkersIncomeBand.LOW).health(ModelworkersHealth.FAIR)
                        .housing(ModelworkersHousing.ADEQUATE).selfPaidMedical(new BigDecimal("1200.50"))
                        .consent(new HubConsentGiven().noticeVersion("2026-11-1").channel("PAPER").sensitive(List.of("MEDICAL"))));
        assertNotNull("the survey keeps the model worker's consent", survey.getMedicalConsentId());
        ModelworkersNominationView nomination = admin.modelworkersNominationCreate(new ModelworkersNominationRequest()
                .orgId(4L).candidateName("契约候选" + serial()).idNumber(idNumber()).workplace("海沧码头")
                .contact("0592-6000001").proposedTitle("REGIONAL_MODEL_WORKER").achievements("十年零事故")
                .consent(new HubConsentGiven().noticeVersion("2026-11-1").channel("PAPER").sensitive(List.of("ID_NUMBER"))),
                null);
        assertNotNull("the nomination keeps the candidate's consent", nomination.getConsentId());
        assertEquals(ModelworkersNominationState.DRAFT, nomination.getState());
        CONTRACT.assertKept();
    }

    @Test
    public void recuperationSanatoriumProgrammeAndBooking() throws Exception {
        RecuperationApi admin = new RecuperationApi(client("admin"));
        RecuperationSanatorium s = admin.recuperationSanatoriumCreate(new RecuperationSanatoriumRequest()
                .name("契约疗休养院" + serial()).region("厦门").unionOwned(true).bedsPerNight(40), null);
        LocalDate start = LocalDate.now().plusDays(30);
        RecuperationProgramme p = admin.recuperationProgrammeCreate(new RecuperationProgrammeRequest()
                .sanatoriumId(s.getId()).title("劳模疗休养").startDate(start).days(5).places(20)
                .pricePerPersonPerDay(new BigDecimal("300")), null);
        long memberId = new CoreApi(client("member")).coreAccountMe().getMemberId();
        long officerOrg = new CoreApi(client("officer")).coreAccountMe().getOrgId();
        RecuperationBooking booking = new RecuperationApi(client("officer")).recuperationBookingBook(
                new RecuperationBookingRequest().programmeId(p.getId()).organiserOrgId(officerOrg)
                        .memberIds(List.of(memberId)), null);
        assertEquals(booking.getId(), admin.recuperationBookingGet(booking.getId()).getId());
        admin.recuperationBookingCancel(booking.getId());
        CONTRACT.assertKept();
    }

    @Test
    public void everyExampleFitsItsSchemaAndACreateOfItSucceeds() throws Exception {
        List<String> failures = new java.util.ArrayList<>();
        int examples = 0;
        int posted = 0;
        JsonNode doc = Contract.JSON.readTree(Contract.read());
        for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
            java.util.Map.Entry<String, JsonNode> path = paths.next();
            for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                java.util.Map.Entry<String, JsonNode> op = ops.next();
                JsonNode example = op.getValue().at("/requestBody/content/application~1json/example");
                if (example.isMissingNode()) {
                    continue;
                }
                examples++;
                String where = op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                String body = Contract.JSON.writeValueAsString(example);
                failures.addAll(Contract.requestProblems(op.getKey(), path.getKey().replaceAll("\\{[^}]+}", "1"), body)
                        .stream().map(m -> where + ": the example does not fit its schema: " + m).toList());
                if ("post".equals(op.getKey()) && !path.getKey().contains("{")) {
                    // a create that needs nothing but the demo data: its example must be accepted as it stands
                    HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                            .newBuilder(java.net.URI.create(base + "/api" + path.getKey()))
                            .header("Content-Type", "application/json").header("Authorization", "Basic "
                                    + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    CONTRACT.check("POST", r.uri(), r.statusCode(), r.headers().map(), r.body());
                    posted++;
                    if (r.statusCode() != 201) {
                        failures.add(where + ": the example was answered " + r.statusCode() + " " + r.body());
                    }
                }
            }
        }
        assertTrue("no failures expected:\n" + String.join("\n", failures), failures.isEmpty());
        assertTrue("examples in the document: " + examples, examples >= 7);
        assertTrue("examples posted: " + posted, posted >= 7);
        CONTRACT.assertKept();
    }

    @Test
    public void problemsAreAnswersOfTheContractToo() throws Exception {
        try {
            new FairsApi(client("officer")).fairsFairCreate(new FairsFairRequest().name("x").stallCount(-1), null);
            fail("an invalid fair was accepted");
        } catch (ApiException e) {
            assertEquals(422, e.getCode());
            JsonNode problem = Contract.JSON.readTree(e.getResponseBody());
            assertTrue(problem.path("errors").size() > 0);
        }
        CONTRACT.assertKept();
        assertTrue(CONTRACT.checked() > 0);
    }

    private static ApiClient client(String demoAccount) {
        ApiClient c = new ApiClient();
        c.updateBaseUri(base + "/api");
        c.setHttpClientBuilder(CheckingHttpClient.builder(CONTRACT));
        if (demoAccount != null) {
            String pair = demoAccount + ":" + demoAccount;
            c.setRequestInterceptor(b -> b.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))));
        }
        return c;
    }

    private static ApiClient bearer(String token) {
        ApiClient c = client(null);
        c.setRequestInterceptor(b -> b.header("Authorization", "Bearer " + token));
        return c;
    }

    private static int serial() {
        return SERIAL.incrementAndGet();
    }

    static String creditCode() {
        String body = "91350200MC" + String.format("%07d", SERIAL.incrementAndGet() % 10_000_000);
        return body + CreditCode.checkCharacter(body);
    }

    /** A valid resident ID number (GB 11643 check digit), unique per call. */
    static String idNumber() {
        String body = "350203" + "1985" + "0101" + String.format("%03d", SERIAL.incrementAndGet() % 1000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
