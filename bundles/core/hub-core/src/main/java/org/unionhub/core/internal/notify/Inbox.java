package org.unionhub.core.internal.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.HubException;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;

/** Members' inboxes: messages from the modules' events and from the core (joins), each read by its member only. */
@Component(service = Inbox.class)
public class Inbox {

    public record InboxMessage(long id, Instant createdAt, String template, String title, String body, String module,
            String entityId, boolean read, Instant readAt) {
    }

    private static final Keyset PAGES = Keyset.by("ID").defaultSort("-id");
    private final ModuleDatabase db;
    private final Templates templates = new Templates();

    @Activate
    public Inbox(@Reference(target = "(unionhub.module=core)") ModuleDatabase db) {
        this.db = db;
    }

    /**
     * Puts a message from template {@code template} into member {@code memberId}'s inbox; {@code module} and
     * {@code entityId} let the app link to what it is about. Answers false (and keeps nothing) for a member who no
     * longer exists.
     */
    public boolean deliver(long memberId, String template, Map<String, String> params, String module, String entityId) {
        String title = clip(templates.title(template, params).orElse(template), 200);
        String body = clip(templates.text(template, params), 1000);
        return db.inTransaction(c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM HUB_MEMBER WHERE ID = ?", memberId) == 0) {
                return false;
            }
            Sql.insert(c, "INSERT INTO HUB_INBOX (MEMBER_ID, CREATED_AT, TEMPLATE, TITLE, BODY, MODULE, ENTITY_ID) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", memberId, Instant.now(), template, title, body, module, entityId);
            return true;
        });
    }

    public Page<InboxMessage> list(long memberId, Boolean unread, PageRequest page) {
        List<Object> params = new ArrayList<>(List.of(memberId));
        String where = " FROM HUB_INBOX WHERE MEMBER_ID = ?" + (Boolean.TRUE.equals(unread) ? " AND READ_AT IS NULL" : "");
        return db.read(c -> PAGES.page(c, "SELECT ID, CREATED_AT, TEMPLATE, TITLE, BODY, MODULE, ENTITY_ID, READ_AT", where,
                params, page, rs -> new InboxMessage(rs.getLong(1), Sql.getInstant(rs, "CREATED_AT"), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getTimestamp(8) != null, Sql.getInstant(rs, "READ_AT"))));
    }

    public long unread(long memberId) {
        return db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM HUB_INBOX WHERE MEMBER_ID = ? AND READ_AT IS NULL", memberId));
    }

    /** Marks one of the member's own messages read; 404 for a message that is not his (no hint that it exists). */
    public void markRead(long memberId, long id) {
        int n = db.inTransaction(c -> Sql.update(c, "UPDATE HUB_INBOX SET READ_AT = COALESCE(READ_AT, ?) WHERE ID = ? AND MEMBER_ID = ?",
                Instant.now(), id, memberId));
        if (n == 0) {
            throw HubException.notFound("message", id);
        }
    }

    /** Marks every message of the member read; answers how many were unread. */
    public int markAllRead(long memberId) {
        return db.inTransaction(c -> Sql.update(c, "UPDATE HUB_INBOX SET READ_AT = ? WHERE MEMBER_ID = ? AND READ_AT IS NULL",
                Instant.now(), memberId));
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
