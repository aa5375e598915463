import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * GET /api/health latency while anonymous clients send wrong passwords, against an idle baseline taken in the
 * same run on the same hub (./hub start: demo data, production password hashing).
 *
 *   java benchmarks/signin/SigninBench.java [--url http://localhost:8181] [--seconds 20] [--attackers 32]
 *                                           [--spray true]
 *
 * Phases: idle (one client asks /api/health in a loop) and attack (the same client, beside N clients that each
 * POST /api/auth/token with a wrong password, each for a user name of its own, as fast as answers come).
 * With {@code --spray true} every attempt names a new account, so no per-account back-off ever starts; on a hub
 * with {@code signin.address.free.failures} raised (as behind a proxy, or for attackers on many addresses) every
 * attempt then reaches the password hash, and only the hub's limit on concurrent hashes protects the cores.
 * Prints p50/p99 of /api/health in each phase, their ratio, and how the wrong passwords were answered.
 */
public class SigninBench {

    static String url = "http://localhost:8181";
    static int seconds = 20;
    static int attackers = 32;
    static boolean spray = false;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < args.length - 1; i += 2) {
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--attackers" -> attackers = Integer.parseInt(args[i + 1]);
                case "--spray" -> spray = Boolean.parseBoolean(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        health(3); // warm up
        List<Long> idle = health(seconds);
        Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int a = 0; a < attackers; a++) {
            int n = a;
            Thread t = new Thread(() -> {
                int i = 0;
                while (!stop.get()) {
                    String user = spray ? "victim" + n + "-" + i : "victim" + n; // spray: a new account every time
                    String body = "{\"username\":\"" + user + "\",\"password\":\"guess-" + (i++) + "\"}";
                    try {
                        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/auth/token"))
                                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        answers.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                    } catch (Exception e) {
                        answers.computeIfAbsent(-1, k -> new AtomicInteger()).incrementAndGet();
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        Thread.sleep(2_000); // the flood is on
        List<Long> attacked = health(seconds);
        stop.set(true);
        for (Thread t : threads) {
            t.join(65_000);
        }
        double idle99 = pct(idle, 99);
        double attack99 = pct(attacked, 99);
        System.out.println("| phase | requests | p50 (ms) | p99 (ms) |");
        System.out.println("|---|---:|---:|---:|");
        System.out.printf("| idle | %d | %.1f | %.1f |%n", idle.size(), pct(idle, 50), idle99);
        System.out.printf("| %d wrong-password clients | %d | %.1f | %.1f |%n", attackers, attacked.size(), pct(attacked, 50), attack99);
        System.out.printf("%nratio p99 attack / idle: %.2f; wrong-password answers by status: %s%n", attack99 / idle99,
                new TreeMap<>(answers));
    }

    /** One client asking GET /api/health in a loop for {@code secs}; answers the latencies in ns. */
    static List<Long> health(int secs) throws Exception {
        List<Long> out = new ArrayList<>();
        long end = System.nanoTime() + secs * 1_000_000_000L;
        HttpRequest req = HttpRequest.newBuilder(URI.create(url + "/api/health")).timeout(Duration.ofSeconds(60)).build();
        while (System.nanoTime() < end) {
            long t = System.nanoTime();
            HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                throw new IllegalStateException("health answered " + r.statusCode() + ": " + r.body());
            }
            out.add(System.nanoTime() - t);
        }
        return out;
    }

    static double pct(List<Long> ns, int p) {
        List<Long> s = new ArrayList<>(ns);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1)) / 1e6;
    }
}
