package org.unionhub.itests;

import org.unionhub.testkit.contract.Contract;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} that shows every answer to the {@link Contract} before handing it on, so that each call the
 * generated client makes is checked against the document. The body is read once as bytes, checked, then fed to
 * the caller's own body handler.
 */
final class CheckingHttpClient extends HttpClient {

    private final HttpClient http;
    private final Contract contract;

    CheckingHttpClient(HttpClient http, Contract contract) {
        this.http = http;
        this.contract = contract;
    }

    /** A builder for the generated client's {@code ApiClient.setHttpClientBuilder}. */
    static HttpClient.Builder builder(Contract contract) {
        HttpClient.Builder real = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        return new Builder() {
            public Builder cookieHandler(CookieHandler h) { real.cookieHandler(h); return this; }
            public Builder connectTimeout(Duration d) { real.connectTimeout(d); return this; }
            public Builder sslContext(SSLContext c) { real.sslContext(c); return this; }
            public Builder sslParameters(SSLParameters p) { real.sslParameters(p); return this; }
            public Builder executor(Executor e) { real.executor(e); return this; }
            public Builder followRedirects(Redirect r) { real.followRedirects(r); return this; }
            public Builder version(Version v) { real.version(v); return this; }
            public Builder priority(int p) { real.priority(p); return this; }
            public Builder proxy(ProxySelector p) { real.proxy(p); return this; }
            public Builder authenticator(Authenticator a) { real.authenticator(a); return this; }
            public HttpClient build() { return new CheckingHttpClient(real.build(), contract); }
        };
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> raw = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        contract.check(request.method(), request.uri(), raw.statusCode(), raw.headers().map(),
                new String(raw.body(), StandardCharsets.UTF_8));
        T body = replay(raw, handler);
        return new HttpResponse<T>() {
            public int statusCode() { return raw.statusCode(); }
            public HttpRequest request() { return raw.request(); }
            public Optional<HttpResponse<T>> previousResponse() { return Optional.empty(); }
            public HttpHeaders headers() { return raw.headers(); }
            public T body() { return body; }
            public Optional<javax.net.ssl.SSLSession> sslSession() { return raw.sslSession(); }
            public java.net.URI uri() { return raw.uri(); }
            public Version version() { return raw.version(); }
        };
    }

    private static <T> T replay(HttpResponse<byte[]> raw, HttpResponse.BodyHandler<T> handler) throws IOException {
        HttpResponse.BodySubscriber<T> subscriber = handler.apply(new HttpResponse.ResponseInfo() {
            public int statusCode() { return raw.statusCode(); }
            public HttpHeaders headers() { return raw.headers(); }
            public Version version() { return raw.version(); }
        });
        subscriber.onSubscribe(new Flow.Subscription() {
            public void request(long n) { }
            public void cancel() { }
        });
        subscriber.onNext(List.of(ByteBuffer.wrap(raw.body())));
        subscriber.onComplete();
        try {
            return subscriber.getBody().toCompletableFuture().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IOException("cannot hand the answer on", e);
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return send(request, handler);
            } catch (IOException | InterruptedException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> push) {
        return sendAsync(request, handler);
    }

    public Optional<CookieHandler> cookieHandler() { return http.cookieHandler(); }
    public Optional<Duration> connectTimeout() { return http.connectTimeout(); }
    public Redirect followRedirects() { return http.followRedirects(); }
    public Optional<ProxySelector> proxy() { return http.proxy(); }
    public SSLContext sslContext() { return http.sslContext(); }
    public SSLParameters sslParameters() { return http.sslParameters(); }
    public Optional<Authenticator> authenticator() { return http.authenticator(); }
    public Version version() { return http.version(); }
    public Optional<Executor> executor() { return http.executor(); }
}
