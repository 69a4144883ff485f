package org.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The settings table of docs/operations.md against the code: every environment variable of application*.yml,
 * every {@code helpdesk.*} property (application.yml, {@code @Value}, {@code @ConfigurationProperties}) and every
 * variable bin/helpdesk reads must have a row with the code's default; every row must name something real.
 */
class OperationsDocTest {
    private static final Path DOC = Path.of("docs/operations.md");
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    private static final Pattern VALUE_ANNOTATION = Pattern.compile("\\$\\{(helpdesk\\.[a-z0-9.-]+):([^}]*)}");
    private static final Pattern ENV_LITERAL = Pattern.compile("\"(HELPDESK_[A-Z0-9_]+)\"");
    private static final Pattern SCRIPT_DEFAULT = Pattern.compile("\\$\\{(HELPDESK_[A-Z_]+):-([^}]*)}");
    private static final Pattern SCRIPT_VARIABLE = Pattern.compile("^  ([A-Z][A-Z_]+) {2,}", Pattern.MULTILINE);

    /** A setting as the code has it: environment variable (or null), property (or null), default (or null). */
    record Setting(String env, String property, String defaultValue, String where) {
    }

    /** One row of the table: the backticked names of each cell. */
    record Row(List<String> env, List<String> property, String defaultCell, List<String> defaults) {
    }

    @Test
    void everySettingOfTheCodeHasARowWithItsDefault() throws IOException {
        List<Row> rows = rows();
        List<String> missing = new ArrayList<>();
        for (Setting s : codeSettings()) {
            boolean found = rows.stream().anyMatch(r ->
                    (s.env() == null || r.env().contains(s.env()))
                            && (s.property() == null || r.property().contains(s.property()))
                            && (s.defaultValue() == null || defaultShown(r, s.defaultValue())));
            if (!found) {
                missing.add(s.toString());
            }
        }
        assertThat(missing).as("settings without a matching row (env, property, default) in %s", DOC).isEmpty();
    }

    @Test
    void everyRowNamesASettingTheCodeReadsOrASpringProperty() throws IOException {
        Set<String> knownEnv = new LinkedHashSet<>();
        Set<String> knownProperties = new LinkedHashSet<>();
        for (Setting s : codeSettings()) {
            if (s.env() != null) {
                knownEnv.add(s.env());
            }
            if (s.property() != null) {
                knownProperties.add(s.property());
            }
        }
        List<String> unknown = new ArrayList<>();
        for (Row r : rows()) {
            for (String env : r.env()) {
                // a Spring property given through its environment form (SERVER_ADDRESS = server.address)
                boolean relaxed = r.property().stream().anyMatch(p -> relaxedEnv(p).equals(env));
                if (!knownEnv.contains(env) && !relaxed) {
                    unknown.add(env);
                }
            }
            for (String property : r.property()) {
                if (property.startsWith("helpdesk.") && !knownProperties.contains(property)) {
                    unknown.add(property);
                }
            }
        }
        assertThat(unknown).as("rows of %s that the code does not read", DOC).isEmpty();
    }

    private static boolean defaultShown(Row r, String value) {
        return value.isEmpty() ? r.defaultCell().contains("empty") : r.defaults().contains(value);
    }

    static List<Setting> codeSettings() throws IOException {
        List<Setting> settings = new ArrayList<>();
        for (String file : List.of("application.yml", "application-postgres.yml")) {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(file, new ClassPathResource(file))) {
                var enumerable = (EnumerablePropertySource<?>) source;
                for (String name : enumerable.getPropertyNames()) {
                    String raw = String.valueOf(enumerable.getProperty(name));
                    List<String[]> placeholders = placeholders(raw);
                    for (String[] p : placeholders) {
                        settings.add(new Setting(p[0], name, p[1], file));
                    }
                    if (placeholders.isEmpty() && name.startsWith("helpdesk.")) {
                        settings.add(new Setting(null, name, raw, file));
                    }
                }
            }
        }
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = VALUE_ANNOTATION.matcher(Files.readString(file));
                while (m.find()) {
                    settings.add(new Setting(null, m.group(1), m.group(2), file.getFileName().toString()));
                }
                // environment variables read directly (the copy-to-postgres command)
                Matcher e = ENV_LITERAL.matcher(Files.readString(file));
                while (e.find()) {
                    settings.add(new Setting(e.group(1), null, null, file.getFileName().toString()));
                }
            }
        }
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (var candidate : scanner.findCandidateComponents("org.helpdesk")) {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                String prefix = type.getAnnotation(ConfigurationProperties.class).value();
                addComponents(prefix, type, settings);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        String script = Files.readString(Path.of("bin/helpdesk"));
        Matcher d = SCRIPT_DEFAULT.matcher(script);
        while (d.find()) {
            // ${X:-} only tests whether X is set; a computed default ($(...)) is described in words
            String value = d.group(2).isEmpty() || d.group(2).contains("$") ? null : d.group(2);
            settings.add(new Setting(d.group(1), null, value, "bin/helpdesk"));
        }
        Matcher v = SCRIPT_VARIABLE.matcher(script.substring(script.indexOf("Environment read by this script")));
        while (v.find()) {
            settings.add(new Setting(v.group(1), null, null, "bin/helpdesk --help"));
        }
        return settings;
    }

    private static void addComponents(String prefix, Class<?> type, List<Setting> settings) {
        for (RecordComponent c : type.getRecordComponents()) {
            String name = prefix + "." + kebab(c.getName());
            if (c.getType().isRecord()) {
                addComponents(name, c.getType(), settings);
            } else {
                settings.add(new Setting(null, name, null, type.getSimpleName()));
            }
        }
    }

    /** {@code ${NAME:default}} occurrences, nested ones included (their default keeps the inner placeholder). */
    static List<String[]> placeholders(String raw) {
        List<String[]> found = new ArrayList<>();
        int start = raw.indexOf("${");
        while (start >= 0) {
            int depth = 0;
            int end = start;
            for (int i = start; i < raw.length(); i++) {
                if (raw.startsWith("${", i)) {
                    depth++;
                } else if (raw.charAt(i) == '}' && --depth == 0) {
                    end = i;
                    break;
                }
            }
            String body = raw.substring(start + 2, end);
            int colon = body.indexOf(':');
            found.add(new String[] {colon < 0 ? body : body.substring(0, colon), colon < 0 ? null : body.substring(colon + 1)});
            found.addAll(placeholders(body));
            start = raw.indexOf("${", end);
        }
        return found;
    }

    private static List<Row> rows() throws IOException {
        String doc = Files.readString(DOC);
        int table = doc.indexOf("| environment variable | property | default | meaning |");
        assertThat(table).as("the settings table in %s", DOC).isPositive();
        List<Row> rows = new ArrayList<>();
        for (String line : doc.substring(table).lines().skip(2).toList()) {
            if (!line.startsWith("|")) {
                break;
            }
            String[] cells = line.split("\\|");
            rows.add(new Row(codes(cells[1]), codes(cells[2]), cells[3], codes(cells[3])));
        }
        return rows;
    }

    private static List<String> codes(String cell) {
        List<String> codes = new ArrayList<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String relaxedEnv(String property) {
        return property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
    }
}
