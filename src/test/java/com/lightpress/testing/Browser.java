package com.lightpress.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A minimal browser for tests: keeps cookies and follows redirects one at a time, so a test can go
 * through the real login page and see where each step leads.
 */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String forwardedFor;

    public Browser(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Forgets every cookie, as a new browser would start, but keeps the open connections. */
    public void forgetCookies() {
        cookies.getCookieStore().removeAll();
    }

    public String base() {
        return base;
    }

    /** The value of one of this browser's cookies for Lightpress, if it holds it. */
    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().get(URI.create(base)).stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    public HttpResponse<String> get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl))
                .header("Accept", "text/html")
                .GET()
                .build());
    }

    public HttpResponse<String> postForm(String pathOrUrl, Map<String, String> form) {
        var request = HttpRequest.newBuilder(uri(pathOrUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return send(request.build());
    }

    /**
     * Calls the API as the web client's script does: with its bearer token, and with this
     * browser's cookies (auth's login session among them), which a same-origin fetch sends along.
     */
    public HttpResponse<String> getApi(String path, String bearer) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Accept", "application/json")
                .header("Authorization", bearer)
                .GET()
                .build());
    }

    /** Posts JSON as a page's script does, with the page's CSRF token in the header. */
    public HttpResponse<String> postJson(String pathOrUrl, String json, String csrf) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** The CSRF token of the page's forms. */
    public static String csrfOf(HttpResponse<String> page) {
        var csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("No form on " + page.statusCode() + " " + page.uri());
        }
        return csrf.group(1);
    }

    /** Makes the browser appear to come from this client address (through a trusted proxy). */
    public Browser from(String address) {
        this.forwardedFor = address;
        return this;
    }

    /** Follows redirects from a response until one is not a redirect. */
    public HttpResponse<String> follow(HttpResponse<String> response) {
        return followUntil(response, location -> false);
    }

    /** Follows redirects until one is not a redirect or points where the predicate says to stop. */
    public HttpResponse<String> followUntil(HttpResponse<String> response, Predicate<String> stop) {
        var current = response;
        for (int hops = 0; hops < 10 && isRedirect(current) && !stop.test(location(current)); hops++) {
            current = get(location(current));
        }
        return current;
    }

    /** Fills in and submits the login page the response shows (or redirects to). */
    public HttpResponse<String> logIn(HttpResponse<String> loginPage, String email, String password) {
        var page = follow(loginPage);
        var csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("Not a login page: " + page.statusCode() + " " + page.uri());
        }
        return postForm("/login", Map.of("email", email, "password", password, "_csrf", csrf.group(1)));
    }

    public static boolean isRedirect(HttpResponse<?> response) {
        return response.statusCode() / 100 == 3;
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    public static String form(Map<String, String> form) {
        return form.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
