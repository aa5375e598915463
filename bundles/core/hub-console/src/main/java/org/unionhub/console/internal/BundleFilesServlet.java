package org.unionhub.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.unionhub.api.web.SecurityHeaders;

/**
 * Serves a web front end of the hub from bundles: its own files from this bundle's folder ({@code console/} for
 * the officer console at {@code /console}, {@code app/} for the member app at {@code /m}), and each module's files
 * from that module's bundle ({@code <prefix>/modules/<id>/…} → {@code <folder>/…} in the bundle that registered the
 * module's {@code ConsoleExtension}). Nothing is fetched from outside the hub.
 */
abstract class BundleFilesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js",
            "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml", "png", "image/png",
            "json", "application/json; charset=utf-8", "ico", "image/x-icon");

    private final transient Bundle own;
    private final transient ConsoleRegistry registry;
    private final String prefix;
    private final String folder;

    BundleFilesServlet(BundleContext context, ConsoleRegistry registry, String prefix, String folder) {
        this.own = context.getBundle();
        this.registry = registry;
        this.prefix = prefix;
        this.folder = folder;
    }

    /** What the page's policy allows beyond the hub's own (the app: Vant's icon font, which comes as a data: URL). */
    String extraPolicy() {
        return "";
    }

    /** The file to answer for {@code path}: the app answers its own routes (e.g. /m/join) with its page. */
    String pageFor(String path) {
        return path;
    }

    /**
     * The page's import map is an inline script (browsers take no other kind): the policy allows exactly that
     * script by its hash, and no other inline script.
     */
    private void allowImportMap(URL page, HttpServletResponse resp) throws IOException {
        String html;
        try (InputStream in = page.openStream()) {
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String open = "<script type=\"importmap\">";
        int start = html.indexOf(open);
        int end = html.indexOf("</script>", start);
        if (start < 0 || end < 0) {
            return;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(html.substring(start + open.length(), end).getBytes(StandardCharsets.UTF_8));
            String csp = SecurityHeaders.of(prefix + "/", false).get("Content-Security-Policy");
            resp.setHeader("Content-Security-Policy", csp.replace("default-src 'self';",
                    "default-src 'self'; script-src 'self' 'sha256-" + Base64.getEncoder().encodeToString(hash) + "'; " + extraPolicy()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Bundle bundleOf(String path) {
        if (path.startsWith("/modules/")) {
            String rest = path.substring("/modules/".length());
            return registry.bundleOf(rest.substring(0, rest.indexOf('/'))).orElse(own);
        }
        return own;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        SecurityHeaders.of(prefix + path, req.isSecure()).forEach(resp::setHeader);
        if (path.isEmpty()) {
            resp.sendRedirect(req.getContextPath() + req.getServletPath() + "/");
            return;
        }
        path = path.equals("/") ? "/index.html" : pageFor(path);
        if (path.contains("..")) {
            resp.sendError(404);
            return;
        }
        Optional<URL> file;
        if (path.startsWith("/modules/")) {
            String rest = path.substring("/modules/".length());
            int slash = rest.indexOf('/');
            if (slash <= 0) {
                resp.sendError(404);
                return;
            }
            String module = rest.substring(0, slash);
            String entry = folder + "/" + rest.substring(slash + 1);
            file = registry.bundleOf(module).map(b -> b.getEntry(entry));
        } else {
            file = Optional.ofNullable(own.getEntry(folder + path));
        }
        if (file.isEmpty() || file.get() == null) {
            resp.sendError(404);
            return;
        }
        String ext = path.substring(path.lastIndexOf('.') + 1);
        resp.setContentType(TYPES.getOrDefault(ext, "application/octet-stream"));
        // modules come and go at runtime: let the browser check every time, cheaply (304 while the bundle is unchanged)
        resp.setHeader("Cache-Control", "no-cache");
        if (path.equals("/index.html")) {
            // before a 304 too: the browser takes the policy of a 304 over the cached page's
            allowImportMap(file.get(), resp);
        }
        long modified = bundleOf(path).getLastModified() / 1000 * 1000;
        resp.setDateHeader("Last-Modified", modified);
        long since = req.getDateHeader("If-Modified-Since");
        if (since >= modified) {
            resp.setStatus(304);
            return;
        }
        // the kit is ~900 KB of script and CSS: compressed it is a quarter of that
        boolean gzip = !ext.equals("png") && String.valueOf(req.getHeader("Accept-Encoding")).contains("gzip");
        if (gzip) {
            resp.setHeader("Content-Encoding", "gzip");
            resp.setHeader("Vary", "Accept-Encoding");
        }
        try (InputStream in = file.get().openStream(); OutputStream raw = resp.getOutputStream();
                OutputStream out = gzip ? new GZIPOutputStream(raw) : raw) {
            in.transferTo(out);
        }
    }
}
