package org.lbp.cds.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The README's configuration reference (issue 7, item 11) must not drift from the code: every {@code lbp.*} property
 * the service reads (its config mappings and {@code @ConfigProperty} injections, found in the compiled classes) is in
 * the table with the default the code has, every {@code lbp.*} row in the table is still read, and every profile that
 * changes an {@code lbp.*} property in {@code application.properties} is named in its row; and every property that
 * file sets (the framework's too) has a row, with the value the file gives it.
 */
class ConfigurationReferenceTest {

    private static final Path README = Path.of("README.md");
    private static final Path CLASSES = Path.of("target/classes");
    private static final Path PROPERTIES = Path.of("src/main/resources/application.properties");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    /** A profile-specific key: %dev.lbp.rules.location */
    private static final Pattern PROFILED = Pattern.compile("%([a-z]+)\\.(lbp\\..+)");

    /** A row of the README's table, per property: its default cell's value and the profiles named in its row. */
    record Documented(String defaultValue, Set<String> profiles) {
    }

    private static Map<String, Documented> readme;
    /** What the code reads: property name → its default in the code (null: none). */
    private static Map<String, String> read;
    private static Properties file;

    @BeforeAll
    static void load() throws IOException {
        readme = readmeTable(Files.readString(README, StandardCharsets.UTF_8));
        read = propertiesReadByTheService();
        file = applicationProperties();
    }

    @Test
    @DisplayName("The scan finds the service's properties (a guard against a scan that finds nothing)")
    void scanFindsTheKnownProperties() {
        assertTrue(read.keySet().containsAll(Set.of("lbp.rules.location", "lbp.thresholds.imbalance",
                "lbp.audit.commit-timeout", "lbp.security.token-lifetime", "lbp.input.max-body-bytes")), read.toString());
        assertTrue(readme.keySet().containsAll(Set.of("lbp.audit.username", "lbp.audit.password", "quarkus.http.port")),
                readme.toString());
    }

    @Test
    @DisplayName("Every lbp.* property the service reads is in the README's table, and every lbp.* row there is read")
    void sameLbpPropertiesBothWays() {
        Set<String> documented = new TreeSet<>();
        readme.keySet().stream().filter(name -> name.startsWith("lbp.")).forEach(documented::add);
        assertEquals(new TreeSet<>(read.keySet()), documented, "lbp.* properties: read by the code against the README");
    }

    @Test
    @DisplayName("Each property's default in the README is the code's default, and application.properties agrees")
    void defaultsAgree() {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> property : read.entrySet()) {
            Documented row = readme.get(property.getKey());
            if (row == null) {
                continue; // reported by sameLbpPropertiesBothWays
            }
            String inCode = property.getValue() == null ? "none" : readable(property.getValue());
            if (!row.defaultValue().equals(inCode)) {
                wrong.add(property.getKey() + ": README " + row.defaultValue() + ", code " + inCode);
            }
            String inFile = file.getProperty(property.getKey());
            if (inFile != null && !readable(inFile).equals(row.defaultValue())) {
                wrong.add(property.getKey() + ": README " + row.defaultValue() + ", application.properties " + inFile);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    @DisplayName("Every property application.properties sets is in the README's table, with the value it sets there")
    void everyPropertySetIsDocumented() {
        List<String> wrong = new ArrayList<>();
        for (String key : new TreeSet<>(file.stringPropertyNames())) {
            String name = key.replaceFirst("^%[a-z]+\\.", "");
            Documented row = readme.get(name);
            if (row == null) {
                wrong.add(name + ": not in the README");
            } else if (!key.startsWith("%") && !file.getProperty(key).contains("${")
                    && !readable(file.getProperty(key)).equals(row.defaultValue())) {
                wrong.add(name + ": README " + row.defaultValue() + ", application.properties " + file.getProperty(key));
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    @DisplayName("Every profile that changes an lbp.* property in application.properties is named in the README's row")
    void profilesNamed() {
        Map<String, Set<String>> inFile = new TreeMap<>();
        for (String key : file.stringPropertyNames()) {
            Matcher matcher = PROFILED.matcher(key);
            if (matcher.matches()) {
                inFile.computeIfAbsent(matcher.group(2), k -> new TreeSet<>()).add(matcher.group(1));
            }
        }
        assertFalse(inFile.isEmpty(), "no profile-specific lbp.* property found in " + PROPERTIES);
        Map<String, Set<String>> inReadme = new TreeMap<>();
        for (String name : inFile.keySet()) {
            inReadme.put(name, readme.containsKey(name) ? readme.get(name).profiles() : Set.of());
        }
        readme.forEach((name, row) -> {
            if (name.startsWith("lbp.") && !row.profiles().isEmpty()) {
                inReadme.put(name, row.profiles());
                inFile.putIfAbsent(name, Set.of());
            }
        });
        assertEquals(inFile, inReadme, "profiles per lbp.* property: application.properties against the README");
    }

    // ---- the README's table

    /** The rows of the table under "## Configuration": | names | default | profiles | meaning |. */
    static Map<String, Documented> readmeTable(String text) {
        int start = text.indexOf("\n## Configuration\n");
        assertTrue(start >= 0, "README has no '## Configuration' section");
        int end = text.indexOf("\n## ", start + 1);
        Map<String, Documented> rows = new LinkedHashMap<>();
        for (String line : text.substring(start, end < 0 ? text.length() : end).split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|", -1);
            assertTrue(cells.length >= 5, "a configuration row needs four cells: " + line);
            List<String> names = codes(cells[1].replaceAll("\\(`[A-Z_]+`\\)", "")); // leave out (LBP_LOG_JSON)
            List<String> defaults = defaults(cells[2]);
            Set<String> profiles = profiles(cells[3]);
            for (int i = 0; i < names.size(); i++) {
                String value;
                if (defaults.size() == 1) {
                    value = defaults.get(0);
                } else if (defaults.size() == names.size()) {
                    value = defaults.get(i);
                } else {
                    throw new AssertionError("defaults do not match the names one to one: " + line);
                }
                rows.put(names.get(i), new Documented(value, profiles));
            }
        }
        return rows;
    }

    private static List<String> codes(String cell) {
        List<String> codes = new ArrayList<>();
        Matcher matcher = CODE.matcher(cell);
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
        return codes;
    }

    /** "`5s`" → [5s]; "`false`, none" → [false, none]; "none (the embedded store)" → [none]. */
    private static List<String> defaults(String cell) {
        List<String> values = new ArrayList<>();
        for (String part : cell.split(",(?=(?:[^`]*`[^`]*`)*[^`]*$)")) { // commas outside `code`
            List<String> code = codes(part);
            String text = part.trim();
            values.add(code.size() == 1 ? code.get(0) : text.startsWith("none") ? "none" : text);
        }
        return values;
    }

    /** "dev: `x`; test: random" → {dev, test}; "dev, test: `true`" → {dev, test}. */
    private static Set<String> profiles(String cell) {
        Set<String> profiles = new TreeSet<>();
        for (String part : cell.split(";")) {
            int colon = part.indexOf(':');
            if (colon > 0) {
                for (String profile : part.substring(0, colon).split(",")) {
                    profiles.add(profile.trim());
                }
            }
        }
        return profiles;
    }

    /** How the README writes a default: the user's home as ~. */
    private static String readable(String value) {
        return value.replace("${user.home}", "~");
    }

    private static Properties applicationProperties() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(PROPERTIES, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    // ---- what the code reads

    /** Every lbp.* property in the service's config mappings and @ConfigProperty injections, with its default. */
    static Map<String, String> propertiesReadByTheService() throws IOException {
        Map<String, String> read = new TreeMap<>();
        for (Class<?> type : serviceClasses()) {
            ConfigMapping mapping = type.getAnnotation(ConfigMapping.class);
            if (mapping != null) {
                for (Method method : type.getDeclaredMethods()) {
                    if (method.getParameterCount() == 0 && Modifier.isAbstract(method.getModifiers())) {
                        WithName name = method.getAnnotation(WithName.class);
                        WithDefault byDefault = method.getAnnotation(WithDefault.class);
                        read.put(mapping.prefix() + "." + (name != null ? name.value() : kebab(method.getName())),
                                byDefault == null ? null : byDefault.value());
                    }
                }
            }
            List<AnnotatedElement> injected = new ArrayList<>(List.of(type.getDeclaredFields()));
            Stream.concat(Stream.of(type.getDeclaredConstructors()), Stream.of(type.getDeclaredMethods()))
                    .flatMap(executable -> Stream.of(executable.getParameters())).map(Parameter.class::cast)
                    .forEach(injected::add);
            for (AnnotatedElement element : injected) {
                ConfigProperty property = element.getAnnotation(ConfigProperty.class);
                if (property != null && property.name().startsWith("lbp.")) {
                    read.put(property.name(), Optional.of(property.defaultValue())
                            .filter(value -> !ConfigProperty.UNCONFIGURED_VALUE.equals(value)).orElse(null));
                }
            }
        }
        return read;
    }

    private static List<Class<?>> serviceClasses() throws IOException {
        Path root = CLASSES.resolve("org/lbp/cds");
        assertTrue(Files.isDirectory(root), "compile the service first: " + root);
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    classes.add(Class.forName(name, false, ConfigurationReferenceTest.class.getClassLoader()));
                } catch (ClassNotFoundException e) {
                    throw new AssertionError("cannot load " + name, e);
                }
            }
        }
        return classes;
    }

    /** commitTimeout → commit-timeout, as SmallRye Config names a mapping's method. */
    static String kebab(String method) {
        return method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
