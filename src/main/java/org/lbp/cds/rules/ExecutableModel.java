package org.lbp.cds.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;

/**
 * The knowledge base generated as Java at build time (Drools' executable model): the build
 * ({@link RulesetBuildCheck}) turns every DRL file of {@code rules/} into compiled classes and writes a descriptor
 * naming the ruleset version they were generated from and their model classes. At start-up the service instantiates
 * those classes: no DRL parsing, no MVEL, no Java compilation, so start-up is fast and the first evaluations are not
 * slowed by lazy compilation.
 *
 * <p>The DRL stays the source of truth: the model is used only when its recorded version is the version of the DRL
 * files being served (the same files the audit stores); otherwise the DRL is compiled.
 */
public final class ExecutableModel {

    /** The descriptor, beside the DRL files on the classpath: {@code version <v>} then one {@code model <class>} a line. */
    public static final String DESCRIPTOR = "rules/executable-model.txt";

    private ExecutableModel() {
    }

    /** The descriptor's content for a ruleset version and its generated model classes. */
    static String descriptor(String version, List<String> modelClasses) {
        StringBuilder text = new StringBuilder("version ").append(version).append('\n');
        modelClasses.forEach(name -> text.append("model ").append(name).append('\n'));
        return text.toString();
    }

    /**
     * The knowledge base of these DRL files from the build's executable model, or empty when the classpath holds no
     * model or a model generated from other files (a reason is given to the caller through {@code reason}).
     */
    public static Optional<CompiledRuleset> load(RulesetSource source, ClassLoader classLoader, StringBuilder reason) {
        String descriptor = read(classLoader);
        if (descriptor == null) {
            reason.append("no ").append(DESCRIPTOR).append(" on the classpath");
            return Optional.empty();
        }
        String version = null;
        List<String> modelClasses = new ArrayList<>();
        for (String line : descriptor.split("\n")) {
            if (line.startsWith("version ")) {
                version = line.substring("version ".length()).strip();
            } else if (line.startsWith("model ")) {
                modelClasses.add(line.substring("model ".length()).strip());
            }
        }
        if (!source.version().equals(version)) {
            reason.append("the executable model was generated from rules ").append(version)
                    .append(", not from the rules served (").append(source.version()).append(')');
            return Optional.empty();
        }
        if (modelClasses.isEmpty()) {
            reason.append(DESCRIPTOR).append(" names no model class");
            return Optional.empty();
        }
        List<Model> models = new ArrayList<>();
        for (String name : modelClasses) {
            try {
                models.add((Model) Class.forName(name, true, classLoader).getConstructor().newInstance());
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new RulesetException("the executable model class " + name + " cannot be loaded: " + e);
            }
        }
        KieBase kieBase = KieBaseBuilder.createKieBaseFromModel(models, CompiledRuleset.configuration(classLoader));
        return Optional.of(CompiledRuleset.of(source, kieBase));
    }

    private static String read(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(DESCRIPTOR)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DESCRIPTOR, e);
        }
    }
}
