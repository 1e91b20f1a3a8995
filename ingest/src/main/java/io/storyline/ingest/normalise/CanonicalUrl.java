package io.storyline.ingest.normalise;

import io.storyline.common.deadletter.RejectedRecordException;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one URL under which an article is known, whatever link a feed used: scheme and host in lower case, default
 * port, credentials and fragment gone, tracking parameters ({@code utm_*}, click ids, newsletter ids) gone, and AMP variants
 * (an {@code amp.} host, an {@code /amp} path segment, {@code ?amp=1}, a Google AMP cache URL) folded onto the
 * page they mirror. Path and the remaining query keep their order and case: servers may treat them as meaningful.
 */
public final class CanonicalUrl {

    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid",
            "twclid", "ttclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "ref",
            "ref_src", "ref_url", "referrer", "cmpid", "ito", "ocid", "smid", "smtyp", "spm", "taid", "feature",
            "s_cid", "wt.mc_id", "__twitter_impression", "amp", "outputtype", "usqp", "amp_js_v", "amp_gsa");
    private static final Pattern TRACKING_PREFIX = Pattern.compile("(utm_|pk_|mtm_|hsa_|oly_|vero_|at_).*");
    private static final Pattern AMP_CACHE = Pattern.compile("[^.]+\\.cdn\\.ampproject\\.org");

    private CanonicalUrl() {
    }

    /**
     * @param url an absolute http(s) URL, or one starting {@code www.}
     * @throws RejectedRecordException {@code invalid-url} for anything else
     */
    public static String of(String url) {
        String trimmed = url.strip();
        if (trimmed.regionMatches(true, 0, "www.", 0, 4)) {
            trimmed = "https://" + trimmed;
        }
        URI uri;
        try {
            uri = new URI(trimmed.replace(" ", "%20"));
        } catch (URISyntaxException e) {
            throw invalid(url, e.getReason());
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getRawAuthority() == null) {
            throw invalid(url, "not an absolute http(s) URL");
        }
        String host = host(uri);
        if (host == null || host.isEmpty()) {
            throw invalid(url, "no host");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (AMP_CACHE.matcher(host).matches()) {
            // https://example-com.cdn.ampproject.org/c/s/example.com/news/story -> https://example.com/news/story
            String[] parts = path.split("/", 5);
            if (parts.length >= 4 && parts[1].length() == 1) {
                boolean secure = parts.length >= 5 && parts[2].equals("s");
                String rest = secure ? parts[3] + (parts.length == 5 ? "/" + parts[4] : "") : parts[2] + "/"
                        + parts[3] + (parts.length == 5 ? "/" + parts[4] : "");
                String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
                return of((secure ? "https://" : "http://") + rest + query);
            }
        }
        if (host.startsWith("amp.")) {
            host = host.substring(4);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https");
        StringBuilder out = new StringBuilder(scheme).append("://");
        out.append(host.contains(":") ? "[" + host + "]" : host);
        if (!defaultPort) {
            out.append(':').append(port);
        }
        out.append(ampFreePath(path));
        String query = query(uri.getRawQuery());
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return out.toString();
    }

    /**
     * The host an article's {@code source} defaults to: the canonical URL's host without {@code www.}, in Unicode
     * (an internationalised domain reads as its owner writes it).
     */
    public static String sourceOf(String canonicalUrl) {
        String host = URI.create(canonicalUrl).getHost();
        String bare = host.startsWith("www.") ? host.substring(4) : host;
        try {
            return IDN.toUnicode(bare, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return bare;
        }
    }

    /** Lower-case ASCII (punycode) host; {@link URI} gives no host for internationalised names, so parse those. */
    private static String host(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            String authority = uri.getRawAuthority();
            host = authority.substring(authority.indexOf('@') + 1).replaceFirst(":\\d*$", "");
            try {
                host = IDN.toASCII(java.net.URLDecoder.decode(host, java.nio.charset.StandardCharsets.UTF_8),
                        IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        String lower = bare.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static String ampFreePath(String path) {
        String out = path;
        if (out.endsWith("/amp") || out.endsWith("/amp/")) {
            out = out.substring(0, out.lastIndexOf("/amp"));
        }
        out = out.replace("/amp/", "/");
        if (out.endsWith(".amp.html")) {
            out = out.substring(0, out.length() - ".amp.html".length()) + ".html";
        } else if (out.endsWith(".amp")) {
            out = out.substring(0, out.length() - ".amp".length());
        }
        return out.isEmpty() ? "/" : out;
    }

    private static String query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!TRACKING.contains(name) && !TRACKING_PREFIX.matcher(name).matches()) {
                kept.add(pair);
            }
        }
        return String.join("&", kept);
    }

    private static RejectedRecordException invalid(String url, String why) {
        String shown = url.length() > 200 ? url.substring(0, 200) + "…" : url;
        return new RejectedRecordException("invalid-url", "url '" + shown + "' is not usable: " + why);
    }
}
