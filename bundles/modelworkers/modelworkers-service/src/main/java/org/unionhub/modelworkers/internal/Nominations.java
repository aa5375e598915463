package org.unionhub.modelworkers.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.unionhub.api.personal.Consents;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.PersonalDataCipher;
import org.unionhub.api.security.Roles;
import org.unionhub.api.upload.FileType;
import org.unionhub.api.upload.Uploads;
import org.unionhub.api.validation.IdCardNumber;
import org.unionhub.api.validation.Texts;
import org.unionhub.modelworkers.internal.NominationStore.Nom;

/**
 * Nominations from grassroots unions: structured fields and a checklist of materials, checked all at once
 * on submission; returned with field comments, resubmitted, approved into the archive or rejected.
 * The nominating union's officers write them; admins and accounts with {@value #REVIEWER} decide them.
 */
@Component(service = Nominations.class)
public class Nominations {

    public static final String REVIEWER = "modelworkers-reviewer";
    private static final String TABLE = NominationStore.TABLE;
    static final List<String> FIELDS = List.of("orgId", "candidateName", "idNumber", "workplace", "contact",
            "proposedTitle", "achievements");

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
    private final NominationAccess access;
    private final NominationDecisions decisions;

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
        this.access = new NominationAccess(directory, hub, config, cipher, audit, levels);
        this.decisions = new NominationDecisions(db, audit, cipher, hub, config, archive, eventAdmin, levels, access);
    }

    // ---- writing

    public NominationView create(Caller caller, NominationRequest req) {
        IdCardNumber id = validateDraft(req);
        Scope.requireManage(caller, req.orgId(), directory);
        long nominationId = db.inTransaction(c -> {
            Instant now = Instant.now();
            long nid = NominationStore.insert(c, req.orgId(), Texts.blankToNull(req.candidateName()),
                    id == null ? null : cipher.encrypt(id.value()), id == null ? null : cipher.blindIndex(id.value()),
                    id == null ? null : IdCardNumber.mask(id.value()), Texts.blankToNull(req.workplace()), Texts.blankToNull(req.contact()),
                    level(req.proposedTitle()), Texts.blankToNull(req.achievements()), caller.username(), now);
            audit.record(c, caller, "modelworkers.nomination.create", "nomination", nid, changes(req));
            // in the nomination's transaction: a refused consent leaves no nomination, a failed create no consent
            NominationConsents.record(c, consents, caller, nid, req.consent());
            return nid;
        });
        return get(caller, nominationId);
    }

    public NominationView update(Caller caller, long nominationId, NominationRequest req) {
        Nom current = db.read(c -> access.writable(c, caller, nominationId));
        boolean keepId = IdCardNumber.isMaskOf(req.idNumber(), current.masked());
        IdCardNumber id = validateDraft(keepId ? withoutId(req) : req);
        Scope.requireManage(caller, req.orgId(), directory);
        db.inTransaction(c -> {
            Nom nom = access.writable(c, caller, nominationId);
            String sealed = keepId ? nom.sealed() : id == null ? null : cipher.encrypt(id.value());
            String index = keepId ? nom.index() : id == null ? null : cipher.blindIndex(id.value());
            String masked = keepId ? nom.masked() : id == null ? null : IdCardNumber.mask(id.value());
            int n = NominationStore.update(c, nominationId, nom.state(), req.orgId(), Texts.blankToNull(req.candidateName()), sealed,
                    index, masked, Texts.blankToNull(req.workplace()), Texts.blankToNull(req.contact()), level(req.proposedTitle()),
                    Texts.blankToNull(req.achievements()));
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
            throw Uploads.tooLarge("the file is larger than " + s.materialMaxBytes() + " bytes", "content",
                    "must be at most " + s.materialMaxBytes() + " bytes");
        }
        FileType detected = FileType.detect(content);
        if (detected == null) {
            throw HubException.invalid("content", "must be a PDF, PNG or JPEG file");
        }
        String type = detected.mediaType();
        Validation v = new Validation();
        v.maxLength("fileName", fileName, 200).throwIfInvalid();
        String name = Texts.blankToNull(fileName);
        db.inTransaction(c -> {
            access.writable(c, caller, nominationId);
            Instant now = Instant.now();
            NominationStore.putMaterial(c, nominationId, code, name, type, content, caller.username(), now);
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
            access.visible(c, caller, nominationId);
            return NominationStore.material(c, nominationId, item == null ? "" : item.trim().toUpperCase())
                    .orElseThrow(() -> HubException.notFound("material", item));
        });
    }

    /** Checks every field and every checklist item, answers all problems in one 422, else submits. */
    public NominationView submit(Caller caller, long nominationId) {
        Settings s = config.get();
        db.inTransaction(c -> {
            Nom nom = access.writable(c, caller, nominationId);
            List<FieldError> errors = decisions.completeness(c, nom, s);
            if (!errors.isEmpty()) {
                throw HubException.invalid(errors);
            }
            Instant now = Instant.now();
            // the nominating union recommends its candidate to the level above; the region's own go straight to it
            Long above = levels.above(nom.orgId());
            long at = above == null ? nom.orgId() : above;
            int n = NominationStore.submit(c, nominationId, nom.state(), caller.username(), now, at);
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

    // ---- deciding: NominationDecisions

    public NominationView returnForCorrection(Caller caller, long nominationId, ReturnRequest req) {
        decisions.returnForCorrection(caller, nominationId, req);
        return get(caller, nominationId);
    }

    public NominationView approve(Caller caller, long nominationId, DecisionRequest req) {
        decisions.approve(caller, nominationId, req);
        return get(caller, nominationId);
    }

    public NominationView forward(Caller caller, long nominationId) {
        decisions.forward(caller, nominationId);
        return get(caller, nominationId);
    }

    public NominationView confer(Caller caller, long nominationId, DecisionRequest req) {
        decisions.confer(caller, nominationId, req);
        return get(caller, nominationId);
    }

    public NominationView reject(Caller caller, long nominationId, DecisionRequest req) {
        decisions.reject(caller, nominationId, req);
        return get(caller, nominationId);
    }

    /** A unit's quota of recommendations for a year and how many it used. */
    public NominationLevels.Quota quota(Caller caller, long orgId, int year) {
        if (!access.canRead(caller, orgId)) {
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

    // ---- reading

    /** The steps the caller may take on the nomination now (see {@link NominationActions}). */
    public NominationActions.NominationSteps actions(Caller caller, long nominationId) {
        Nom nom = db.read(c -> access.visible(c, caller, nominationId));
        return new NominationActions.NominationSteps(nominationId, nom.state().name(), NominationActions.of(new NominationActions.Facts(
                nom.state(), caller.canManage(nom.orgId(), directory), access.reviewsLevel(caller, nom.atOrgId()),
                levels.isRegion(nom.atOrgId()), caller.username().equals(nom.submittedBy()), caller.isAdmin())));
    }

    public NominationView get(Caller caller, long nominationId) {
        return db.read(c -> access.view(c, caller, access.visible(c, caller, nominationId)));
    }

    public Page<NominationView> list(Caller caller, NominationState state, Long orgId, PageRequest page) {
        return db.read(c -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            List<Object> params = new ArrayList<>();
            Scope.orgClause(c, "SELECT DISTINCT ORG_ID FROM " + TABLE, "ORG_ID", org -> access.canRead(caller, org), orgId, directory,
                    where, params);
            if (state != null) {
                where.append(" AND STATE = ?");
                params.add(state);
            }
            Page<Nom> noms = NominationStore.page(c, where.toString(), params, page);
            List<NominationView> items = new ArrayList<>();
            for (Nom n : noms.items()) {
                items.add(access.view(c, caller, n));
            }
            return new Page<>(items, noms.total(), noms.offset(), noms.limit(), noms.nextCursor(), noms.totalExact());
        });
    }

    // ---- rules

    /** Format checks only: a draft may be incomplete, but what it holds must be well-formed. */
    private IdCardNumber validateDraft(NominationRequest req) {
        Validation v = new Validation();
        v.required("orgId", req.orgId());
        v.valid("orgId", req.orgId(), o -> directory.org(o).isPresent(), "organisation does not exist");
        v.maxLength("candidateName", req.candidateName(), 100).maxLength("workplace", req.workplace(), 200)
                .maxLength("contact", req.contact(), 100).maxLength("achievements", req.achievements(), 4000);
        v.valid("proposedTitle", Texts.blankToNull(req.proposedTitle()), t -> config.get().knowsLevel(t.toUpperCase()),
                "unknown title level; known: " + String.join(", ", config.get().levels()));
        IdCardNumber id = null;
        if (req.idNumber() != null && !req.idNumber().isBlank()) {
            id = Archive.idNumber(v, "idNumber", req.idNumber());
        }
        v.throwIfInvalid();
        return id;
    }

    private static String level(String raw) {
        String t = Texts.blankToNull(raw);
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
