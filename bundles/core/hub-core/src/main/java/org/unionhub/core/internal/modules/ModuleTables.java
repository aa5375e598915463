package org.unionhub.core.internal.modules;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.unionhub.api.admin.ModuleAdmin.TableData;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;

/** A module's tables and their row counts: what disabling it would leave behind (its tables are named {@code <ID>_…}). */
final class ModuleTables {

    private ModuleTables() {
    }

    static List<TableData> of(ModuleDatabase db, String moduleId) {
        return db.read(c -> {
            List<TableData> out = new ArrayList<>();
            for (String table : tableNames(c, moduleId.toUpperCase() + "_")) {
                out.add(new TableData(table, Sql.count(c, "SELECT COUNT(*) FROM " + table)));
            }
            return out;
        });
    }

    /** Tables named {@code <PREFIX>…}; filtered here because "_" is a wildcard in metadata patterns. */
    private static List<String> tableNames(Connection c, String prefix) throws java.sql.SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, null, prefix.substring(0, prefix.length() - 1) + "%",
                new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (name.toUpperCase().startsWith(prefix)) {
                    names.add(name);
                }
            }
        }
        names.sort(null);
        return names;
    }
}
