package org.unionhub.jobfairs.internal.programmes;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.HubException;
import org.unionhub.api.Money;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.validation.Texts;
import org.unionhub.jobfairs.internal.Env;

/**
 * Study subsidies and skills training ("1,500元/人…300至500名一线职工"): an officer opens a programme with its
 * places (and, for a subsidy, the amount each); workers apply within its dates; the programme's union reviews.
 * Approval takes a place and payment pays one, each a conditional UPDATE under the programme's row lock, so
 * concurrent reviewers never approve or pay more than the places.
 */
@Component(service = Programmes.class)
public class Programmes {

    static final int MAX_PLACES = 100_000;
    private static final String COLUMNS = "ID, ORG_ID, KIND, NAME, DESCRIPTION, PLACES, PLACES_TAKEN, PAID_COUNT, AMOUNT, "
            + "PAID_TOTAL, APPLY_FROM, APPLY_TO, CREATED_AT, UPDATED_AT";
    private static final Keyset LIST = Keyset.by("ID").defaultSort("-id");

    private final Env env;

    @Activate
    public Programmes(@Reference Env env) {
        this.env = env;
    }

    public Programme create(Caller caller, ProgrammeRequest req) {
        validate(req);
        Long orgId = req.orgId() != null ? req.orgId() : caller.orgId();
        if (orgId == null) {
            throw HubException.invalid("orgId", "is required");
        }
        if (env.directory().org(orgId).isEmpty()) {
            throw HubException.invalid("orgId", "organisation " + orgId + " does not exist");
        }
        if (!env.manages(caller, orgId)) {
            throw HubException.forbidden("officers open programmes for their own union or below it");
        }
        return env.db().inTransaction(c -> {
            Instant now = Instant.now();
            long id = Sql.insert(c, "INSERT INTO JOBFAIRS_PROGRAMME (ORG_ID, KIND, NAME, DESCRIPTION, PLACES, AMOUNT, "
                    + "APPLY_FROM, APPLY_TO, CREATED_AT, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", orgId, req.kind(),
                    req.name().trim(), Texts.blankToNull(req.description()), req.places(),
                    req.amount() == null ? null : Money.normalize(req.amount()), req.applyFrom(), req.applyTo(), now, now);
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("orgId", orgId);
            changes.put("kind", req.kind());
            changes.put("name", req.name());
            changes.put("places", req.places());
            changes.put("amount", req.amount());
            changes.put("applyFrom", req.applyFrom());
            changes.put("applyTo", req.applyTo());
            env.audit().record(c, caller, "jobfairs.programme.create", "programme", id, changes);
            return load(c, id);
        });
    }

    public Programme get(long id) {
        return env.db().read(c -> load(c, id));
    }

    public Page<Programme> list(ProgrammeKind kind, Long orgId, PageRequest page) {
        return env.db().read(c -> {
            StringBuilder where = new StringBuilder(" FROM JOBFAIRS_PROGRAMME WHERE 1 = 1");
            List<Object> params = new ArrayList<>();
            if (kind != null) {
                where.append(" AND KIND = ?");
                params.add(kind);
            }
            if (orgId != null) {
                where.append(" AND ORG_ID = ?");
                params.add(orgId);
            }
            return LIST.page(c, "SELECT " + COLUMNS, where.toString(), params, page, this::programme);
        });
    }

    static void validate(ProgrammeRequest req) {
        Validation v = new Validation();
        v.required("kind", req.kind());
        v.required("name", Texts.blankToNull(req.name())).maxLength("name", req.name(), 200);
        v.maxLength("description", req.description(), 4000);
        v.required("places", req.places()).positive("places", req.places());
        v.valid("places", req.places(), n -> n <= MAX_PLACES, "must be at most " + MAX_PLACES);
        if (req.kind() == ProgrammeKind.STUDY_SUBSIDY) {
            v.required("amount", req.amount()).money("amount", req.amount());
            v.valid("amount", req.amount(), a -> a.signum() > 0, "must be more than 0");
        } else {
            v.check(req.amount() == null || req.amount().signum() == 0, "amount", "a training course pays no subsidy");
        }
        v.required("applyFrom", req.applyFrom());
        v.required("applyTo", req.applyTo());
        v.notBefore("applyTo", req.applyTo(), "applyFrom", req.applyFrom());
        v.throwIfInvalid();
    }

    LocalDate today() {
        return LocalDate.now(env.zone());
    }

    Programme load(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM JOBFAIRS_PROGRAMME WHERE ID = ?", this::programme, id)
                .orElseThrow(() -> HubException.notFound("programme", id));
    }

    private Programme programme(ResultSet rs) throws SQLException {
        BigDecimal amount = rs.getBigDecimal("AMOUNT");
        return new Programme(rs.getLong("ID"), rs.getLong("ORG_ID"), Sql.getEnum(rs, "KIND", ProgrammeKind.class),
                rs.getString("NAME"), rs.getString("DESCRIPTION"), rs.getInt("PLACES"), rs.getInt("PLACES_TAKEN"),
                rs.getInt("PAID_COUNT"), amount == null ? null : Money.normalize(amount),
                Money.normalize(rs.getBigDecimal("PAID_TOTAL")), Sql.getDate(rs, "APPLY_FROM"), Sql.getDate(rs, "APPLY_TO"),
                env.time(Sql.getInstant(rs, "CREATED_AT")), env.time(Sql.getInstant(rs, "UPDATED_AT")));
    }
}
