package org.unionhub.modelworkers.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;
import org.unionhub.api.AuditLog;
import org.unionhub.api.FieldError;
import org.unionhub.api.HubException;
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.Sql;
import org.unionhub.api.personal.Consents;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.PersonalDataCipher;
import org.unionhub.api.security.Roles;
import org.unionhub.api.validation.IdCardNumber;
import org.unionhub.modelworkers.api.ModelWorkerEvents;
import org.unionhub.modelworkers.api.RecordStatus;

/**
 * Nominations from grassroots unions: structured fields and a checklist of materials, checked all at once
 * on submission; returned with field comments, resubmitted, approved into the archive or rejected.
 * The nominating union's officers write them; admins and accounts with {@value #REVIEWER} decide them.
 */
@Component(service = Nominations.class)
public class Nominations {

    public static final String REVIEWER = "modelworkers-reviewer";
    private static final String TABLE = "MODELWORKERS_NOMINATION";
    private static final String COLUMNS = "ID, ORG_ID, STATE, CANDIDATE_NAME, ID_SEALED, ID_INDEX, ID_MASKED, WORKPLACE, "
            + "CONTACT, PROPOSED_TITLE, ACHIEVEMENTS, RECORD_ID, DECISION_NOTE, CREATED_BY, SUBMITTED_BY, ROUND_NO, CREATED_AT, "
            + "UPDATED_AT, SUBMITTED_AT, DECIDED_AT, AT_ORG_ID";
    private static final List<String> FIELDS = List.of("orgId", "candidateName", "idNumber", "workplace", "contact",
            "proposedTitle", "achievements");
    private static final Set<NominationState> EDITABLE = Set.of(NominationState.DRAFT, NominationState.RETURNED);

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final PersonalDataCipher cipher;
    private final MemberDirectory directory;
    private final HubSettings hub;
    private final Configured config;
    private final Archive archive;
    private final EventAdmin eventAdmin;
    private final NominationLevels levels;
    private final Consents consents;

    @Activate
    public Nominations(@Reference(target = "(unionhub.module=modelworkers)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference PersonalDataCipher cipher, @Reference MemberDirectory directory, @Reference HubSettings hub,
            @Reference Configured config, @Reference Archive archive, @Reference EventAdmin eventAdmin,
            @Reference Consents consents) {
        this.consents = consents;
        this.db = db;
        this.audit = audit;
        this.cipher = cipher;
        this.directory = directory;
        this.hub = hub;
        this.config = config;
        this.archive = archive;
        this.eventAdmin = eventAdmin;
        this.levels = new NominationLevels(directory, hub);
    }

    private record Nom(long id, long orgId, NominationState state, String candidateName, String sealed, String index,
            String masked, String workplace, String contact, String proposedTitle, String achievements, Long recordId,
            String decisionNote, String createdBy, String submittedBy, int round, Instant createdAt, Instant updatedAt,
            Instant submittedAt, Instant decidedAt, Long atOrgId) {
    }

    // ---- writing

    public NominationView create(Caller caller, NominationRequest req) {
        IdCardNumber id = validateDraft(req);
        Scope.requireManage(caller, req.orgId(), directory);
        long nominationId = db.inTransaction(c -> {
            Instant now = Instant.now();
            long nid = Sql.insert(c, "INSERT INTO " + TABLE + " (ORG_ID, STATE, CANDIDATE_NAME, ID_SEALED, ID_INDEX, ID_MASKED, "
                    + "WORKPLACE, CONTACT, PROPOSED_TITLE, ACHIEVEMENTS, CREATED_BY, ROUND_NO, CREATED_AT, UPDATED_AT) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)", req.orgId(), NominationState.DRAFT,
                    Archive.trim(req.candidateName()), id == null ? null : cipher.encrypt(id.value()),
                    id == null ? null : cipher.blindIndex(id.value()), id == null ? null : IdCardNumber.mask(id.value()),
                    Archive.trim(req.workplace()), Archive.trim(req.contact()), level(req.proposedTitle()),
                    Archive.trim(req.achievements()), caller.username(), now, now);
            audit.record(c, caller, "modelworkers.nomination.create", "nomination", nid, changes(req));
            // in the nomination's transaction: a refused consent leaves no nomination, a failed create no consent
            NominationConsents.record(c, consents, caller, nid, req.consent());
            return nid;
        });
        return get(caller, nominationId);
    }

    public NominationView update(Caller caller, long nominationId, NominationRequest req) {
        Nom current = db.read(c -> writable(c, caller, nominationId));
        boolean keepId = IdCardNumber.isMaskOf(req.idNumber(), current.masked());
        IdCardNumber id = validateDraft(keepId ? withoutId(req) : req);
        Scope.requireManage(caller, req.orgId(), directory);
        db.inTransaction(c -> {
            Nom nom = writable(c, caller, nominationId);
            String sealed = keepId ? nom.sealed() : id == null ? null : cipher.encrypt(id.value());
            String index = keepId ? nom.index() : id == null ? null : cipher.blindIndex(id.value());
            String masked = keepId ? nom.masked() : id == null ? null : IdCardNumber.mask(id.value());
            int n = Sql.update(c, "UPDATE " + TABLE + " SET ORG_ID = ?, CANDIDATE_NAME = ?, ID_SEALED = ?, ID_INDEX = ?, "
                    + "ID_MASKED = ?, WORKPLACE = ?, CONTACT = ?, PROPOSED_TITLE = ?, ACHIEVEMENTS = ?, UPDATED_AT = ? "
                    + "WHERE ID = ? AND STATE = ?", req.orgId(), Archive.trim(req.candidateName()), sealed, index, masked,
                    Archive.trim(req.workplace()), Archive.trim(req.contact()), level(req.proposedTitle()),
                    Archive.trim(req.achievements()), Instant.now(), nominationId, nom.state());
            if (n == 0) {
                throw HubException.conflict("state", "the nomination changed meanwhile; reload it");
            }
            audit.record(c, caller, "modelworkers.nomination.update", "nomination", nominationId, changes(req));
            return null;
        });
        return get(caller, nominationId);
    }

    public MaterialView putMaterial(Caller caller, long nominationId, String item, String fileName, byte[] content) {
        Settings s = config.get();
        String code = item == null ? "" : item.trim().toUpperCase();
        if (!s.materials().contains(code)) {
            throw HubException.invalid("item", "unknown checklist item '" + item + "'; the checklist is "
                    + String.join(", ", s.materials()));
        }
        if (content == null || content.length == 0) {
            throw HubException.invalid("content", "the file is empty");
        }
        if (content.length > s.materialMaxBytes()) {
            throw new HubException(413, "Payload too large", "the file is larger than " + s.materialMaxBytes() + " bytes",
                    List.of(new FieldError("content", "must be at most " + s.materialMaxBytes() + " bytes")));
        }
        String type = FileTypes.detect(content);
        if (type == null) {
            throw HubException.invalid("content", "must be a PDF, PNG or JPEG file");
        }
        Validation v = new Validation();
        v.maxLength("fileName", fileName, 200).throwIfInvalid();
        String name = Archive.trim(fileName);
        db.inTransaction(c -> {
            writable(c, caller, nominationId);
            Instant now = Instant.now();
            Sql.update(c, "DELETE FROM MODELWORKERS_MATERIAL WHERE NOMINATION_ID = ? AND ITEM = ?", nominationId, code);
            Sql.insert(c, "INSERT INTO MODELWORKERS_MATERIAL (NOMINATION_ID, ITEM, FILE_NAME, CONTENT_TYPE, SIZE_BYTES, CONTENT, "
                    + "UPLOADED_BY, UPLOADED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", nominationId, code, name, type,
                    (long) content.length, content, caller.username(), now);
            Sql.update(c, "UPDATE " + TABLE + " SET UPDATED_AT = ? WHERE ID = ?", now, nominationId);
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("item", code);
            changes.put("fileName", name);
            changes.put("contentType", type);
            changes.put("size", content.length);
            audit.record(c, caller, "modelworkers.material.upload", "nomination", nominationId, changes);
            return null;
        });
        return get(caller, nominationId).materials().stream().filter(m -> m.item().equals(code)).findFirst().orElseThrow();
    }

    public Attachment material(Caller caller, long nominationId, String item) {
        return db.read(c -> {
            visible(c, caller, nominationId);
            return Sql.one(c, "SELECT FILE_NAME, CONTENT_TYPE, CONTENT FROM MODELWORKERS_MATERIAL WHERE NOMINATION_ID = ? "
                    + "AND ITEM = ?", rs -> new Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3)), nominationId,
                    item == null ? "" : item.trim().toUpperCase())
                    .orElseThrow(() -> HubException.notFound("material", item));
        });
    }

    /** Checks every field and every checklist item, answers all problems in one 422, else submits. */
    public NominationView submit(Caller caller, long nominationId) {
        Settings s = config.get();
        db.inTransaction(c -> {
            Nom nom = writable(c, caller, nominationId);
            List<FieldError> errors = completeness(c, nom, s);
            if (!errors.isEmpty()) {
                throw HubException.invalid(errors);
            }
            Instant now = Instant.now();
            // the nominating union recommends its candidate to the level above; the region's own go straight to it
            Long above = levels.above(nom.orgId());
            long at = above == null ? nom.orgId() : above;
            int n = Sql.update(c, "UPDATE " + TABLE + " SET STATE = ?, SUBMITTED_BY = ?, SUBMITTED_AT = ?, UPDATED_AT = ?, "
                    + "AT_ORG_ID = ? WHERE ID = ? AND STATE = ?", NominationState.SUBMITTED, caller.username(), now, now, at,
                    nominationId, nom.state());
            if (n == 0) {
                throw HubException.conflict("state", "the nomination changed meanwhile; reload it");
            }
            if (above != null) {
                levels.recommend(c, nominationId, nom.orgId(), above, LocalDate.now(hub.zone()).getYear(), caller.username());
            }
            audit.record(c, caller, "modelworkers.nomination.submit", "nomination", nominationId,
                    Map.of("from", nom.state(), "round", nom.round()));
            return null;
        });
        return get(caller, nominationId);
    }

    public NominationView returnForCorrection(Caller caller, long nominationId, ReturnRequest req) {
        Settings s = config.get();
        Validation v = new Validation();
        v.required("comments", req.comments());
        if (req.comments() != null) {
            for (int i = 0; i < req.comments().size(); i++) {
                FieldError fe = req.comments().get(i);
                String at = "comments[" + i + "]";
                if (fe == null) {
                    v.error(at, "is required");
                    continue;
                }
                v.required(at + ".field", fe.field());
                v.valid(at + ".field", fe.field(), f -> FIELDS.contains(f) || f.startsWith("materials.")
                        && s.materials().contains(f.substring("materials.".length())),
                        "must name a nomination field (" + String.join(", ", FIELDS) + ") or materials.<item>");
                v.required(at + ".message", fe.message()).maxLength(at + ".message", fe.message(), 1000);
            }
        }
        v.throwIfInvalid();
        db.inTransaction(c -> {
            Nom nom = decidable(c, caller, nominationId);
            int round = nom.round() + 1;
            Instant now = Instant.now();
            move(c, nom, NominationState.RETURNED, "ROUND_NO = ?, AT_ORG_ID = ?, ", round, null);
            for (FieldError fe : req.comments()) {
                Sql.insert(c, "INSERT INTO MODELWORKERS_NOMINATION_COMMENT (NOMINATION_ID, ROUND_NO, FIELD, MESSAGE, CREATED_BY, "
                        + "CREATED_AT) VALUES (?, ?, ?, ?, ?, ?)", nominationId, round, fe.field(), fe.message().trim(),
                        caller.username(), now);
            }
            audit.record(c, caller, "modelworkers.nomination.return", "nomination", nominationId,
                    Map.of("round", round, "fields", req.comments().stream().map(FieldError::field).toList()));
            return null;
        });
        return get(caller, nominationId);
    }

    /**
     * A reviewer's approval. A title the region confers is awarded at once; any other title is recommended upward
     * (RECOMMENDED) and recorded only when {@link #confer} says the conferring body has conferred it.
     */
    public NominationView approve(Caller caller, long nominationId, DecisionRequest req) {
        Settings s = config.get();
        int year = decisionYear(req);
        Events events = new Events();
        Scope.once(() -> db.inTransaction(c -> {
            events.reset();
            Nom nom = decidable(c, caller, nominationId);
            if (!levels.isRegion(nom.atOrgId())) {
                throw HubException.conflict("atOrgId", "the nomination is with " + levels.name(nom.atOrgId())
                        + ": each level recommends it upward until it reaches the region, which decides it");
            }
            List<FieldError> errors = completeness(c, nom, s);
            if (!errors.isEmpty()) {
                // e.g. the title level was removed from the configuration since submission
                throw HubException.invalid(errors);
            }
            if (!s.confersHere(nom.proposedTitle())) {
                move(c, nom, NominationState.RECOMMENDED, "DECISION_NOTE = ?, DECIDED_AT = ?, ", Archive.trim(req.note()),
                        Instant.now());
                audit.record(c, caller, "modelworkers.nomination.recommend", "nomination", nominationId,
                        Map.of("proposedTitle", nom.proposedTitle()));
                events.add(ModelWorkerEvents.NOMINATION_DECIDED, Map.of("nominationId", nominationId, "state", "RECOMMENDED"));
                return null;
            }
            return award(c, caller, nom, year, req, events);
        }), "idNumber", "the archive changed for this candidate meanwhile; approve again");
        events.post(eventAdmin);
        return get(caller, nominationId);
    }

    /** A level's reviewer recommends the nomination to the union above, within the level's yearly quota. */
    public NominationView forward(Caller caller, long nominationId) {
        Events events = new Events();
        db.inTransaction(c -> {
            events.reset();
            Nom nom = decidable(c, caller, nominationId);
            Long at = nom.atOrgId();
            if (levels.isRegion(at)) {
                throw HubException.conflict("atOrgId", "the nomination is with the region, which approves, returns or rejects it");
            }
            long above = levels.above(at);
            int n = Sql.update(c, "UPDATE " + TABLE + " SET AT_ORG_ID = ?, UPDATED_AT = ? WHERE ID = ? AND STATE = ? AND AT_ORG_ID = ?",
                    above, Instant.now(), nominationId, NominationState.SUBMITTED, at);
            if (n == 0) {
                throw HubException.conflict("state", "the nomination was moved meanwhile; reload it");
            }
            levels.recommend(c, nominationId, at, above, LocalDate.now(hub.zone()).getYear(), caller.username());
            audit.record(c, caller, "modelworkers.nomination.forward", "nomination", nominationId,
                    Map.of("fromOrgId", at, "toOrgId", above));
            events.add(ModelWorkerEvents.NOMINATION_DECIDED, Map.of("nominationId", nominationId, "state", "SUBMITTED",
                    "atOrgId", above));
            return null;
        });
        events.post(eventAdmin);
        return get(caller, nominationId);
    }

    /** A unit's quota of recommendations for a year and how many it used. */
    public NominationLevels.Quota quota(Caller caller, long orgId, int year) {
        if (!canRead(caller, orgId)) {
            throw HubException.notFound("organisation", orgId);
        }
        return db.read(c -> levels.quota(c, orgId, year));
    }

    /** The region sets how many nominations a unit may recommend upward in a year ({@code quota} null: no limit). */
    public NominationLevels.Quota setQuota(Caller caller, long orgId, int year, QuotaRequest req) {
        caller.require(Roles.ADMIN);
        Validation v = new Validation();
        String yp = Rules.yearProblem(year);
        v.check(yp == null, "year", yp);
        v.check(directory.org(orgId).isPresent(), "orgId", "organisation " + orgId + " does not exist");
        v.check(req.quota() == null || req.quota() >= 0 && req.quota() <= 100_000, "quota", "must be between 0 and 100000");
        v.throwIfInvalid();
        return db.inTransaction(c -> {
            levels.setQuota(c, orgId, year, req.quota());
            audit.record(c, caller, "modelworkers.nomination.quota", "organisation", orgId,
                    java.util.Collections.singletonMap("quota", req.quota()));
            return levels.quota(c, orgId, year);
        });
    }

    /** Records that the conferring body conferred the title a RECOMMENDED nomination was sent upward for. */
    public NominationView confer(Caller caller, long nominationId, DecisionRequest req) {
        caller.require(Roles.ADMIN);
        int year = decisionYear(req);
        Validation v = new Validation();
        v.required("awardingBody", req.awardingBody());
        v.throwIfInvalid();
        Events events = new Events();
        Scope.once(() -> db.inTransaction(c -> {
            events.reset();
            Nom nom = visible(c, caller, nominationId);
            if (nom.state() != NominationState.RECOMMENDED) {
                throw HubException.conflict("state", "only a RECOMMENDED nomination can be conferred; this one is " + nom.state());
            }
            return award(c, caller, nom, year, req, events);
        }), "idNumber", "the archive changed for this candidate meanwhile; confer again");
        events.post(eventAdmin);
        return get(caller, nominationId);
    }

    private int decisionYear(DecisionRequest req) {
        int year = req.yearAwarded() == null ? LocalDate.now(hub.zone()).getYear() : req.yearAwarded();
        Validation v = new Validation();
        String yp = Rules.yearProblem(year);
        v.check(yp == null, "yearAwarded", yp);
        v.maxLength("awardingBody", req.awardingBody(), 200).maxLength("note", req.note(), 500);
        v.throwIfInvalid();
        return year;
    }

    /** Writes the title into the archive (a new record, or a title on the candidate's record) and closes the nomination. */
    private long award(Connection c, Caller caller, Nom nom, int year, DecisionRequest req, Events events) throws SQLException {
        long nominationId = nom.id();
        IdCardNumber id = IdCardNumber.parse(cipher.decrypt(nom.sealed())).orElseThrow();
        long rid;
        var existing = archive.idByIndex(c, nom.index());
        if (existing.isPresent()) {
            rid = existing.get();
            if (archive.addTitle(c, caller, rid, nom.proposedTitle(), year, Archive.trim(req.awardingBody()))) {
                archive.touch(c, rid);
            }
            events.add(ModelWorkerEvents.RECORD_UPDATED, Map.of("recordId", rid, "orgId", nom.orgId()));
        } else {
            rid = archive.insert(c, caller, new Archive.NewRecord(nom.candidateName(), id, nom.proposedTitle(), year,
                    Archive.trim(req.awardingBody()), nom.workplace(), nom.orgId(), nom.contact(), RecordStatus.ACTIVE, null),
                    "nomination " + nominationId + " approved", events);
        }
        String note = Archive.trim(req.note());
        move(c, nom, NominationState.APPROVED, "RECORD_ID = ?, DECISION_NOTE = ?, DECIDED_AT = ?, ", rid,
                note != null ? note : nom.decisionNote(), Instant.now());
        audit.record(c, caller, "modelworkers.nomination.approve", "nomination", nominationId,
                Map.of("recordId", rid, "yearAwarded", year));
        events.add(ModelWorkerEvents.NOMINATION_DECIDED, Map.of("nominationId", nominationId, "state", "APPROVED",
                "recordId", rid));
        return rid;
    }

    public NominationView reject(Caller caller, long nominationId, DecisionRequest req) {
        Validation v = new Validation();
        v.required("note", req.note()).maxLength("note", req.note(), 500);
        v.throwIfInvalid();
        Events events = new Events();
        db.inTransaction(c -> {
            events.reset();
            Nom nom = rejectable(c, caller, nominationId);
            move(c, nom, NominationState.REJECTED, "DECISION_NOTE = ?, DECIDED_AT = ?, ", req.note().trim(), Instant.now());
            audit.record(c, caller, "modelworkers.nomination.reject", "nomination", nominationId, Map.of("note", req.note()));
            events.add(ModelWorkerEvents.NOMINATION_DECIDED, Map.of("nominationId", nominationId, "state", "REJECTED"));
            return null;
        });
        events.post(eventAdmin);
        return get(caller, nominationId);
    }

    // ---- reading

    /** The steps the caller may take on the nomination now (see {@link NominationActions}). */
    public NominationActions.NominationSteps actions(Caller caller, long nominationId) {
        Nom nom = db.read(c -> visible(c, caller, nominationId));
        return new NominationActions.NominationSteps(nominationId, nom.state().name(), NominationActions.of(new NominationActions.Facts(
                nom.state(), caller.canManage(nom.orgId(), directory), reviewsLevel(caller, nom.atOrgId()),
                levels.isRegion(nom.atOrgId()), caller.username().equals(nom.submittedBy()), caller.isAdmin())));
    }

    public NominationView get(Caller caller, long nominationId) {
        return db.read(c -> view(c, caller, visible(c, caller, nominationId)));
    }

    private static final Keyset PAGES = Keyset.by("ID");

    public Page<NominationView> list(Caller caller, NominationState state, Long orgId, PageRequest page) {
        return db.read(c -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            List<Object> params = new ArrayList<>();
            Scope.orgClause(c, "SELECT DISTINCT ORG_ID FROM " + TABLE, "ORG_ID", org -> canRead(caller, org), orgId, directory,
                    where, params);
            if (state != null) {
                where.append(" AND STATE = ?");
                params.add(state);
            }
            Page<Nom> noms = PAGES.page(c, "SELECT " + COLUMNS, " FROM " + TABLE + where, params, page, Nominations::nom);
            List<NominationView> items = new ArrayList<>();
            for (Nom n : noms.items()) {
                items.add(view(c, caller, n));
            }
            return new Page<>(items, noms.total(), noms.offset(), noms.limit(), noms.nextCursor(), noms.totalExact());
        });
    }

    // ---- rules

    /** What a submission lacks: every missing or invalid field and every missing checklist item. */
    private List<FieldError> completeness(Connection c, Nom nom, Settings s) throws SQLException {
        Validation v = new Validation();
        v.required("candidateName", nom.candidateName());
        v.required("idNumber", nom.sealed());
        v.required("workplace", nom.workplace());
        v.required("contact", nom.contact());
        v.required("proposedTitle", nom.proposedTitle());
        v.valid("proposedTitle", nom.proposedTitle(), s::knowsLevel, "unknown title level; known: "
                + String.join(", ", s.levels()));
        v.required("achievements", nom.achievements());
        Set<String> attached = Set.copyOf(Sql.list(c, "SELECT ITEM FROM MODELWORKERS_MATERIAL WHERE NOMINATION_ID = ?",
                rs -> rs.getString(1), nom.id()));
        for (String item : s.materials()) {
            v.check(attached.contains(item), "materials." + item, "is required");
        }
        return v.errors();
    }

    /** Format checks only: a draft may be incomplete, but what it holds must be well-formed. */
    private IdCardNumber validateDraft(NominationRequest req) {
        Validation v = new Validation();
        v.required("orgId", req.orgId());
        v.valid("orgId", req.orgId(), o -> directory.org(o).isPresent(), "organisation does not exist");
        v.maxLength("candidateName", req.candidateName(), 100).maxLength("workplace", req.workplace(), 200)
                .maxLength("contact", req.contact(), 100).maxLength("achievements", req.achievements(), 4000);
        v.valid("proposedTitle", Archive.trim(req.proposedTitle()), t -> config.get().knowsLevel(t.toUpperCase()),
                "unknown title level; known: " + String.join(", ", config.get().levels()));
        IdCardNumber id = null;
        if (req.idNumber() != null && !req.idNumber().isBlank()) {
            id = Archive.idNumber(v, "idNumber", req.idNumber());
        }
        v.throwIfInvalid();
        return id;
    }

    private boolean isReviewer(Caller caller, long orgId) {
        if (caller.isAdmin()) {
            return true;
        }
        return caller.hasRole(REVIEWER) && (caller.orgId() == null || directory.isWithin(orgId, caller.orgId()));
    }

    /**
     * Whether the caller reviews for the level that holds a nomination ({@code level} null: the region, as for a
     * nomination submitted before levels existed). Each level decides for itself: a reviewer of a higher union
     * does not recommend in a lower one's place.
     */
    private boolean reviewsLevel(Caller caller, Long level) {
        if (caller.isAdmin()) {
            return true;
        }
        if (!caller.hasRole(REVIEWER)) {
            return false;
        }
        if (caller.orgId() == null) {
            return levels.isRegion(level);
        }
        return level == null ? levels.isRegion(caller.orgId()) : caller.orgId() == level.longValue();
    }

    private boolean canRead(Caller caller, long orgId) {
        return caller.canManage(orgId, directory) || isReviewer(caller, orgId);
    }

    private Nom visible(Connection c, Caller caller, long nominationId) throws SQLException {
        Nom nom = Sql.one(c, "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE ID = ?", Nominations::nom, nominationId)
                .orElseThrow(() -> HubException.notFound("nomination", nominationId));
        if (!canRead(caller, nom.orgId())) {
            throw HubException.notFound("nomination", nominationId);
        }
        return nom;
    }

    /** The nomination, if the caller's union may still change it. */
    private Nom writable(Connection c, Caller caller, long nominationId) throws SQLException {
        Nom nom = visible(c, caller, nominationId);
        Scope.requireManage(caller, nom.orgId(), directory);
        if (!EDITABLE.contains(nom.state())) {
            throw HubException.conflict("state", "a " + nom.state() + " nomination cannot be changed");
        }
        return nom;
    }

    /** The nomination, if it awaits a decision and the caller may take it (never the one who submitted it). */
    private Nom decidable(Connection c, Caller caller, long nominationId) throws SQLException {
        Nom nom = visible(c, caller, nominationId);
        if (!reviewsLevel(caller, nom.atOrgId())) {
            throw HubException.forbidden("requires role admin or " + REVIEWER + " of "
                    + (nom.atOrgId() == null ? "the region" : levels.name(nom.atOrgId())));
        }
        if (nom.state() != NominationState.SUBMITTED) {
            throw HubException.conflict("state", "only a SUBMITTED nomination can be decided; this one is " + nom.state());
        }
        if (caller.username().equals(nom.submittedBy()) && !caller.isAdmin()) {
            throw HubException.forbidden("the account that submitted a nomination cannot decide it");
        }
        return nom;
    }

    /** A SUBMITTED nomination its reviewer decides, or a RECOMMENDED one the conferring body did not confer. */
    private Nom rejectable(Connection c, Caller caller, long nominationId) throws SQLException {
        Nom nom = visible(c, caller, nominationId);
        if (nom.state() == NominationState.RECOMMENDED && caller.isAdmin()) {
            return nom;
        }
        return decidable(c, caller, nominationId);
    }

    /** Moves the nomination on, conditional on the state read, so that two reviewers cannot both decide it. */
    private void move(Connection c, Nom nom, NominationState to, String extraSet, Object... extraParams) throws SQLException {
        List<Object> params = new ArrayList<>(java.util.Arrays.asList(extraParams));
        params.addAll(List.of(to, Instant.now(), nom.id(), nom.state()));
        int n = Sql.update(c, "UPDATE " + TABLE + " SET " + extraSet + "STATE = ?, UPDATED_AT = ? WHERE ID = ? AND STATE = ?",
                params.toArray());
        if (n == 0) {
            throw HubException.conflict("state", "the nomination was decided meanwhile");
        }
    }

    private NominationView view(Connection c, Caller caller, Nom n) throws SQLException {
        Map<String, MaterialView> attached = new HashMap<>();
        Sql.list(c, "SELECT ITEM, FILE_NAME, CONTENT_TYPE, SIZE_BYTES, UPLOADED_AT FROM MODELWORKERS_MATERIAL WHERE NOMINATION_ID = ?",
                rs -> attached.put(rs.getString(1), new MaterialView(rs.getString(1), true, rs.getString(2), rs.getString(3),
                        rs.getLong(4), time(Sql.getInstant(rs, "UPLOADED_AT")))), n.id());
        List<MaterialView> materials = new ArrayList<>();
        for (String item : config.get().materials()) {
            MaterialView m = attached.remove(item);
            materials.add(m == null ? new MaterialView(item, false, null, null, null, null) : m);
        }
        materials.addAll(attached.values());
        List<Comment> comments = n.round() == 0 ? List.of() : Sql.list(c, "SELECT FIELD, MESSAGE, CREATED_BY, CREATED_AT FROM "
                + "MODELWORKERS_NOMINATION_COMMENT WHERE NOMINATION_ID = ? AND ROUND_NO = ? ORDER BY ID",
                rs -> new Comment(rs.getString(1), rs.getString(2), rs.getString(3), time(Sql.getInstant(rs, "CREATED_AT"))),
                n.id(), n.round());
        String idShown = IdReads.shown(c, caller, n.id(), n.sealed(), n.masked(), cipher, audit);
        NominationConsents.Ids consent = NominationConsents.of(c, n.id());
        return new NominationView(n.id(), n.orgId(), n.state(), n.candidateName(), idShown, n.workplace(), n.contact(),
                n.proposedTitle(), n.achievements(), materials, comments, n.recordId(), n.decisionNote(), n.createdBy(),
                n.submittedBy(), time(n.createdAt()), time(n.updatedAt()), time(n.submittedAt()), time(n.decidedAt()),
                n.atOrgId(), n.atOrgId() == null ? null : levels.name(n.atOrgId()), levels.route(c, n.id()),
                consent.consentId(), consent.idNumberConsentId());
    }

    private OffsetDateTime time(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, hub.zone());
    }

    private static Nom nom(ResultSet rs) throws SQLException {
        return new Nom(rs.getLong("ID"), rs.getLong("ORG_ID"), Sql.getEnum(rs, "STATE", NominationState.class),
                rs.getString("CANDIDATE_NAME"), rs.getString("ID_SEALED"), rs.getString("ID_INDEX"), rs.getString("ID_MASKED"),
                rs.getString("WORKPLACE"), rs.getString("CONTACT"), rs.getString("PROPOSED_TITLE"), rs.getString("ACHIEVEMENTS"),
                Sql.getLong(rs, "RECORD_ID"), rs.getString("DECISION_NOTE"), rs.getString("CREATED_BY"),
                rs.getString("SUBMITTED_BY"), rs.getInt("ROUND_NO"), Sql.getInstant(rs, "CREATED_AT"),
                Sql.getInstant(rs, "UPDATED_AT"), Sql.getInstant(rs, "SUBMITTED_AT"), Sql.getInstant(rs, "DECIDED_AT"),
                Sql.getLong(rs, "AT_ORG_ID"));
    }

    private static String level(String raw) {
        String t = Archive.trim(raw);
        return t == null ? null : t.toUpperCase();
    }

    private static NominationRequest withoutId(NominationRequest r) {
        return new NominationRequest(r.orgId(), r.candidateName(), null, r.workplace(), r.contact(), r.proposedTitle(),
                r.achievements());
    }

    private static Map<String, Object> changes(NominationRequest req) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orgId", req.orgId());
        m.put("candidateName", req.candidateName());
        m.put("idNumber", req.idNumber() == null ? null : "(set)");
        m.put("workplace", req.workplace());
        m.put("proposedTitle", req.proposedTitle());
        return m;
    }
}
