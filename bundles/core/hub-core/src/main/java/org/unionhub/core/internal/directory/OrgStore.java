package org.unionhub.core.internal.directory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.unionhub.api.OrgInfo;
import org.unionhub.api.OrgKind;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.Sql;

/** The SQL of HUB_ORG: rows in, records out, no rule. */
final class OrgStore {

    /** Organisations in tree order (their path) unless sorted otherwise; indexes HUB_ORG_PATH and HUB_ORG_NAME_ID. */
    private static final Keyset ORG_PAGES = Keyset.by("ID").sort("path", "PATH", String.class)
            .sort("name", "NAME", String.class).defaultSort("path");

    /** Inserts the organisation below {@code parentPath} and gives it its path; answers its id. */
    long insert(Connection c, OrgRequest req, String parentPath, Instant now) throws SQLException {
        long id = Sql.insert(c, "INSERT INTO HUB_ORG (NAME, KIND, PARENT_ID, PATH, CREATED_AT, UPDATED_AT) "
                + "VALUES (?, ?, ?, ?, ?, ?)", req.name().trim(), req.kind(), req.parentId(), "/", now, now);
        Sql.update(c, "UPDATE HUB_ORG SET PATH = ? WHERE ID = ?", parentPath + id + "/", id);
        return id;
    }

    /** Moves the subtree at {@code oldPath} to {@code newPath}, its organisations and their members. */
    void move(Connection c, String oldPath, String newPath) throws SQLException {
        Sql.update(c, "UPDATE HUB_ORG SET PATH = ? || SUBSTR(PATH, ?) WHERE PATH LIKE ?", newPath,
                oldPath.length() + 1, oldPath + "%");
        // members carry their organisation's path (the index of scoped lists): they move with it
        Sql.update(c, "UPDATE HUB_MEMBER SET ORG_PATH = ? || SUBSTR(ORG_PATH, ?) WHERE ORG_PATH LIKE ?", newPath,
                oldPath.length() + 1, oldPath + "%");
    }

    void update(Connection c, long id, OrgRequest req, Instant now) throws SQLException {
        Sql.update(c, "UPDATE HUB_ORG SET NAME = ?, KIND = ?, PARENT_ID = ?, UPDATED_AT = ? WHERE ID = ?",
                req.name().trim(), req.kind(), req.parentId(), now, id);
    }

    Optional<Org> row(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT ID, NAME, KIND, PARENT_ID, CREATED_AT, UPDATED_AT FROM HUB_ORG WHERE ID = ?",
                OrgStore::org, id);
    }

    Optional<OrgInfo> info(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT ID, NAME, KIND, PARENT_ID FROM HUB_ORG WHERE ID = ?",
                rs -> new OrgInfo(rs.getLong(1), rs.getString(2), Sql.getEnum(rs, "KIND", OrgKind.class),
                        Sql.getLong(rs, "PARENT_ID")), id);
    }

    /** One page of the organisations that {@code where} (the caller's scope) leaves, filtered. */
    Page<Org> list(Connection c, StringBuilder where, List<Object> params, Long parentId, OrgKind kind, String name,
            PageRequest page) throws SQLException {
        if (parentId != null) {
            where.append(" AND PARENT_ID = ?");
            params.add(parentId);
        }
        if (kind != null) {
            where.append(" AND KIND = ?");
            params.add(kind);
        }
        if (name != null && !name.isBlank()) {
            where.append(" AND LOWER(NAME) LIKE ?");
            params.add("%" + name.toLowerCase().trim() + "%");
        }
        // a province has a few thousand organisations: the name stays a substring search
        return ORG_PAGES.page(c, "SELECT ID, NAME, KIND, PARENT_ID, CREATED_AT, UPDATED_AT", " FROM HUB_ORG" + where,
                params, page, OrgStore::org);
    }

    private static Org org(ResultSet rs) throws SQLException {
        return new Org(rs.getLong("ID"), rs.getString("NAME"), Sql.getEnum(rs, "KIND", OrgKind.class),
                Sql.getLong(rs, "PARENT_ID"), Sql.getInstant(rs, "CREATED_AT"), Sql.getInstant(rs, "UPDATED_AT"));
    }
}
