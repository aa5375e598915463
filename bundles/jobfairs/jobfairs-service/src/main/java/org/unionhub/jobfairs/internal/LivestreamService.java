package org.unionhub.jobfairs.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.HubException;
import org.unionhub.api.Validation;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.validation.Texts;

/** Livestream sessions of a fair ("直播带岗"): scheduled and hosted by the fair's officers. */
@Component(service = LivestreamService.class)
public class LivestreamService {

    static final int MAX_FEATURED = 200;
    private static final String COLUMNS = "L.ID, L.FAIR_ID, L.TITLE, L.HOST_NAME, L.STREAM_URL, L.STARTS_AT, L.ENDS_AT, "
            + "L.PEAK_VIEWERS, L.TOTAL_VIEWERS, L.CREATED_AT, L.UPDATED_AT, "
            + "(SELECT COUNT(*) FROM JOBFAIRS_APPLICATION A WHERE A.LIVESTREAM_ID = L.ID) AS APPLICATIONS";

    private final Env env;

    @Activate
    public LivestreamService(@Reference Env env) {
        this.env = env;
    }

    public Livestream create(Caller caller, long fairId, LivestreamRequest req) {
        validate(req);
        return env.db.inTransaction(c -> {
            env.requireManage(caller, env.fair(c, fairId));
            List<Long> featured = featured(c, fairId, req.positionIds());
            Instant now = Instant.now();
            long id = Sql.insert(c, "INSERT INTO JOBFAIRS_LIVESTREAM (FAIR_ID, TITLE, HOST_NAME, STREAM_URL, STARTS_AT, "
                    + "ENDS_AT, PEAK_VIEWERS, TOTAL_VIEWERS, CREATED_AT, UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?, ?)",
                    fairId, req.title().trim(), req.host().trim(), Texts.blankToNull(req.streamUrl()), req.startsAt(), req.endsAt(),
                    now, now);
            feature(c, id, featured);
            env.audit.record(c, caller, "jobfairs.livestream.create", "livestream", id, changes(req, featured));
            return load(c, id);
        });
    }

    public Livestream update(Caller caller, long id, LivestreamRequest req) {
        validate(req);
        return env.db.inTransaction(c -> {
            Livestream current = load(c, id);
            env.requireManage(caller, env.fair(c, current.fairId()));
            List<Long> featured = featured(c, current.fairId(), req.positionIds());
            Sql.update(c, "UPDATE JOBFAIRS_LIVESTREAM SET TITLE = ?, HOST_NAME = ?, STREAM_URL = ?, STARTS_AT = ?, "
                    + "ENDS_AT = ?, UPDATED_AT = ? WHERE ID = ?", req.title().trim(), req.host().trim(),
                    Texts.blankToNull(req.streamUrl()), req.startsAt(), req.endsAt(), Instant.now(), id);
            Sql.update(c, "DELETE FROM JOBFAIRS_FEATURED WHERE LIVESTREAM_ID = ?", id);
            feature(c, id, featured);
            env.audit.record(c, caller, "jobfairs.livestream.update", "livestream", id, changes(req, featured));
            return load(c, id);
        });
    }

    /** The host posts the viewer figures as the stream goes; the peak cannot exceed the total. */
    public Livestream viewers(Caller caller, long id, ViewerCounts counts) {
        Validation v = new Validation();
        v.required("peakViewers", counts.peakViewers()).notNegative("peakViewers", counts.peakViewers());
        v.required("totalViewers", counts.totalViewers()).notNegative("totalViewers", counts.totalViewers());
        v.check(counts.peakViewers() == null || counts.totalViewers() == null
                || counts.peakViewers() <= counts.totalViewers(), "peakViewers", "must not exceed totalViewers");
        v.throwIfInvalid();
        return env.db.inTransaction(c -> {
            Livestream current = load(c, id);
            env.requireManage(caller, env.fair(c, current.fairId()));
            Sql.update(c, "UPDATE JOBFAIRS_LIVESTREAM SET PEAK_VIEWERS = ?, TOTAL_VIEWERS = ?, UPDATED_AT = ? WHERE ID = ?",
                    counts.peakViewers(), counts.totalViewers(), Instant.now(), id);
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("peakViewers", counts.peakViewers());
            changes.put("totalViewers", counts.totalViewers());
            env.audit.record(c, caller, "jobfairs.livestream.viewers", "livestream", id, changes);
            return load(c, id);
        });
    }

    public Livestream get(long id) {
        return env.db.read(c -> load(c, id));
    }

    public List<Livestream> list(long fairId) {
        return env.db.read(c -> {
            env.fair(c, fairId);
            return Sql.list(c, "SELECT " + COLUMNS + " FROM JOBFAIRS_LIVESTREAM L WHERE L.FAIR_ID = ? "
                    + "ORDER BY L.STARTS_AT, L.ID", rs -> livestream(c, rs), fairId);
        });
    }

    static void validate(LivestreamRequest req) {
        Validation v = new Validation();
        v.required("title", req.title()).maxLength("title", req.title(), 200);
        v.required("host", req.host()).maxLength("host", req.host(), 100);
        v.valid("streamUrl", Texts.blankToNull(req.streamUrl()), u -> Env.URL.matcher(u).matches(), "must be an http or https address");
        v.required("startsAt", req.startsAt());
        v.required("endsAt", req.endsAt());
        v.notBefore("endsAt", req.endsAt(), "startsAt", req.startsAt());
        v.check(req.positionIds() == null || req.positionIds().size() <= MAX_FEATURED, "positionIds",
                "at most " + MAX_FEATURED + " positions");
        v.check(req.positionIds() == null || req.positionIds().stream().allMatch(java.util.Objects::nonNull),
                "positionIds", "must not contain null");
        v.throwIfInvalid();
    }

    private static List<Long> featured(Connection c, long fairId, List<Long> ids) throws SQLException {
        List<Long> unique = ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids));
        for (Long p : unique) {
            if (Sql.count(c, "SELECT COUNT(*) FROM JOBFAIRS_POSITION WHERE ID = ? AND FAIR_ID = ?", p, fairId) == 0) {
                throw HubException.invalid("positionIds", "position " + p + " is not a position of job fair " + fairId);
            }
        }
        return unique;
    }

    private static void feature(Connection c, long id, List<Long> positions) throws SQLException {
        for (Long p : positions) {
            Sql.update(c, "INSERT INTO JOBFAIRS_FEATURED (LIVESTREAM_ID, POSITION_ID) VALUES (?, ?)", id, p);
        }
    }

    private static Map<String, Object> changes(LivestreamRequest req, List<Long> featured) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", req.title());
        m.put("host", req.host());
        m.put("streamUrl", req.streamUrl());
        m.put("startsAt", req.startsAt() == null ? null : req.startsAt().toString());
        m.put("endsAt", req.endsAt() == null ? null : req.endsAt().toString());
        m.put("positionIds", featured);
        return m;
    }

    private Livestream load(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT " + COLUMNS + " FROM JOBFAIRS_LIVESTREAM L WHERE L.ID = ?", rs -> livestream(c, rs), id)
                .orElseThrow(() -> HubException.notFound("livestream", id));
    }

    private Livestream livestream(Connection c, ResultSet rs) throws SQLException {
        long id = rs.getLong("ID");
        List<Long> featured = Sql.list(c, "SELECT POSITION_ID FROM JOBFAIRS_FEATURED WHERE LIVESTREAM_ID = ? "
                + "ORDER BY POSITION_ID", r -> r.getLong(1), id);
        return new Livestream(id, rs.getLong("FAIR_ID"), rs.getString("TITLE"), rs.getString("HOST_NAME"),
                rs.getString("STREAM_URL"), env.time(Sql.getInstant(rs, "STARTS_AT")), env.time(Sql.getInstant(rs, "ENDS_AT")),
                featured, rs.getInt("PEAK_VIEWERS"), rs.getInt("TOTAL_VIEWERS"), rs.getLong("APPLICATIONS"),
                env.time(Sql.getInstant(rs, "CREATED_AT")), env.time(Sql.getInstant(rs, "UPDATED_AT")));
    }
}
