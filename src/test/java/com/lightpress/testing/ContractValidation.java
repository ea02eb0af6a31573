package com.lightpress.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks every exchange of the web tests' API client against the API documents the application
 * serves, so the documents cannot drift from the code: each answer must be one the document
 * describes for its operation (status, headers, body), and each request the server accepted one
 * the document allows. Exchanges outside the documented API (OAuth endpoints, pages, unknown
 * paths sent on purpose) pass unchecked. Which operations were checked is written to
 * target/contract-validation/PID.txt when the test JVM ends.
 */
final class ContractValidation implements ClientHttpRequestInterceptor {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<Integer, List<Document>> DOCUMENTS = new ConcurrentHashMap<>();
    private static final Set<String> DOCUMENTED = ConcurrentHashMap.newKeySet();
    private static final Set<String> VALIDATED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ContractValidation::writeReport));
    }

    private final int port;

    ContractValidation(int port) {
        this.port = port;
    }

    /** "METHOD /path/{template}" of each operation some web test's exchange was checked against. */
    static Set<String> validatedOperations() {
        return Set.copyOf(VALIDATED);
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        var response = execution.execute(request, body);
        var method = request.getMethod().name();
        var path = request.getURI().getRawPath();
        var match = DOCUMENTS.computeIfAbsent(port, ContractValidation::load).stream()
                .flatMap(document -> document.operation(method, path).stream())
                .findFirst();
        var type = response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
        if (match.isEmpty() || (type != null && type.startsWith("text/event-stream"))) {
            return response;
        }
        var buffered = new Buffered(response, response.getBody().readAllBytes());
        check(match.get(), request, body, buffered);
        return buffered;
    }

    private static void check(Match match, HttpRequest request, byte[] body, Buffered response) throws IOException {
        var method = Request.Method.valueOf(request.getMethod().name());
        var path = request.getURI().getRawPath();
        var answer = SimpleResponse.Builder.status(response.getStatusCode().value());
        response.getHeaders().forEach(answer::withHeader);
        if (response.body.length > 0) {
            answer.withBody(new String(response.body, StandardCharsets.UTF_8));
        }
        var errors = new ArrayList<>(errors(match.validator().validateResponse(path, method, answer.build())));
        errors.removeIf(error -> isNullableReference(error, response.body));
        if (response.getStatusCode().is2xxSuccessful()) {
            var requestErrors = new ArrayList<>(errors(match.validator().validateRequest(request(request, body))));
            requestErrors.removeIf(error -> isNullableReference(error, body));
            errors.addAll(requestErrors);
        }
        VALIDATED.add(match.operation());
        if (!errors.isEmpty()) {
            throw new AssertionError("The exchange " + request.getMethod() + " " + request.getURI() + " -> "
                    + response.getStatusCode().value() + " breaks the API document at " + match.operation() + ": "
                    + String.join("; ", errors));
        }
    }

    private static final Pattern ALL_OF_PATH =
            Pattern.compile("^validation\\.(?:request|response)\\.body\\.schema\\.allOf: \\[Path '([^']*)'].*");

    /**
     * The validator does not apply {@code nullable} to an {@code allOf} that wraps a reference,
     * which is how OpenAPI 3.0 says a field of an object type may be null (the only allOf in
     * Lightpress's documents, see NullableFields): a null there is what the document allows.
     */
    private static boolean isNullableReference(String error, byte[] body) {
        var matcher = ALL_OF_PATH.matcher(error);
        return matcher.matches() && JSON.readTree(body).at(matcher.group(1)).isNull();
    }

    private static SimpleRequest request(HttpRequest request, byte[] body) {
        var builder = new SimpleRequest.Builder(
                request.getMethod().name(), request.getURI().getRawPath());
        request.getHeaders().forEach(builder::withHeader);
        var query = request.getURI().getRawQuery();
        if (query != null) {
            for (var pair : query.split("&")) {
                var parts = pair.split("=", 2);
                builder.withQueryParam(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
            }
        }
        if (body.length > 0) {
            builder.withBody(body);
        }
        return builder.build();
    }

    private static List<String> errors(ValidationReport report) {
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> message.getKey() + ": " + message.getMessage())
                .toList();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static List<Document> load(int port) {
        var http = HttpClient.newHttpClient();
        var documents = new ArrayList<Document>();
        for (var url : List.of("/v3/api-docs/internal", "/v3/api-docs")) {
            try {
                var text = http.send(
                                java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + url))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                documents.add(Document.of(text));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the API document " + url, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return documents;
    }

    private static void writeReport() {
        var missing = new TreeSet<>(DOCUMENTED);
        missing.removeAll(VALIDATED);
        var report = "validated " + VALIDATED.size() + " of " + DOCUMENTED.size() + " documented operations\n\n"
                + "validated:\n" + String.join("\n", new TreeSet<>(VALIDATED)) + "\n\nnot validated by any web test:\n"
                + String.join("\n", missing) + "\n";
        try {
            // one report per test JVM (surefire runs two, each with its share of the classes)
            var reports = Files.createDirectories(Path.of("target", "contract-validation"));
            Files.writeString(reports.resolve(ProcessHandle.current().pid() + ".txt"), report);
        } catch (IOException e) {
            System.err.println(report);
        }
    }

    /** One served document: its validator and the operations it describes. */
    private record Document(OpenApiInteractionValidator validator, Map<String, Pattern> operations) {

        static Document of(String text) {
            var operations = new java.util.LinkedHashMap<String, Pattern>();
            JsonNode document = JSON.readTree(text);
            document.path("paths")
                    .properties()
                    .forEach(path -> path.getValue()
                            .propertyNames()
                            .forEach(method -> operations.put(
                                    method.toUpperCase() + " " + path.getKey(),
                                    Pattern.compile(path.getKey().replaceAll("\\{[^}]+}", "[^/]+")))));
            DOCUMENTED.addAll(operations.keySet());
            return new Document(
                    OpenApiInteractionValidator.createForInlineApiSpecification(text)
                            .build(),
                    operations);
        }

        Optional<Match> operation(String method, String path) {
            return operations.entrySet().stream()
                    .filter(entry -> entry.getKey().startsWith(method + " "))
                    .filter(entry -> entry.getValue().matcher(path).matches())
                    .min((a, b) -> Long.compare(templates(a.getKey()), templates(b.getKey())))
                    .map(entry -> new Match(validator, entry.getKey()));
        }

        /** Fewer path variables is the more specific match: /read-all before /{id}. */
        private static long templates(String operation) {
            return operation.chars().filter(c -> c == '{').count();
        }
    }

    private record Match(OpenApiInteractionValidator validator, String operation) {}

    /** The response with its body read once, so both the check and the test can read it. */
    private static final class Buffered implements ClientHttpResponse {

        private final ClientHttpResponse response;
        private final byte[] body;

        Buffered(ClientHttpResponse response, byte[] body) {
            this.response = response;
            this.body = body;
        }

        @Override
        public HttpStatusCode getStatusCode() throws IOException {
            return response.getStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return response.getStatusText();
        }

        @Override
        public HttpHeaders getHeaders() {
            return response.getHeaders();
        }

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public void close() {
            response.close();
        }
    }
}
