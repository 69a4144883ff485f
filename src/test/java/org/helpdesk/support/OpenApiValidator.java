package org.helpdesk.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks real HTTP responses against the hand-written OpenAPI document {@code static/api/openapi.yaml}: the
 * path, method and status must be documented, a documented JSON body must validate against its schema (JSON
 * Schema 2020-12 with the OpenAPI 3.1 dialect, {@code format} asserted), a documented empty response must be
 * empty, required headers must be present and present headers must fit their schema.
 * <p>
 * Use {@link #get()} from any test: {@code OpenApiValidator.get().assertValid("GET", path, response)}.
 * Every checked {@code METHOD template status} is recorded, so a test can ask what was covered.
 */
public final class OpenApiValidator {
    /** The document on the classpath (it is served as /api/openapi.yaml). */
    public static final String RESOURCE = "static/api/openapi.yaml";
    private static final String BASE_IRI = "https://helpdesk.invalid/api/openapi.json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final OpenApiValidator INSTANCE = new OpenApiValidator(readResource());

    private final String yaml;
    private final String json;
    private final JsonNode document;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final Set<String> covered = ConcurrentHashMap.newKeySet();
    private final List<PathTemplate> templates = new ArrayList<>();

    private OpenApiValidator(String yaml) {
        this.yaml = yaml;
        // SnakeYAML, not a Jackson YAML module: that would make the app under test accept application/yaml bodies
        Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        this.document = HttpApi.JSON.valueToTree(tree);
        this.json = HttpApi.JSON.writeValueAsString(document);
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(BASE_IRI, json)).schemaRegistryConfig(config));
        for (var path : document.get("paths").properties()) {
            templates.add(new PathTemplate(path.getKey()));
        }
        // literal segments win over parameters, as in the app's routing
        templates.sort((a, b) -> Integer.compare(a.parameters(), b.parameters()));
    }

    public static OpenApiValidator get() {
        return INSTANCE;
    }

    /** A validator for another document (the validator's own tests use broken ones). */
    static OpenApiValidator of(String yaml) {
        return new OpenApiValidator(yaml);
    }

    /** The document as text, exactly as on the classpath. */
    public String yaml() {
        return yaml;
    }

    /** The document as JSON. */
    public String json() {
        return json;
    }

    /** The parsed document. */
    public JsonNode document() {
        return document;
    }

    /** {@code "GET /api/helpdesk/tickets/{id}"} for every operation of the document. */
    public Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        for (var path : document.get("paths").properties()) {
            for (var op : path.getValue().properties()) {
                if (METHODS.contains(op.getKey())) {
                    operations.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    /** {@code "POST /api/helpdesk/tickets 201"} for every method, path and status checked so far. */
    public Set<String> covered() {
        return new TreeSet<>(covered);
    }

    /** The documented path template that a concrete path (query string allowed) matches. */
    public Optional<String> template(String path) {
        String bare = stripQuery(path);
        return templates.stream().filter(t -> t.matches(bare)).map(PathTemplate::template).findFirst();
    }

    /** A schema of components/schemas, e.g. {@code "Ticket"}. */
    public JsonNode componentSchema(String name) {
        JsonNode schema = document.at("/components/schemas/" + name);
        if (schema.isMissingNode()) {
            throw new IllegalArgumentException("No schema " + name + " in " + RESOURCE);
        }
        return schema;
    }

    /** Validates {@code value} against a schema of components/schemas; returns the problems, empty when valid. */
    public List<String> validateAgainst(String schemaName, JsonNode value) {
        componentSchema(schemaName);
        return errors(schema("/components/schemas/" + escape(schemaName)), value, "");
    }

    /**
     * Every way the document itself falls short of OpenAPI 3.1: version, info, that every {@code $ref} resolves,
     * that every Schema Object is valid JSON Schema 2020-12 (checked against its meta-schema), parameters,
     * security requirements naming defined schemes, unique operationIds, responses with descriptions.
     */
    public List<String> documentProblems() {
        List<String> problems = new ArrayList<>();
        if (!"3.1.0".equals(document.path("openapi").stringValue(null))) {
            problems.add("openapi must be 3.1.0");
        }
        if (!document.at("/info/title").isString() || !document.at("/info/version").isString()) {
            problems.add("info needs title and version");
        }
        Schema metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        walk(document, "", metaSchema, problems);
        Set<String> schemes = new TreeSet<>(document.at("/components/securitySchemes").propertyNames());
        Set<String> operationIds = new TreeSet<>();
        for (var path : document.get("paths").properties()) {
            if (!path.getKey().startsWith("/")) {
                problems.add("path " + path.getKey() + " must start with /");
            }
            checkParameters(path.getValue().path("parameters"), path.getKey(), problems);
            for (var op : path.getValue().properties()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String name = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                JsonNode operation = op.getValue();
                checkParameters(operation.path("parameters"), name, problems);
                String id = operation.path("operationId").stringValue(null);
                if (id == null || !operationIds.add(id)) {
                    problems.add(name + ": operationId missing or not unique");
                }
                JsonNode responses = operation.path("responses");
                if (responses.isEmpty()) {
                    problems.add(name + ": no responses");
                }
                for (var response : responses.properties()) {
                    if (!response.getKey().matches("[1-5][0-9][0-9]|[1-5]XX|default")) {
                        problems.add(name + ": response key " + response.getKey());
                    }
                    JsonNode resolved = document.at(resolveRef("/paths/" + escape(path.getKey()) + "/" + op.getKey()
                            + "/responses/" + response.getKey()));
                    if (!resolved.path("description").isString()) {
                        problems.add(name + " " + response.getKey() + ": description is required");
                    }
                }
                for (JsonNode requirement : operation.path("security")) {
                    for (String scheme : requirement.propertyNames()) {
                        if (!schemes.contains(scheme)) {
                            problems.add(name + ": security scheme " + scheme + " is not defined");
                        }
                    }
                }
            }
        }
        return problems;
    }

    private void checkParameters(JsonNode parameters, String where, List<String> problems) {
        for (JsonNode parameter : parameters) {
            JsonNode p = parameter.has("$ref") ? document.at(parameter.get("$ref").stringValue().substring(1)) : parameter;
            String in = p.path("in").stringValue("");
            if (!p.path("name").isString() || !Set.of("query", "header", "path", "cookie").contains(in)) {
                problems.add(where + ": parameter needs name and in: " + p);
            }
            if (in.equals("path") && !p.path("required").asBoolean(false)) {
                problems.add(where + ": path parameter " + p.path("name") + " must be required");
            }
            if (!p.has("schema") && !p.has("content")) {
                problems.add(where + ": parameter " + p.path("name") + " needs a schema");
            }
        }
    }

    /** Checks $refs everywhere and validates Schema Objects against the JSON Schema 2020-12 meta-schema. */
    private void walk(JsonNode node, String pointer, Schema metaSchema, List<String> problems) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isString()) {
                String target = ref.stringValue();
                if (!target.startsWith("#/") || document.at(target.substring(1)).isMissingNode()) {
                    problems.add(pointer + ": $ref " + target + " does not resolve");
                }
            }
            for (var field : node.properties()) {
                String child = pointer + "/" + escape(field.getKey());
                boolean schemaObject = field.getKey().equals("schema") && field.getValue().isObject();
                boolean schemaMap = pointer.equals("/components") && field.getKey().equals("schemas");
                if (schemaObject) {
                    problems.addAll(errors(metaSchema, field.getValue(), child));
                } else if (schemaMap) {
                    for (var schema : field.getValue().properties()) {
                        problems.addAll(errors(metaSchema, schema.getValue(), child + "/" + escape(schema.getKey())));
                    }
                }
                walk(field.getValue(), child, metaSchema, problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, metaSchema, problems);
            }
        }
    }

    /** Throws an {@link AssertionError} that lists every way the response disagrees with the document. */
    public void assertValid(String method, String path, HttpApi.Response response) {
        List<String> problems = problems(method, path, response);
        if (!problems.isEmpty()) {
            throw new AssertionError(method + " " + path + " -> " + response.status() + " does not match "
                    + RESOURCE + ":\n  - " + String.join("\n  - ", problems) + "\n  body: " + abbreviate(response.body()));
        }
    }

    /** Every way the response disagrees with the document; empty when it matches. */
    public List<String> problems(String method, String path, HttpApi.Response response) {
        List<String> problems = new ArrayList<>();
        String verb = method.toLowerCase(Locale.ROOT);
        Optional<String> template = template(path);
        if (template.isEmpty()) {
            problems.add("path " + stripQuery(path) + " is not documented");
            return problems;
        }
        String operationPointer = "/paths/" + escape(template.get()) + "/" + verb;
        JsonNode operation = document.at(operationPointer);
        if (operation.isMissingNode()) {
            problems.add(method + " is not documented for " + template.get());
            return problems;
        }
        String status = Integer.toString(response.status());
        String responsePointer = operationPointer + "/responses/" + status;
        if (document.at(responsePointer).isMissingNode()) {
            problems.add("status " + status + " is not documented for " + method + " " + template.get()
                    + " (documented: " + names(operation.get("responses")) + ")");
            return problems;
        }
        covered.add(method.toUpperCase(Locale.ROOT) + " " + template.get() + " " + status);
        responsePointer = resolveRef(responsePointer);
        JsonNode documented = document.at(responsePointer);

        checkHeaders(documented, responsePointer, response, problems);
        checkBody(documented, responsePointer, response, problems);
        return problems;
    }

    private void checkBody(JsonNode documented, String responsePointer, HttpApi.Response response, List<String> problems) {
        JsonNode content = documented.get("content");
        boolean empty = response.body() == null || response.body().isEmpty();
        if (content == null || content.isEmpty()) {
            if (!empty) {
                problems.add("the documented response has no body, but one was sent");
            }
            return;
        }
        String contentType = response.header("Content-Type");
        if (contentType == null) {
            problems.add("no Content-Type for a documented body");
            return;
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!content.has(mediaType) && content.has("*/*")) {
            return; // any type (a file's bytes, API §8)
        }
        if (!content.has(mediaType)) {
            problems.add("Content-Type " + mediaType + " is not documented (documented: " + names(content) + ")");
            return;
        }
        if (!mediaType.equals("application/json")) {
            return;
        }
        JsonNode body;
        try {
            body = response.json();
        } catch (RuntimeException e) {
            problems.add("the body is not JSON");
            return;
        }
        if (content.get(mediaType).has("schema")) {
            String schemaPointer = responsePointer + "/content/" + escape(mediaType) + "/schema";
            problems.addAll(errors(schema(schemaPointer), body, "body"));
        }
    }

    private void checkHeaders(JsonNode documented, String responsePointer, HttpApi.Response response,
                              List<String> problems) {
        JsonNode headers = documented.get("headers");
        if (headers == null) {
            return;
        }
        for (var header : headers.properties()) {
            String name = header.getKey();
            String pointer = resolveRef(responsePointer + "/headers/" + escape(name));
            JsonNode definition = document.at(pointer);
            String value = response.header(name);
            if (value == null) {
                if (definition.path("required").asBoolean(false)) {
                    problems.add("required header " + name + " is missing");
                }
                continue;
            }
            if (definition.has("schema")) {
                String schemaPointer = resolveRef(pointer + "/schema");
                JsonNode type = document.at(schemaPointer).path("type");
                JsonNode instance;
                if (type.isString() && type.stringValue().equals("integer")) {
                    try {
                        instance = JsonNodeFactory.instance.numberNode(Long.parseLong(value.strip()));
                    } catch (NumberFormatException e) {
                        problems.add("header " + name + " is not an integer: " + value);
                        continue;
                    }
                } else {
                    instance = JsonNodeFactory.instance.stringNode(value);
                }
                problems.addAll(errors(schema(pointer + "/schema"), instance, "header " + name));
            }
        }
    }

    private List<String> errors(Schema schema, JsonNode value, String where) {
        List<String> problems = new ArrayList<>();
        for (Error error : schema.validate(value)) {
            problems.add((where.isEmpty() ? "" : where + " ") + error.getInstanceLocation() + ": " + error.getMessage());
        }
        return problems;
    }

    private Schema schema(String pointer) {
        return schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(BASE_IRI + "#" + p)));
    }

    /** Follows {@code $ref}s of response and header objects (schemas resolve their own). */
    private String resolveRef(String pointer) {
        for (int hops = 0; hops < 10; hops++) {
            JsonNode node = document.at(pointer);
            JsonNode ref = node.get("$ref");
            if (ref == null || !ref.isString() || !ref.stringValue().startsWith("#/")) {
                return pointer;
            }
            pointer = ref.stringValue().substring(1);
        }
        throw new IllegalStateException("$ref loop at " + pointer);
    }

    /** JSON Pointer escaping of one reference token. */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String stripQuery(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    private static String names(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node != null) {
            Iterator<String> it = node.propertyNames().iterator();
            it.forEachRemaining(names::add);
        }
        return String.join(", ", names);
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= 2000 ? body : body.substring(0, 2000) + "...";
    }

    private static String readResource() {
        try (InputStream in = OpenApiValidator.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A path of the document, e.g. /api/helpdesk/tickets/{id}/messages, as a matcher for concrete paths. */
    private record PathTemplate(String template, Pattern pattern, int parameters) {
        PathTemplate(String template) {
            this(template, Pattern.compile(template.chars().filter(c -> c == '{').count() == 0
                            ? Pattern.quote(template)
                            : toRegex(template)),
                    (int) template.chars().filter(c -> c == '{').count());
        }

        private static String toRegex(String template) {
            StringBuilder regex = new StringBuilder();
            for (String part : template.split("(?=\\{)|(?<=\\})")) {
                regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
            }
            return regex.toString();
        }

        boolean matches(String path) {
            return pattern.matcher(path).matches();
        }
    }
}
