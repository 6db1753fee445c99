package org.lbp.cds.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.CanonicalKieModule;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.ReleaseId;

/**
 * Generates and compiles the executable model of a ruleset (build time, benchmarks and tests only: it needs
 * {@code drools-model-codegen}, which the packaged service does not carry).
 */
public final class ExecutableModelBuilder {

    /** The class files the last build wrote, one a line, so the next build removes them before writing its own. */
    private static final String WRITTEN = "rules/executable-model.classes";

    private ExecutableModelBuilder() {
    }

    /** The executable model of these files, built in memory (for tests and benchmarks). */
    public static CompiledRuleset compile(RulesetSource source, ClassLoader classLoader) {
        KieServices services = KieServices.Factory.get();
        ReleaseId releaseId = CompiledRuleset.releaseId(source);
        build(source, classLoader, releaseId);
        return CompiledRuleset.of(source,
                services.newKieContainer(releaseId, classLoader).newKieBase(CompiledRuleset.configuration(classLoader)));
    }

    /**
     * Writes the compiled classes of the executable model under {@code classes} (replacing any earlier model) and its
     * descriptor ({@link ExecutableModel#DESCRIPTOR}); returns the number of classes written.
     */
    public static int write(RulesetSource source, ClassLoader classLoader, Path classes) throws IOException {
        ReleaseId releaseId = CompiledRuleset.releaseId(source);
        InternalKieModule module = (InternalKieModule) build(source, classLoader, releaseId).getKieModule();
        List<String> classFiles = module.getFileNames().stream().filter(name -> name.endsWith(".class")).sorted().toList();
        Path written = classes.resolve(WRITTEN);
        if (Files.exists(written)) {
            for (String earlier : Files.readAllLines(written, StandardCharsets.UTF_8)) {
                if (earlier.endsWith(".class")) {
                    Files.deleteIfExists(classes.resolve(earlier));
                }
            }
        }
        for (String name : classFiles) {
            Path target = classes.resolve(name);
            Files.createDirectories(target.getParent());
            Files.write(target, module.getBytes(name));
        }
        byte[] modelFile = module.getBytes(CanonicalKieModule.getModelFileWithGAV(releaseId));
        if (modelFile == null) {
            throw new RulesetException("the executable model build wrote no model file");
        }
        List<String> models = new ArrayList<>();
        for (String line : new String(modelFile, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank() && !line.contains(":")) { // a header line, e.g. Drools-Model-Version:10.2.0
                models.add(line.strip());
            }
        }
        Files.createDirectories(written.getParent());
        Files.write(written, classFiles, StandardCharsets.UTF_8);
        Path descriptor = classes.resolve(ExecutableModel.DESCRIPTOR);
        Files.createDirectories(descriptor.getParent());
        Files.writeString(descriptor, ExecutableModel.descriptor(source.version(), models), StandardCharsets.UTF_8);
        return classFiles.size();
    }

    private static KieBuilder build(RulesetSource source, ClassLoader classLoader, ReleaseId releaseId) {
        KieBuilder builder = KieServices.Factory.get()
                .newKieBuilder(CompiledRuleset.fileSystem(source, releaseId), classLoader)
                .buildAll(ExecutableModelProject.class);
        CompiledRuleset.failOnErrors(builder);
        return builder;
    }
}
