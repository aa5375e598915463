package org.unionhub.modelworkers.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.event.EventAdmin;
import org.unionhub.api.AuditLog;
import org.unionhub.api.FieldError;
import org.unionhub.api.HubException;
import org.unionhub.api.HubSettings;
import org.unionhub.api.Validation;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.PersonalDataCipher;
import org.unionhub.api.security.Roles;
import org.unionhub.api.validation.IdCardNumber;
import org.unionhub.api.validation.Texts;
import org.unionhub.modelworkers.api.ModelWorkerEvents;
import org.unionhub.modelworkers.internal.NominationStore.Nom;

/**
 * The reviewers' side of a nomination: returned with comments, recommended upward level by level, approved or
 * conferred into the archive, rejected. Every step is conditional on the state read, so two reviewers never both
 * decide one nomination; events go out after commit.
 */
final class NominationDecisions {

    private final ModuleDatabase db;
    private final AuditLog audit;
    private final PersonalDataCipher cipher;
    private final HubSettings hub;
    private final Configured config;
    private final Archive archive;
    private final Events events;
    private final NominationLevels levels;
    private final NominationAccess access;

    NominationDecisions(ModuleDatabase db, AuditLog audit, PersonalDataCipher cipher, HubSettings hub, Configured config,
            Archive archive, EventAdmin eventAdmin, NominationLevels levels, NominationAccess access) {
        this.db = db;
        this.audit = audit;
        this.cipher = cipher;
        this.hub = hub;
        this.config = config;
        this.archive = archive;
        this.events = new Events(db, eventAdmin);
        this.levels = levels;
        this.access = access;
    }

    void returnForCorrection(Caller caller, long nominationId, ReturnRequest req) {
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
                v.valid(at + ".field", fe.field(), f -> Nominations.FIELDS.contains(f) || f.startsWith("materials.")
                        && s.materials().contains(f.substring("materials.".length())),
                        "must name a nomination field (" + String.join(", ", Nominations.FIELDS) + ") or materials.<item>");
                v.required(at + ".message", fe.message()).maxLength(at + ".message", fe.message(), 1000);
            }
        }
        v.throwIfInvalid();
        db.inTransaction(c -> {
            Nom nom = access.decidable(c, caller, nominationId);
            int round = nom.round() + 1;
            Instant now = Instant.now();
            move(c, nom, NominationState.RETURNED, "ROUND_NO = ?, AT_ORG_ID = ?, ", round, null);
            for (FieldError fe : req.comments()) {
                NominationStore.addComment(c, nominationId, round, fe.field(), fe.message().trim(), caller.username(), now);
            }
            audit.record(c, caller, "modelworkers.nomination.return", "nomination", nominationId,
                    Map.of("round", round, "fields", req.comments().stream().map(FieldError::field).toList()));
            return null;
        });
    }

    /**
     * A reviewer's approval. A title the region confers is awarded at once; any other title is recommended upward
     * (RECOMMENDED) and recorded only when {@link #confer} says the conferring body has conferred it.
     */
    void approve(Caller caller, long nominationId, DecisionRequest req) {
        Settings s = config.get();
        int year = decisionYear(req);
        Scope.once(() -> db.inTransaction(c -> {
            Nom nom = access.decidable(c, caller, nominationId);
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
                move(c, nom, NominationState.RECOMMENDED, "DECISION_NOTE = ?, DECIDED_AT = ?, ", Texts.blankToNull(req.note()),
                        Instant.now());
                audit.record(c, caller, "modelworkers.nomination.recommend", "nomination", nominationId,
                        Map.of("proposedTitle", nom.proposedTitle()));
                events.add(ModelWorkerEvents.NOMINATION_DECIDED, Map.of("nominationId", nominationId, "state", "RECOMMENDED"));
                return null;
            }
            return award(c, caller, nom, year, req, events);
        }), "idNumber", "the archive changed for this candidate meanwhile; approve again");
    }

    /** A level's reviewer recommends the nomination to the union above, within the level's yearly quota. */
    void forward(Caller caller, long nominationId) {
        db.inTransaction(c -> {
            Nom nom = access.decidable(c, caller, nominationId);
            Long at = nom.atOrgId();
            if (levels.isRegion(at)) {
                throw HubException.conflict("atOrgId", "the nomination is with the region, which approves, returns or rejects it");
            }
            long above = levels.above(at);
            int n = NominationStore.forward(c, nominationId, at, above);
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
    }

    /** Records that the conferring body conferred the title a RECOMMENDED nomination was sent upward for. */
    void confer(Caller caller, long nominationId, DecisionRequest req) {
        caller.require(Roles.ADMIN);
        int year = decisionYear(req);
        Validation v = new Validation();
        v.required("awardingBody", req.awardingBody());
        v.throwIfInvalid();
        Scope.once(() -> db.inTransaction(c -> {
            Nom nom = access.visible(c, caller, nominationId);
            if (nom.state() != NominationState.RECOMMENDED) {
                throw HubException.conflict("state", "only a RECOMMENDED nomination can be conferred; this one is " + nom.state());
            }
            return award(c, caller, nom, year, req, events);
        }), "idNumber", "the archive changed for this candidate meanwhile; confer again");
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
            if (archive.addTitle(c, caller, rid, nom.proposedTitle(), year, Texts.blankToNull(req.awardingBody()))) {
                archive.touch(c, rid);
            }
            events.add(ModelWorkerEvents.RECORD_UPDATED, Map.of("recordId", rid, "orgId", nom.orgId()));
        } else {
            rid = archive.insert(c, caller, new Archive.NewRecord(nom.candidateName(), id, nom.proposedTitle(), year,
                    Texts.blankToNull(req.awardingBody()), nom.workplace(), nom.orgId(), nom.contact(), RecordStatus.ACTIVE, null),
                    "nomination " + nominationId + " approved", events);
        }
        String note = Texts.blankToNull(req.note());
        move(c, nom, NominationState.APPROVED, "RECORD_ID = ?, DECISION_NOTE = ?, DECIDED_AT = ?, ", rid,
                note != null ? note : nom.decisionNote(), Instant.now());
        audit.record(c, caller, "modelworkers.nomination.approve", "nomination", nominationId,
                Map.of("recordId", rid, "yearAwarded", year));
        events.add(ModelWorkerEvents.NOMINATION_DECIDED, Map.of("nominationId", nominationId, "state", "APPROVED",
                "recordId", rid));
        return rid;
    }

    void reject(Caller caller, long nominationId, DecisionRequest req) {
        Validation v = new Validation();
        v.required("note", req.note()).maxLength("note", req.note(), 500);
        v.throwIfInvalid();
        db.inTransaction(c -> {
            Nom nom = access.rejectable(c, caller, nominationId);
            move(c, nom, NominationState.REJECTED, "DECISION_NOTE = ?, DECIDED_AT = ?, ", req.note().trim(), Instant.now());
            audit.record(c, caller, "modelworkers.nomination.reject", "nomination", nominationId, Map.of("note", req.note()));
            events.add(ModelWorkerEvents.NOMINATION_DECIDED, Map.of("nominationId", nominationId, "state", "REJECTED"));
            return null;
        });
    }

    /** What a submission lacks: every missing or invalid field and every missing checklist item. */
    List<FieldError> completeness(Connection c, Nom nom, Settings s) throws SQLException {
        Validation v = new Validation();
        v.required("candidateName", nom.candidateName());
        v.required("idNumber", nom.sealed());
        v.required("workplace", nom.workplace());
        v.required("contact", nom.contact());
        v.required("proposedTitle", nom.proposedTitle());
        v.valid("proposedTitle", nom.proposedTitle(), s::knowsLevel, "unknown title level; known: "
                + String.join(", ", s.levels()));
        v.required("achievements", nom.achievements());
        Set<String> attached = Set.copyOf(NominationStore.attachedItems(c, nom.id()));
        for (String item : s.materials()) {
            v.check(attached.contains(item), "materials." + item, "is required");
        }
        return v.errors();
    }

    /** Moves the nomination on, conditional on the state read, so that two reviewers cannot both decide it. */
    private void move(Connection c, Nom nom, NominationState to, String extraSet, Object... extraParams) throws SQLException {
        if (NominationStore.move(c, nom, to, extraSet, extraParams) == 0) {
            throw HubException.conflict("state", "the nomination was decided meanwhile");
        }
    }
}
