import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An open-loop steady load against a running hub: {@code --rate} requests a second, whatever the answers
 * take, alternating a write to the module being updated (a stall application to one fair) and a read of
 * another module. Prints one line of figures when {@code --seconds} are over:
 *
 *   requests=… ok=… s503=… other=… window_ms=… affected=… written=…
 *
 * window_ms is the time from the first to the last answer that was not 2xx (0 when there was none);
 * affected counts those answers. updated_max_ms is the longest a request to the module being updated took
 * (the writes), other_p99_ms the 99th percentile of the requests to the other module (the reads). Acknowledged writes (201) are appended to {@code --ids} so that a check
 * afterwards can read each one back. Non-2xx answers are written to stderr with their body.
 *
 *   java benchmarks/hotdeploy/SteadyLoad.java --url http://localhost:8181 --fair 1 --rate 200 --seconds 30
 */
public class SteadyLoad {

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new TreeMap<>(Map.of("--url", "http://localhost:8181", "--rate", "200",
                "--seconds", "30", "--fair", "1", "--read", "/api/jobfairs?limit=1", "--admin", "admin:admin",
                "--ids", "target/acknowledged.txt"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i], args[i + 1]);
        }
        String url = a.get("--url");
        int rate = Integer.parseInt(a.get("--rate"));
        long seconds = Long.parseLong(a.get("--seconds"));
        String writePath = "/api/fairs/" + a.get("--fair") + "/applications";
        String auth = "Basic " + Base64.getEncoder().encodeToString(a.get("--admin").getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(64)).build();

        AtomicLong seq = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);
        ConcurrentLinkedQueue<long[]> outcomes = new ConcurrentLinkedQueue<>(); // {answeredAt, status, took ms, write?}
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        AtomicLong sent = new AtomicLong();
        long started = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            long n = sent.incrementAndGet();
            long sentAt = System.nanoTime();
            HttpRequest req;
            if (n % 2 == 0) {
                String body = "{\"companyName\":\"load " + n + "\",\"creditCode\":\"" + CreditCodes.next(seq.incrementAndGet())
                        + "\",\"contact\":\"c\",\"category\":\"food\",\"offersMemberDiscount\":false}";
                req = HttpRequest.newBuilder(URI.create(url + writePath)).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            } else {
                req = HttpRequest.newBuilder(URI.create(url + a.get("--read"))).timeout(Duration.ofSeconds(60))
                        .header("Authorization", auth).GET().build();
            }
            http.sendAsync(req, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                long at = (System.nanoTime() - started) / 1_000_000;
                int status = e != null ? -1 : r.statusCode();
                outcomes.add(new long[] {at, status, (System.nanoTime() - sentAt) / 1_000_000, n % 2 == 0 ? 1 : 0});
                if (status == 201) {
                    ids.add(r.headers().firstValue("Location").orElse(""));
                } else if (status / 100 != 2) {
                    System.err.println(at + " ms " + java.time.LocalTime.now() + " " + req.method() + " " + req.uri().getPath() + " → " + status + " "
                            + (e != null ? e : r.body().replaceAll("\\s+", " ")));
                }
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        Thread.sleep(seconds * 1000);
        ticker.shutdownNow();
        long deadline = System.currentTimeMillis() + 65_000;
        while (outcomes.size() < sent.get() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        long ok = 0;
        long s503 = 0;
        long other = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (long[] o : outcomes) {
            if (o[1] / 100 == 2) {
                ok++;
                continue;
            }
            if (o[1] == 503) {
                s503++;
            } else {
                other++;
            }
            first = Math.min(first, o[0]);
            last = Math.max(last, o[0]);
        }
        long window = first == Long.MAX_VALUE ? 0 : last - first;
        long updatedMax = outcomes.stream().filter(o -> o[3] == 1).mapToLong(o -> o[2]).max().orElse(0);
        long[] reads = outcomes.stream().filter(o -> o[3] == 0).mapToLong(o -> o[2]).sorted().toArray();
        long otherP99 = reads.length == 0 ? 0 : reads[Math.min(reads.length - 1, (int) Math.ceil(reads.length * 0.99) - 1)];
        Path idFile = Path.of(a.get("--ids"));
        if (idFile.getParent() != null) {
            Files.createDirectories(idFile.getParent());
        }
        Files.write(idFile, new ArrayList<>(ids));
        System.out.printf("requests=%d ok=%d s503=%d other=%d window_ms=%d affected=%d written=%d updated_max_ms=%d other_p99_ms=%d%n",
                sent.get(), ok, s503, other, window, s503 + other, ids.size(), updatedMax, otherP99);
        System.exit(0);
    }

    /** Unified social credit codes (GB 32100) with a valid check character. */
    static final class CreditCodes {
        private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

        static String next(long n) {
            String body = "91350200MA" + String.format("%07d", n % 10_000_000);
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += ALPHABET.indexOf(body.charAt(i)) * WEIGHTS[i];
            }
            int c = 31 - sum % 31;
            return body + ALPHABET.charAt(c == 31 ? 0 : c);
        }
    }
}
