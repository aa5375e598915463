import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every list and lookup of issue 18 against a hub loaded by Generate.java, each with 16 concurrent clients:
 * prints one markdown row per lookup with p50 and p99 in milliseconds and the share of non-200 answers.
 * <pre>java Bench.java URL [requestsPerClient]</pre>
 * The cursors for middle and last pages are built the way the hub builds them (sort name, key, id in base64url):
 * a client would reach them by walking nextCursor, which the benchmark cannot afford for every sample.
 * <p>With {@code -Dpaths=DIR} it sends nothing: it writes each row's label, Authorization header and 2,000 of its
 * paths to {@code DIR/NN.paths}, for wrk (wrk.lua) to send, a client that costs the shared cores far less.
 */
public class Bench {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static String url;
    static final Random RANDOM = new Random(18);
    static final int WARM = 5;
    /** -Dpaths=DIR: write each row's paths for wrk instead of sending them */
    static final String PATHS = System.getProperty("paths");
    static boolean warming;
    static double base50;
    static double base99;

    public static void main(String[] args) throws Exception {
        url = args[0];
        int perClient = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int clients = Integer.getInteger("clients", 16);
        String admin = basic("admin", "admin");
        // the generated tree: the benchmark province, a city, a district and a union of it
        long province = Long.parseLong(first(get("/api/orgs?name=" + enc("(基准)"), admin), "\"id\":(\\d+)"));
        String cityJson = get("/api/orgs?parentId=" + province + "&limit=1", admin);
        long city = Long.parseLong(first(cityJson, "\"id\":(\\d+)"));
        long district = Long.parseLong(first(get("/api/orgs?parentId=" + city + "&limit=1", admin), "\"id\":(\\d+)"));
        long union = Long.parseLong(first(get("/api/orgs?parentId=" + district + "&limit=1", admin), "\"id\":(\\d+)"));
        String cityOfficer = officer("bench.city", city, admin);
        String districtOfficer = officer("bench.district", district, admin);
        String unionOfficer = officer("bench.union", union, admin);
        long minMember = Long.parseLong(first(get("/api/members?sort=id&cardNumber=GZ00000000", admin), "\"id\":(\\d+)"));
        int members = Integer.parseInt(System.getProperty("members", "1000000"));
        long maxMember = minMember + members - 1;
        String only = System.getProperty("only");
        long maxAudit = Long.parseLong(first(get("/api/audit?limit=1", admin), "\"id\":(\\d+)"));
        String plan = first(get("/api/mutual-aid/plans", admin), "\"id\":(\\d+)");
        String fair = first(get("/api/fairs?limit=1", admin), "\"id\":(\\d+)");

        // an account may search by ID-card number 20 times in 10 minutes (ExactIdSearch): the row's requests go round
        // as many admin accounts as it needs, each under that limit
        List<String> searchers = new ArrayList<>();
        if ((only == null || only.contains("idNumber")) && PATHS == null) {
            for (int k = 0; k < (clients * (perClient + WARM) + 40) / 19 + 1; k++) {
                searchers.add(account("bench.id." + Long.toString(System.currentTimeMillis() / 1000, 36) + "." + k, "[\"admin\"]", "", admin));
            }
        }
        AtomicInteger turn = new AtomicInteger();
        // two passes over every row: the first (WARM requests a client, not reported) runs each path once the way the
        // second does, so that the baseline of the measured pass is not a hub whose JIT has seen nothing yet
        for (int pass = 0; pass < 2; pass++) {
            warming = pass == 0;
            if (!warming && PATHS == null) {
                System.out.printf("| lookup (%d clients, %d requests) | p50 ms | p99 ms | p50 / baseline | p99 / baseline | errors |%n"
                        + "|---|---:|---:|---:|---:|---:|%n", clients, clients * perClient);
            }
            run("baseline: `GET /api/modules` (no database)".replace("baseline", System.getProperty("only") == null ? "baseline" : "baseline (only)"), admin, i -> "/api/modules", clients, perClient);
            run("`GET /api/members/{id}`", admin, i -> "/api/members/" + (minMember + RANDOM.nextInt(members)), clients, perClient);
            run("`GET /api/members?cardNumber=…`", admin, i -> "/api/members?cardNumber=GZ" + String.format("%08d", RANDOM.nextInt(members)), clients, perClient);
            run("`GET /api/members?phone=…`", admin, i -> "/api/members?phone=139" + String.format("%08d", RANDOM.nextInt(members)), clients, perClient);
            for (String searcher : searchers) {
                send("/api/modules", searcher); // its sign-in checked and cached (60 s) before the row, not inside it
            }
            run("`GET /api/members?idNumber=…` (blind index)", i -> searchers.get(turn.getAndIncrement() / 19 % searchers.size()),
                    i -> "/api/members?reason=" + enc("核对会员身份") + "&idNumber=" + Generate.idNumber(RANDOM.nextInt(members)), clients, perClient);
            run("`GET /api/members?name=<surname+1>` (prefix)", admin, i -> "/api/members?name=" + enc(Generate.name(RANDOM.nextInt(members)).substring(0, 2)), clients, perClient);
            run("`GET /api/members?name=<full name>`", admin, i -> "/api/members?name=" + enc(Generate.name(RANDOM.nextInt(members))), clients, perClient);
            run("`GET /api/members?limit=50` first page", admin, i -> "/api/members?limit=50", clients, perClient);
            run("`GET /api/members?cursor=…` middle pages", admin, i -> "/api/members?limit=50&cursor=" + cursor("id", minMember + RANDOM.nextInt(members)), clients, perClient);
            run("`GET /api/members?cursor=…` last page", admin, i -> "/api/members?limit=50&cursor=" + cursor("id", maxMember - 20), clients, perClient);
            run("`GET /api/members?page=200` (offset 9,950)", admin, i -> "/api/members?limit=50&page=200", clients, perClient);
            run("`GET /api/members?sort=name&cursor=…` middle", admin, i -> "/api/members?sort=name&limit=50&cursor=" + cursor("name", Generate.name(RANDOM.nextInt(members)), minMember + RANDOM.nextInt(members)), clients, perClient);
            run("officer of a city (~110k members): first page", cityOfficer, i -> "/api/members?limit=50", clients, perClient);
            List<String> cityUnions = unionPaths(province, city, admin);
            run("officer of a city: middle pages (cursor)", cityOfficer, i -> "/api/members?limit=50&cursor=" + cursor("org", cityUnions.get(RANDOM.nextInt(cityUnions.size())), minMember + RANDOM.nextInt(members)), clients, perClient);
            run("officer of a district (~11k): first page", districtOfficer, i -> "/api/members?limit=50", clients, perClient);
            run("officer of a union (200): first page", unionOfficer, i -> "/api/members?limit=50", clients, perClient);
            run("officer of a city: name prefix", cityOfficer, i -> "/api/members?name=" + enc(Generate.name(RANDOM.nextInt(members)).substring(0, 2)), clients, perClient);
            run("`GET /api/audit?limit=50` first page", admin, i -> "/api/audit?limit=50", clients, perClient);
            run("`GET /api/audit?cursor=…` middle pages", admin, i -> "/api/audit?limit=50&cursor=" + cursor("-id", 1 + RANDOM.nextInt((int) maxAudit)), clients, perClient);
            run("`GET /api/orgs?limit=50` (5,000+ orgs)", admin, i -> "/api/orgs?limit=50", clients, perClient);
            if (plan != null) {
                run("`GET /api/mutual-aid/claims` first page", admin, i -> "/api/mutual-aid/claims?limit=50", clients, perClient);
                run("`GET /api/mutual-aid/claims?cursor=…` middle", admin, i -> "/api/mutual-aid/claims?limit=50&cursor=" + cursor("id", 1 + RANDOM.nextInt(200_000)), clients, perClient);
                run("`GET /api/mutual-aid/claims?status=…`", admin, i -> "/api/mutual-aid/claims?limit=50&status=SUBMITTED", clients, perClient);
                run("`GET /api/mutual-aid/plans/{id}/enrolments` first page", admin, i -> "/api/mutual-aid/plans/" + plan + "/enrolments?limit=50", clients, perClient);
                run("enrolments, officer of a district", districtOfficer, i -> "/api/mutual-aid/plans/" + plan + "/enrolments?limit=50", clients, perClient);
                run("enrolments, officer of a district, middle (cursor)", districtOfficer, i -> "/api/mutual-aid/plans/" + plan + "/enrolments?limit=50&cursor=" + cursor("org", union, 1 + RANDOM.nextInt(300_000)), clients, perClient);
                run("enrolments, officer of a city", cityOfficer, i -> "/api/mutual-aid/plans/" + plan + "/enrolments?limit=50", clients, perClient);
                run("`GET /api/mutual-aid/plans/{id}` (counts its enrolments)", admin, i -> "/api/mutual-aid/plans/" + plan, clients, perClient);
            }
            if (fair != null) {
                run("`GET /api/fairs/{id}/applications` first page", admin, i -> "/api/fairs/" + fair + "/applications?limit=50", clients, perClient);
                run("fair applications, middle (cursor)", admin, i -> "/api/fairs/" + fair + "/applications?limit=50&cursor=" + cursor("id", 1 + RANDOM.nextInt(100_000)), clients, perClient);
            }
            run("`GET /api/recuperation/bookings` first page", admin, i -> "/api/recuperation/bookings?limit=50", clients, perClient);
            run("bookings, officer of a district", districtOfficer, i -> "/api/recuperation/bookings?limit=50", clients, perClient);
            run("`GET /api/model-workers/records` first page", admin, i -> "/api/model-workers/records?limit=50", clients, perClient);
            run("model-worker records, officer of a city", cityOfficer, i -> "/api/model-workers/records?limit=50", clients, perClient);
            run("baseline again, at the end", admin, i -> "/api/modules", clients, perClient);
        }
    }

    static void run(String label, String auth, IntFunction<String> path, int clients, int perClient) throws Exception {
        run(label, i -> auth, path, clients, perClient);
    }

    static void run(String label, IntFunction<String> authFor, IntFunction<String> path, int clients, int perClient) throws Exception {
        String only = System.getProperty("only");
        if (only != null && !label.startsWith("baseline") && java.util.Arrays.stream(only.split(",")).noneMatch(label::contains)) {
            return; // -Donly=enrolments,bookings measures those rows (and the baseline, always)
        }
        if (PATHS != null) {
            writePaths(label, authFor, path);
            return;
        }
        try {
            for (int i = 0; i < 20; i++) {
                send(path.apply(i), authFor.apply(i)); // warm-up: compiled statements, caches, the JIT
            }
        } catch (java.io.IOException e) {
            System.out.printf("| %s | timed out in the warm-up (30 s) | | | | |%n", label);
            return;
        }
        int requests = warming ? WARM : perClient;
        ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(clients);
        for (int t = 0; t < clients; t++) {
            new Thread(() -> {
                try {
                    for (int i = 0; i < requests; i++) {
                        String p;
                        String auth;
                        synchronized (RANDOM) {
                            p = path.apply(i);
                            auth = authFor.apply(i);
                        }
                        long t0 = System.nanoTime();
                        int status = send(p, auth);
                        times.add(System.nanoTime() - t0);
                        if (status != 200) {
                            errors.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    System.err.println(label + ": a client stopped on " + e);
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        if (warming) {
            return;
        }
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        double p50 = pct(sorted, 0.50);
        double p99 = pct(sorted, 0.99);
        if (base50 == 0) {
            base50 = p50;
            base99 = p99;
        }
        System.out.printf("| %s | %.1f | %.1f | %.1f | %.1f | %d |%n", label, p50, p99, p50 / base50, p99 / base99,
                errors.get());
    }

    static int written;

    /**
     * One file per row for wrk. The ID-number search has none: one account may make 20 such searches in 10 minutes,
     * and wrk sends thousands.
     */
    static void writePaths(String label, IntFunction<String> authFor, IntFunction<String> path) throws Exception {
        if (warming || label.contains("idNumber")) {
            return;
        }
        StringBuilder out = new StringBuilder(label).append('\n').append(authFor.apply(0)).append('\n');
        for (int i = 0; i < 2000; i++) {
            out.append(path.apply(i)).append('\n');
        }
        java.nio.file.Path dir = java.nio.file.Path.of(PATHS);
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.writeString(dir.resolve(String.format("%02d.paths", written++)), out);
    }

    static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    static int send(String path, String auth) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", auth)
                .timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<byte[]> r = HTTP.send(req, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200 && System.getProperty("verbose") != null) {
            System.err.println(r.statusCode() + " " + path + " " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.statusCode();
    }

    static String get(String path, String auth) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", auth).GET().build();
        return HTTP.send(req, HttpResponse.BodyHandlers.ofString()).body();
    }

    static String officer(String name, long org, String admin) throws Exception {
        return account(name, "[\"officer\",\"claims-reviewer\"]", ",\"orgId\":" + org, admin);
    }

    static String account(String name, String roles, String more, String admin) throws Exception {
        String body = "{\"username\":\"" + name + "\",\"password\":\"bench-" + name + "\",\"roles\":" + roles + more + "}";
        HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/accounts")).header("Authorization", admin)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return basic(name, "bench-" + name);
    }

    /** The paths of the city's grassroots unions (province/city/district/union), to aim cursors inside its range. */
    static List<String> unionPaths(long province, long city, String admin) throws Exception {
        List<String> out = new ArrayList<>();
        Matcher d = Pattern.compile("\"id\":(\\d+)").matcher(get("/api/orgs?parentId=" + city + "&limit=500", admin));
        while (d.find()) {
            Matcher u = Pattern.compile("\"id\":(\\d+)").matcher(get("/api/orgs?parentId=" + d.group(1) + "&limit=500", admin));
            while (u.find()) {
                out.add("/" + province + "/" + city + "/" + d.group(1) + "/" + u.group(1) + "/");
            }
        }
        return out;
    }

    static String cursor(String sort, Object key, long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((sort + "\n" + key + "\n" + id).getBytes(StandardCharsets.UTF_8));
    }

    static String cursor(String sort, long id) {
        return cursor(sort, id, id);
    }

    static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
