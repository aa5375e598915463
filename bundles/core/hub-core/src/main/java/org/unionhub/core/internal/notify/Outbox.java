package org.unionhub.core.internal.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.notify.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The outbox table: every message the shipped notifier sent, newest first for admins and tests. */
@Component(service = Outbox.class)
public class Outbox {

    public record OutboxEntry(long id, Instant createdAt, String channel, String template, Long memberId,
            String username, String phone, String text) {
    }

    public record Filter(String channel, String template, Long memberId, String username, String phone) {
    }

    private static final Keyset PAGES = Keyset.by("ID").defaultSort("-id");
    private static final int MAX_TEXT = 1000;
    private final ObjectMapper json = new ObjectMapper();
    private final ModuleDatabase db;

    @Activate
    public Outbox(@Reference(target = "(unionhub.module=core)") ModuleDatabase db) {
        this.db = db;
    }

    public long add(Message m, String text) {
        String params;
        try {
            params = json.writeValueAsString(m.params());
        } catch (JsonProcessingException e) {
            params = String.valueOf(m.params());
        }
        String p = params.length() > 2000 ? params.substring(0, 2000) : params;
        String t = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        return db.inTransaction(c -> Sql.insert(c, "INSERT INTO HUB_OUTBOX (CREATED_AT, CHANNEL, TEMPLATE, MEMBER_ID, USERNAME, "
                + "PHONE, TEXT, PARAMS) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Instant.now(), m.channel(), m.template(),
                m.memberId(), m.username(), m.phone(), t, p));
    }

    public Page<OutboxEntry> list(Filter f, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        add(where, params, "CHANNEL = ?", f.channel());
        add(where, params, "TEMPLATE = ?", f.template());
        add(where, params, "MEMBER_ID = ?", f.memberId());
        add(where, params, "USERNAME = ?", f.username());
        add(where, params, "PHONE = ?", f.phone());
        return db.read(c -> PAGES.page(c, "SELECT ID, CREATED_AT, CHANNEL, TEMPLATE, MEMBER_ID, USERNAME, PHONE, TEXT",
                " FROM HUB_OUTBOX" + where, params, page, rs -> new OutboxEntry(rs.getLong(1),
                        Sql.getInstant(rs, "CREATED_AT"), rs.getString(3), rs.getString(4), Sql.getLong(rs, "MEMBER_ID"),
                        rs.getString(6), rs.getString(7), rs.getString(8))));
    }

    private static void add(StringBuilder where, List<Object> params, String clause, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            where.append(" AND ").append(clause);
            params.add(value);
        }
    }
}
