import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A province-sized data set written straight into a stopped hub's Derby database, in JDBC batches: an org tree
 * (province, cities, districts, 5,000 grassroots unions), members with phone, card and sealed ID numbers (the
 * hub's own key file, so the blind index and decryption work), their audit rows, and the modules' rows copied
 * from a demo row of each table (so every enum and NOT NULL column holds a value the module wrote itself):
 * mutual-aid enrolments and claims, fair applications, recuperation bookings, model-worker records.
 * <p>
 * It writes no accounts and runs no rules: it is a benchmark's loader, not a way into a running hub.
 * <pre>java -cp derby.jar Generate.java HUB_HOME [scale]   (scale 1.0 = the sizes)</pre>
 */
public class Generate {

    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
            "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董",
            "潘", "袁", "蔡", "蒋", "余", "于", "杜", "叶", "程", "魏", "苏", "吕", "丁", "任", "卢", "欧阳", "司马"};
    static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红文斌玉海燕鹏飞云龙春梅";
    static final Random RANDOM = new Random(18);
    static final Timestamp NOW = Timestamp.from(Instant.now());

    static Connection c;
    static SecretKeySpec aes;
    static SecretKeySpec mac;
    static final SecureRandom IVS = new SecureRandom();

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        double scale = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
        byte[] key = Base64.getDecoder().decode(Files.readString(home.resolve("data/unionhub/personal-data.key")).trim());
        aes = new SecretKeySpec(Arrays.copyOfRange(key, 0, 32), "AES");
        mac = new SecretKeySpec(Arrays.copyOfRange(key, 32, 64), "HmacSHA256");
        System.setProperty("derby.system.durability", "test"); // a loader: no fsync per commit
        System.setProperty("derby.storage.pageCacheSize", "20000");
        c = DriverManager.getConnection("jdbc:derby:" + home.resolve("data/derby/unionhub"));
        c.setAutoCommit(false);
        long t0 = System.nanoTime();

        int members = (int) (1_000_000 * scale);
        List<long[]> unions = orgTree(); // {id} of each grassroots union, with its path in PATHS
        System.out.printf("orgs: %d grassroots unions%n", unions.size());
        long firstMember = members(members, unions);
        System.out.printf("members: %d (%.0f s)%n", members, secs(t0));
        audit(members, firstMember);
        System.out.printf("audit: %d (%.0f s)%n", members, secs(t0));

        int enrolments = (int) (300_000 * scale);
        List<Long> enrolled = copy("MUTUALAID_ENROLMENT", enrolments, i -> Map.of("MEMBER_ID", firstMember + i,
                "ORG_ID", orgOf(i)));
        if (!enrolled.isEmpty()) {
            copy("MUTUALAID_CLAIM", (int) (200_000 * scale), i -> Map.of("ENROLMENT_ID", enrolled.get(i),
                    "MEMBER_ID", firstMember + i, "ORG_ID", orgOf(i), "SUBMITTED_ON", java.sql.Date.valueOf(LocalDate.of(2025, 1, 1).plusDays(i % 365))));
        }
        if (!enrolled.isEmpty()) {
            // the plans' enrolment counters (mutual aid V3), which the service keeps one enrolment at a time
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE MUTUALAID_PLAN SET ENROLMENTS = (SELECT COUNT(*) FROM MUTUALAID_ENROLMENT E "
                        + "WHERE E.PLAN_ID = MUTUALAID_PLAN.ID)");
            }
        }
        System.out.printf("mutual aid: %d enrolments, claims (%.0f s)%n", enrolled.size(), secs(t0));
        // no stall, no active code, no waitlist place: those are unique per fair; a rejected application needs none
        Long fair = firstId("FAIRS_FAIR");
        if (fair != null) {
            BASES.put("FAIRS_APPLICATION", m("FAIR_ID", fair, "COMPANY_NAME", "基准商户", "CREDIT_CODE", "91350200MA2XXXXX0X",
                    "CONTACT", "13900000000", "CATEGORY", "FOOD", "OFFERS_DISCOUNT", false, "STATUS", "REJECTED",
                    "FEE", java.math.BigDecimal.ZERO, "TOKEN_HASH", "0".repeat(64), "CREATED_AT", NOW, "UPDATED_AT", NOW));
        }
        copy("FAIRS_APPLICATION", (int) (100_000 * scale), i -> m("STATUS", "REJECTED", "STALL_NUMBER", null,
                "ACTIVE_CODE", null, "WAITLIST_SEQ", null, "OFFER_EXPIRES_AT", null, "COMPANY_NAME", "基准商户" + i));
        Long programme = firstId("RECUPERATION_PROGRAMME");
        if (programme != null) {
            BASES.put("RECUPERATION_BOOKING", m("PROGRAMME_ID", programme, "ORGANISER_ORG_ID", 0L, "STATUS", "ACTIVE",
                    "START_DATE", java.sql.Date.valueOf(LocalDate.of(2025, 11, 10)), "DAYS", 5,
                    "SUBSIDY_TOTAL", java.math.BigDecimal.ZERO, "SUBSIDY_REASON", "基准", "CREATED_BY", "generator",
                    "CREATED_AT", NOW));
            BASES.put("RECUPERATION_BOOKED_MEMBER", m("BOOKING_ID", 0L, "PROGRAMME_ID", programme, "MEMBER_ID", 0L,
                    "SUBSIDY", java.math.BigDecimal.ZERO, "REASON", "基准", "CANCEL_KEY", 0L));
        }
        List<Long> bookings = copy("RECUPERATION_BOOKING", (int) (50_000 * scale), i -> m("ORGANISER_ORG_ID", orgOf(i),
                "START_DATE", java.sql.Date.valueOf(LocalDate.of(2025, 1, 1).plusDays(i % 365))));
        if (!bookings.isEmpty()) {
            copy("RECUPERATION_BOOKED_MEMBER", bookings.size(), i -> m("BOOKING_ID", bookings.get(i),
                    "MEMBER_ID", firstMember + i, "CANCEL_KEY", 0L));
        }
        System.out.printf("fairs and recuperation (%.0f s)%n", secs(t0));
        List<Long> records = copy("MODELWORKERS_RECORD", (int) (10_000 * scale), i -> modelWorker(i, firstMember));
        if (!records.isEmpty()) {
            copy("MODELWORKERS_TITLE", records.size(), i -> Map.of("RECORD_ID", records.get(i)));
        }
        System.out.printf("model workers: %d (%.0f s)%n", records.size(), secs(t0));
        c.commit();
        for (String t : List.of("HUB_ORG", "HUB_MEMBER", "HUB_AUDIT", "MUTUALAID_ENROLMENT", "MUTUALAID_CLAIM",
                "FAIRS_APPLICATION", "RECUPERATION_BOOKING", "RECUPERATION_BOOKED_MEMBER", "MODELWORKERS_RECORD",
                "MODELWORKERS_TITLE")) {
            if (exists(t)) {
                try (Statement s = c.createStatement()) {
                    s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', '" + t + "', NULL)");
                }
            }
        }
        c.commit();
        System.out.printf("done in %.0f s%n", secs(t0));
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true");
        } catch (java.sql.SQLException expected) {
            // Derby answers a clean shutdown with an exception
        }
    }

    // ---- the org tree: 1 province, 9 cities, 10 districts each, 5,000 grassroots unions

    static final List<String> PATHS = new ArrayList<>();
    static List<long[]> unionsById;

    static List<long[]> orgTree() throws Exception {
        long province = org("贵州省总工会 (基准)", "FEDERATION", null, "/");
        String pp = "/" + province + "/";
        List<long[]> unions = new ArrayList<>();
        for (int city = 1; city <= 9; city++) {
            long cityId = org("基准市" + city + "总工会", "CITY", province, pp);
            String cp = pp + cityId + "/";
            for (int d = 1; d <= 10; d++) {
                long district = org("基准市" + city + "区" + d + "总工会", "DISTRICT", cityId, cp);
                String dp = cp + district + "/";
                for (int u = 1; u <= 56 && unions.size() < 5000; u++) {
                    long union = org("基准市" + city + "区" + d + "企业" + u + "工会", "GRASSROOTS", district, dp);
                    unions.add(new long[] {union});
                    PATHS.add(dp + union + "/");
                }
            }
        }
        c.commit();
        unionsById = unions;
        return unions;
    }

    static long org(String name, String kind, Long parent, String parentPath) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO HUB_ORG (NAME, KIND, PARENT_ID, PATH, CREATED_AT, "
                + "UPDATED_AT) VALUES (?, ?, ?, '/', ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, name);
            ps.setString(2, kind);
            if (parent == null) {
                ps.setNull(3, java.sql.Types.BIGINT);
            } else {
                ps.setLong(3, parent);
            }
            ps.setTimestamp(4, NOW);
            ps.setTimestamp(5, NOW);
            ps.executeUpdate();
            try (ResultSet k = ps.getGeneratedKeys()) {
                k.next();
                long id = k.getLong(1);
                try (PreparedStatement u = c.prepareStatement("UPDATE HUB_ORG SET PATH = ? WHERE ID = ?")) {
                    u.setString(1, parentPath + id + "/");
                    u.setLong(2, id);
                    u.executeUpdate();
                }
                return id;
            }
        }
    }

    /** Member i's grassroots union: members are spread evenly, 200 per union at full scale. */
    static long orgOf(int i) {
        return unionsById.get(i % unionsById.size())[0];
    }

    // ---- members

    static long members(int count, List<long[]> unions) throws Exception {
        long before = maxId("HUB_MEMBER");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO HUB_MEMBER (NAME, PHONE, ORG_ID, EMPLOYMENT_FORM, "
                + "NEW_FORM_KIND, CARD_NUMBER, JOINED_ON, ID_SEALED, ID_INDEX, ID_MASKED, CREATED_AT, UPDATED_AT, ORG_PATH) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                boolean newForm = i % 4 == 0;
                String id = idNumber(i);
                ps.setString(1, name(i));
                ps.setString(2, phone(i));
                ps.setLong(3, orgOf(i));
                ps.setString(4, newForm ? "NEW_FORM" : "EMPLOYEE");
                ps.setString(5, newForm ? "DELIVERY_RIDER" : null);
                ps.setString(6, card(i));
                ps.setDate(7, java.sql.Date.valueOf(LocalDate.of(2010, 1, 1).plusDays(i % 5000)));
                ps.setString(8, seal(id));
                ps.setString(9, blind(id));
                ps.setString(10, id.substring(0, 3) + "*".repeat(11) + id.substring(14));
                ps.setTimestamp(11, NOW);
                ps.setTimestamp(12, NOW);
                ps.setString(13, PATHS.get(i % PATHS.size()));
                ps.addBatch();
                if (i % 5000 == 4999) {
                    ps.executeBatch();
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
        }
        long first = firstIdAfter("HUB_MEMBER", before);
        if (maxId("HUB_MEMBER") - first + 1 != count) {
            throw new IllegalStateException("member ids are not consecutive; the module rows assume they are");
        }
        return first;
    }

    static void audit(int count, long firstMember) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO HUB_AUDIT (OCCURRED_AT, ACTOR, ACTION, ENTITY, "
                + "ENTITY_ID, CHANGES) VALUES (?, 'generator', 'core.member.create', 'member', ?, '{}')")) {
            for (int i = 0; i < count; i++) {
                ps.setTimestamp(1, NOW);
                ps.setString(2, Long.toString(firstMember + i));
                ps.addBatch();
                if (i % 5000 == 4999) {
                    ps.executeBatch();
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
        }
    }

    public static String name(int i) {
        Random r = new Random(i);
        return SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN.charAt(r.nextInt(GIVEN.length()))
                + (r.nextBoolean() ? String.valueOf(GIVEN.charAt(r.nextInt(GIVEN.length()))) : "");
    }

    public static String phone(int i) {
        return "139" + String.format("%08d", i);
    }

    public static String card(int i) {
        return "GZ" + String.format("%08d", i);
    }

    /** A valid 18-digit ID number (Guiyang 520102, born 1970-1999), unique per i. */
    public static String idNumber(int i) {
        LocalDate born = LocalDate.of(1970, 1, 1).plusDays(i % 10950);
        String body = "520102" + born.toString().replace("-", "") + String.format("%03d", i / 10950 % 1000);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (body.charAt(k) - '0') * w[k];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    static String seal(String plain) throws Exception {
        byte[] iv = new byte[12];
        IVS.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, aes, new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array());
    }

    static String blind(String plain) throws Exception {
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(mac);
        return HexFormat.of().formatHex(m.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
    }

    static Map<String, Object> modelWorker(int i, long firstMember) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("NAME", name(i));
        m.put("ORG_ID", orgOf(i));
        m.put("MEMBER_ID", firstMember + i);
        try {
            String id = idNumber(900_000 + i);
            for (String col : List.of("ID_SEALED", "ID_INDEX", "ID_MASKED")) {
                m.put(col, col.equals("ID_SEALED") ? seal(id) : col.equals("ID_INDEX") ? blind(id)
                        : id.substring(0, 3) + "*".repeat(11) + id.substring(14));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return m;
    }

    // ---- module rows: copies of a demo row with the columns that must differ replaced

    static List<Long> copy(String table, int count, IntFunction<Map<String, Object>> overrides) throws Exception {
        if (!exists(table) || count == 0) {
            System.out.println("skipped " + table + " (module not installed or no demo row)");
            return List.of();
        }
        Map<String, Object> template = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY ID FETCH FIRST 1 ROWS ONLY")) {
            if (!rs.next()) {
                if (!BASES.containsKey(table)) {
                    System.out.println("skipped " + table + " (no demo row to copy)");
                    return List.of();
                }
                template.putAll(BASES.get(table)); // the NOT NULL columns, as the module writes them
            }
            ResultSetMetaData md = template.isEmpty() ? rs.getMetaData() : null;
            for (int k = 1; md != null && k <= md.getColumnCount(); k++) {
                if (!md.isAutoIncrement(k)) {
                    template.put(md.getColumnName(k), rs.getObject(k));
                }
            }
        }
        List<String> cols = new ArrayList<>(template.keySet());
        long before = maxId(table);
        String sql = "INSERT INTO " + table + " (" + String.join(", ", cols) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(cols.size(), "?")) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < count; i++) {
                Map<String, Object> o = overrides.apply(i);
                for (int k = 0; k < cols.size(); k++) {
                    Object v = o.containsKey(cols.get(k)) ? o.get(cols.get(k)) : template.get(cols.get(k));
                    if (v == null) {
                        ps.setNull(k + 1, ps.getParameterMetaData().getParameterType(k + 1));
                    } else {
                        ps.setObject(k + 1, v);
                    }
                }
                ps.addBatch();
                if (i % 5000 == 4999) {
                    ps.executeBatch();
                    c.commit();
                }
            }
            ps.executeBatch();
            c.commit();
        }
        List<Long> ids = new ArrayList<>(count);
        try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM " + table + " WHERE ID > ? ORDER BY ID")) {
            ps.setLong(1, before);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        System.out.printf("  %s: %d rows%n", table, ids.size());
        return ids;
    }

    /** Rows to start from where the demo data has none to copy. */
    static final Map<String, Map<String, Object>> BASES = new java.util.HashMap<>();

    static Long firstId(String table) throws Exception {
        if (!exists(table)) {
            return null;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MIN(ID) FROM " + table)) {
            rs.next();
            long id = rs.getLong(1);
            return rs.wasNull() ? null : id;
        }
    }

    static boolean exists(String table) throws Exception {
        try (ResultSet rs = c.getMetaData().getTables(null, "APP", table, null)) {
            return rs.next();
        }
    }

    static long maxId(String table) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(ID), 0) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long firstIdAfter(String table, long before) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(ID) FROM " + table + " WHERE ID > ?")) {
            ps.setLong(1, before);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A map that, unlike Map.of, holds nulls. */
    static Map<String, Object> m(Object... kv) {
        Map<String, Object> out = new java.util.HashMap<>();
        for (int k = 0; k < kv.length; k += 2) {
            out.put((String) kv[k], kv[k + 1]);
        }
        return out;
    }

    static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
