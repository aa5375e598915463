import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fairs rushes against a running hub (./hub start), beside GET /api/health on the same server in the same
 * run. Closed loop: N clients each send their next request when the last one answered.
 *
 *   java benchmarks/fairs/FairsBench.java [--url http://localhost:8181] [--seconds 10] [--clients 16,64,256]
 *                                         [--admin admin:admin]
 *
 * Scenarios at each client count:
 *   health  GET /api/health (anonymous): the ceiling of the stack
 *   stalls  POST /api/fairs/{id}/applications (anonymous, a new credit code each time) on one fair of
 *           10,000 stalls: every request takes the fair's row lock, so this is the serialised path
 *   coupons POST /api/fairs/coupon-batches/{id}/claims?memberId=… as admin (Basic, checked once and then
 *           remembered by the hub) on one batch: every request takes the batch's row lock
 *   exhaust 300 claims for 100 coupons at once: checks that exactly 100 succeed (the rush itself)
 */
public class FairsBench {

    static String url = "http://localhost:8181";
    static int seconds = 10;
    static int[] clients = {16, 64, 256};
    static String admin = "admin:admin";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final AtomicInteger CODES = new AtomicInteger((int) (System.currentTimeMillis() / 1000 % 1_000_000) * 10);

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < args.length - 1; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--clients" -> clients = Arrays.stream(args[i + 1].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--admin" -> admin = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String auth = "Basic " + Base64.getEncoder().encodeToString(admin.getBytes(StandardCharsets.UTF_8));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        long fair = id(send("POST", "/api/fairs", auth, "{\"name\":\"bench fair\",\"venue\":\"bench\",\"startsAt\":\""
                + now.plusDays(3) + "\",\"endsAt\":\"" + now.plusDays(3).plusHours(9) + "\",\"stallCount\":10000,"
                + "\"registrationOpensAt\":\"" + now.minusHours(1) + "\",\"registrationClosesAt\":\"" + now.plusDays(2) + "\"}"), 201);
        long org = firstOrg(auth);
        int memberCount = 256;
        long[] members = new long[memberCount];
        for (int i = 0; i < memberCount; i++) {
            members[i] = id(send("POST", "/api/members", auth, "{\"name\":\"bench " + i + "\",\"orgId\":" + org
                    + ",\"employmentForm\":\"EMPLOYEE\"}"), 201);
        }
        long batch = id(send("POST", "/api/fairs/coupon-batches", auth, batchBody(10_000_000, 1_000_000, now)), 201);
        System.out.printf("fair %d, batch %d, %d members; %d s per run%n%n", fair, batch, memberCount, seconds);

        List<String> rows = new ArrayList<>();
        rows.add("| clients | scenario | requests | throughput (req/s) | p50 (ms) | p99 (ms) | vs health | answers |");
        rows.add("|---:|---|---:|---:|---:|---:|---:|---|");
        for (int n : clients) {
            Result health = run(n, i -> request("GET", "/api/health", null, null));
            Result stalls = run(n, i -> request("POST", "/api/fairs/" + fair + "/applications", null,
                    "{\"companyName\":\"bench " + i + "\",\"creditCode\":\"" + creditCode() + "\",\"contact\":\"c\","
                            + "\"category\":\"food\",\"offersMemberDiscount\":" + (i % 2 == 0) + "}"));
            Result coupons = run(n, i -> request("POST", "/api/fairs/coupon-batches/" + batch + "/claims?memberId="
                    + members[i % memberCount], auth, null));
            for (Result r : List.of(health, stalls, coupons)) {
                String row = String.format("| %d | %s | %d | %.0f | %.1f | %.1f | %s | %s |", n, r.name, r.count,
                        r.throughput(), r.p(50), r.p(99), r == health ? "1.00" : String.format("%.2f", r.throughput() / health.throughput()),
                        r.statuses);
                rows.add(row);
                System.out.println(row);
            }
        }
        // the rush itself: 300 claims for 100 coupons, 300 at once
        long small = id(send("POST", "/api/fairs/coupon-batches", auth, batchBody(100, 1, now)), 201);
        Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < 300; i++) {
            long member = members[i % memberCount];
            int k = i;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    // 256 members: members 0..43 claim twice, so their second claim may meet the limit as well
                    HttpResponse<String> r = HTTP.send(request("POST", "/api/fairs/coupon-batches/" + small + "/claims?memberId="
                            + member, auth, null), HttpResponse.BodyHandlers.ofString());
                    answers.computeIfAbsent(r.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                } catch (Exception e) {
                    answers.computeIfAbsent(-1, s -> new AtomicInteger()).incrementAndGet();
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        String claimed = send("GET", "/api/fairs/coupon-batches/" + small, null, null);
        System.out.printf("%nexhaust: 300 claims for 100 coupons in %.0f ms: answers %s; batch says %s%n",
                (System.nanoTime() - t0) / 1e6, new TreeMap<>(answers), match(claimed, "\"claimed\":(\\d+)"));
        System.out.println();
        rows.forEach(System.out::println);
    }

    record Result(String name, long count, double secs, long[] sortedNanos, String statuses) {
        double throughput() {
            return count / secs;
        }

        double p(int pct) {
            if (sortedNanos.length == 0) {
                return 0;
            }
            int idx = (int) Math.min(sortedNanos.length - 1, Math.ceil(pct / 100.0 * sortedNanos.length) - 1);
            return sortedNanos[Math.max(0, idx)] / 1e6;
        }
    }

    /** N clients in a closed loop for a warm-up second, then {@code seconds} measured. */
    static Result run(int n, IntFunction<HttpRequest> next) throws InterruptedException {
        HttpRequest probe = next.apply(0);
        String name = probe.uri().getPath().endsWith("health") ? "health"
                : probe.uri().getPath().endsWith("applications") ? "stalls" : "coupons";
        AtomicInteger seq = new AtomicInteger(1);
        long warmEnd = System.nanoTime() + 1_000_000_000L;
        long end = warmEnd + seconds * 1_000_000_000L;
        List<long[]> perClient = new ArrayList<>();
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            long[] lat = new long[2_000_000 / n + 1000];
            int[] len = {0};
            perClient.add(lat);
            Thread t = new Thread(() -> {
                while (true) {
                    long start = System.nanoTime();
                    if (start >= end) {
                        break;
                    }
                    int status;
                    try {
                        status = HTTP.send(next.apply(seq.getAndIncrement()), HttpResponse.BodyHandlers.ofString()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    long done = System.nanoTime();
                    if (start >= warmEnd && done <= end) {
                        statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                        if (len[0] < lat.length - 1) {
                            lat[++len[0]] = done - start;
                        }
                    }
                }
                lat[0] = len[0];
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        long total = perClient.stream().mapToLong(a -> a[0]).sum();
        long[] all = new long[(int) total];
        int k = 0;
        for (long[] a : perClient) {
            System.arraycopy(a, 1, all, k, (int) a[0]);
            k += (int) a[0];
        }
        Arrays.sort(all);
        return new Result(name, total, seconds, all, new TreeMap<>(statuses).toString());
    }

    static HttpRequest request(String method, String path, String auth, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
            return b.method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        }
        return b.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }

    static String send(String method, String path, String auth, String json) throws Exception {
        HttpResponse<String> r = HTTP.send(request(method, path, auth, json), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    static long id(String answer, int expected) {
        if (!answer.startsWith(expected + " ")) {
            throw new IllegalStateException("expected " + expected + ": " + answer);
        }
        return Long.parseLong(match(answer, "\"id\":(\\d+)"));
    }

    static long firstOrg(String auth) throws Exception {
        return Long.parseLong(match(send("GET", "/api/orgs?limit=1", auth, null), "\"id\":(\\d+)"));
    }

    static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in " + text);
        }
        return m.group(1);
    }

    static String batchBody(int quantity, int limit, OffsetDateTime now) {
        return "{\"title\":\"bench 30/20\",\"kind\":\"THRESHOLD\",\"threshold\":30,\"discount\":20,\"quantity\":" + quantity
                + ",\"perMemberLimit\":" + limit + ",\"validFrom\":\"" + now.minusMinutes(1) + "\",\"validTo\":\""
                + now.plusDays(1) + "\"}";
    }

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** A fresh valid unified social credit code (GB 32100-2015 check character). */
    static String creditCode() {
        String body = "91350200MA" + String.format("%07d", CODES.incrementAndGet() % 10_000_000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(body.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return body + ALPHABET.charAt(c == 31 ? 0 : c);
    }
}
